package fi.ecosystem.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * GreenMail in-process: SMTP accepting any sender and recipient (no authentication) and IMAP, plus reading what was
 * sent for the mail viewer ({@code GET /mail} on the stack console).
 */
final class MailServer extends Component {

    private final Options options;
    private volatile GreenMail greenMail;

    MailServer(Options options) {
        this.options = options;
    }

    @Override
    String name() {
        return "smtp";
    }

    @Override
    String url() {
        return "smtp://localhost:" + options.smtpPort;
    }

    @Override
    Long pid() {
        return greenMail != null ? ProcessHandle.current().pid() : null;
    }

    boolean isRunning() {
        return greenMail != null;
    }

    @Override
    synchronized void start() throws Exception {
        long t0 = System.currentTimeMillis();
        state = State.STARTING;
        try {
            Ports.requireFree("smtp", options.smtpPort);
            List<ServerSetup> setups = new ArrayList<>();
            setups.add(new ServerSetup(options.smtpPort, "localhost", ServerSetup.PROTOCOL_SMTP));
            boolean imap = !Ports.inUse(options.imapPort);
            if (imap) {
                setups.add(new ServerSetup(options.imapPort, "localhost", ServerSetup.PROTOCOL_IMAP));
            } else {
                System.out.println("  (IMAP port " + options.imapPort + " is in use: IMAP not started)");
            }
            GreenMail gm = new GreenMail(setups.toArray(new ServerSetup[0]))
                    .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
            gm.start();
            greenMail = gm;
            long deadline = System.currentTimeMillis() + 10_000;
            while (!Ports.canConnect(options.smtpPort, 500)) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("SMTP did not open port " + options.smtpPort);
                }
                ChildProcess.sleep(50);
            }
            state = State.HEALTHY;
            startMillis = System.currentTimeMillis() - t0;
        } catch (Exception e) {
            state = State.FAILED;
            throw e;
        }
    }

    @Override
    void stop() {
        GreenMail gm = greenMail;
        greenMail = null;
        if (gm != null) {
            gm.stop();
        }
        state = State.STOPPED;
    }

    /** One sent message; delivered copies (one per recipient mailbox) are merged into one. */
    record Mail(String id, MimeMessage message, Date receivedAt, Set<String> envelopeRecipients) {
    }

    List<Mail> mails() throws MessagingException, IOException {
        GreenMail gm = greenMail;
        if (gm == null) {
            return List.of();
        }
        ImapHostManager imap = gm.getManagers().getImapHostManager();
        Map<String, Mail> byKey = new LinkedHashMap<>();
        for (GreenMailUser user : gm.getUserManager().listUser()) {
            List<StoredMessage> stored;
            try {
                stored = imap.getInbox(user).getMessages();
            } catch (FolderException e) {
                continue;
            }
            for (StoredMessage sm : stored) {
                MimeMessage m = sm.getMimeMessage();
                String key = m.getMessageID();
                if (key == null) {
                    key = HexFormat.of().formatHex(sha256(raw(m)));
                }
                String finalKey = key;
                Mail mail = byKey.computeIfAbsent(key, k -> new Mail(shortId(finalKey), m, sm.getReceivedDate(), new LinkedHashSet<>()));
                mail.envelopeRecipients().add(user.getEmail());
            }
        }
        List<Mail> list = new ArrayList<>(byKey.values());
        list.sort(Comparator.comparing(Mail::receivedAt, Comparator.nullsFirst(Comparator.naturalOrder())));
        return list;
    }

    Mail find(String id) throws MessagingException, IOException {
        for (Mail m : mails()) {
            if (m.id().equals(id)) {
                return m;
            }
        }
        return null;
    }

    /**
     * Deletes every message held for or addressed to one of the erased people, named by the keyed hashes of their
     * addresses (as {@code contact.erased} names them): the mailbox of such an address goes whole, and a message to
     * several people goes from every mailbox that holds a copy. Returns how many stored copies went.
     */
    int erase(Set<String> emailHashes, java.util.function.UnaryOperator<String> emailHash) throws FolderException, MessagingException {
        GreenMail gm = greenMail;
        if (gm == null || emailHashes.isEmpty()) {
            return 0;
        }
        ImapHostManager imap = gm.getManagers().getImapHostManager();
        int erased = 0;
        for (GreenMailUser user : List.copyOf(gm.getUserManager().listUser())) {
            com.icegreen.greenmail.store.MailFolder inbox;
            try {
                inbox = imap.getInbox(user);
            } catch (FolderException e) {
                continue;
            }
            if (emailHashes.contains(emailHash.apply(user.getEmail()))) {
                erased += inbox.getMessages().size();
                inbox.deleteAllMessages();
                gm.getUserManager().deleteUser(user);
                continue;
            }
            boolean marked = false;
            for (StoredMessage stored : inbox.getMessages()) {
                if (addressedToAny(stored.getMimeMessage(), emailHashes, emailHash)) {
                    inbox.setFlags(new jakarta.mail.Flags(jakarta.mail.Flags.Flag.DELETED), true, stored.getUid(), null, false);
                    marked = true;
                    erased++;
                }
            }
            if (marked) {
                inbox.expunge();
            }
        }
        return erased;
    }

    private static boolean addressedToAny(MimeMessage message, Set<String> emailHashes, java.util.function.UnaryOperator<String> emailHash)
            throws MessagingException {
        Address[] recipients = message.getAllRecipients();
        if (recipients != null) {
            for (Address recipient : recipients) {
                String address = recipient instanceof jakarta.mail.internet.InternetAddress internet ? internet.getAddress()
                        : recipient.toString();
                if (address != null && emailHashes.contains(emailHash.apply(address))) {
                    return true;
                }
            }
        }
        return false;
    }

    void clear() throws FolderException {
        GreenMail gm = greenMail;
        if (gm != null) {
            gm.purgeEmailFromAllMailboxes();
        }
    }

    static Map<String, Object> toJson(Mail mail) throws MessagingException, IOException {
        MimeMessage m = mail.message();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", mail.id());
        json.put("messageId", m.getMessageID());
        json.put("from", addresses(m.getFrom()));
        List<String> to = addresses(m.getRecipients(Message.RecipientType.TO));
        json.put("to", to);
        json.put("cc", addresses(m.getRecipients(Message.RecipientType.CC)));
        json.put("envelopeRecipients", new ArrayList<>(mail.envelopeRecipients()));
        json.put("subject", m.getSubject());
        Date sent = m.getSentDate() != null ? m.getSentDate() : mail.receivedAt();
        json.put("sentAt", sent != null ? sent.toInstant().toString() : null);
        json.put("receivedAt", mail.receivedAt() != null ? mail.receivedAt().toInstant().toString() : null);
        Body body = new Body();
        collect(m, body);
        json.put("text", body.text != null ? body.text : body.html);
        json.put("html", body.html);
        json.put("attachments", body.attachments);
        return json;
    }

    static byte[] raw(MimeMessage m) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        return out.toByteArray();
    }

    private static final class Body {
        String text;
        String html;
        final List<Map<String, Object>> attachments = new ArrayList<>();
    }

    private static void collect(Part part, Body body) throws MessagingException, IOException {
        String disposition = part.getDisposition();
        String fileName = part.getFileName();
        if (fileName != null || Part.ATTACHMENT.equalsIgnoreCase(disposition)) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("name", fileName != null ? MimeUtility.decodeText(fileName) : null);
            a.put("contentType", baseType(part.getContentType()));
            a.put("size", part.getSize());
            body.attachments.add(a);
            return;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart bp = mp.getBodyPart(i);
                collect(bp, body);
            }
        } else if (part.isMimeType("text/plain") && body.text == null) {
            body.text = String.valueOf(part.getContent());
        } else if (part.isMimeType("text/html") && body.html == null) {
            body.html = String.valueOf(part.getContent());
        } else if (part.isMimeType("message/rfc822")) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("name", "message.eml");
            a.put("contentType", "message/rfc822");
            body.attachments.add(a);
        }
    }

    private static String baseType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(java.util.Locale.ROOT);
    }

    private static List<String> addresses(Address[] addresses) {
        List<String> list = new ArrayList<>();
        if (addresses != null) {
            for (Address a : addresses) {
                list.add(a.toString());
            }
        }
        return list;
    }

    private static String shortId(String key) {
        return HexFormat.of().formatHex(sha256(key.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
