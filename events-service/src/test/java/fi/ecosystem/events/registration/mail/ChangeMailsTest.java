package fi.ecosystem.events.registration.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import fi.ecosystem.events.registration.Registration;
import fi.ecosystem.events.registration.RegistrationService;
import fi.ecosystem.events.registration.Registrations;
import fi.ecosystem.platform.messaging.InboundEvent;
import fi.ecosystem.platform.messaging.Inbox;
import fi.ecosystem.platform.messaging.PartlyHandledException;
import fi.ecosystem.platform.testing.EmbeddedStore;
import fi.ecosystem.platform.testing.MessageBundles;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mails of one poll go to a real SMTP server (GreenMail) over one connection; when one of them is refused,
 * the inbox has the others marked, so handling the poll again one event at a time, as the batch listener does,
 * mails only the refused one: every registrant gets exactly one mail.
 */
class ChangeMailsTest {

    static final MongoClient client = MongoClients.create(EmbeddedStore.uri());

    final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    /** Connections opened to the SMTP server. */
    final AtomicInteger connections = new AtomicInteger();
    /** Recipients whose mail the sender refuses, as a server refusing a recipient would. */
    final Set<String> refused = new java.util.concurrent.CopyOnWriteArraySet<>();
    final RegistrationService registrations = mock(RegistrationService.class);
    Inbox inbox;
    ChangeMails mails;

    @BeforeEach
    void start() {
        smtp.start();
        inbox = new Inbox(new MongoTemplate(client, "change-mails-test-" + UUID.randomUUID()), JsonMapper.builder().build(),
                Duration.ofDays(1));
        JavaMailSenderImpl sender = new JavaMailSenderImpl() {
            @Override
            protected Transport connectTransport() throws MessagingException {
                connections.incrementAndGet();
                return super.connectTransport();
            }

            @Override
            protected void doSend(MimeMessage[] messages, Object[] originals) {
                Map<Object, Exception> failed = new LinkedHashMap<>();
                List<MimeMessage> sent = new ArrayList<>();
                for (MimeMessage message : messages) {
                    if (refused.contains(recipient(message))) {
                        failed.put(message, new MessagingException("550 mailbox unavailable"));
                    } else {
                        sent.add(message);
                    }
                }
                if (!sent.isEmpty()) {
                    super.doSend(sent.toArray(MimeMessage[]::new), null);
                }
                if (!failed.isEmpty()) {
                    throw new MailSendException(failed);
                }
            }
        };
        sender.setHost("localhost");
        sender.setPort(smtp.getSmtp().getPort());
        mails = new ChangeMails(registrations, new RegistrationMails(sender, MessageBundles.source("i18n/messages"),
                "Tapahtumat <tapahtumat@example.org>", "https://ecosystem.example.org", "/events/registrations/"));
        when(registrations.eventOf(any())).thenReturn(RegistrationMailsTest.EVENT);
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void thePollsMailsGoOverOneConnectionAndAnErasedRegistrationGetsNone() {
        List<Registration> people = registered("Aino", "Bertta", "Cecilia");
        List<InboundEvent> poll = new ArrayList<>(people.stream().map(person -> change(person.id())).toList());
        poll.add(change("r-erased"));

        assertThat(inbox.onceAll("registration-mail", poll, mails::send)).hasSize(4);

        assertThat(connections).hasValue(1);
        assertThat(recipients()).containsExactly("aino@example.org", "bertta@example.org", "cecilia@example.org");
        assertThat(inbox.onceAll("registration-mail", poll, mails::send)).as("the poll again: all marked").isEmpty();
        assertThat(smtp.getReceivedMessages()).hasSize(3);
    }

    @Test
    void aMailRefusedInThePollIsTheOnlyOneSentAgain() {
        List<Registration> people = registered("Aino", "Bertta", "Cecilia");
        List<InboundEvent> poll = people.stream().map(person -> change(person.id())).toList();
        refused.add("bertta@example.org");

        assertThatThrownBy(() -> inbox.onceAll("registration-mail", poll, mails::send))
                .isInstanceOfSatisfying(PartlyHandledException.class, partly -> {
                    assertThat(partly.handled(poll.get(0))).isTrue();
                    assertThat(partly.handled(poll.get(1))).isFalse();
                    assertThat(partly.handled(poll.get(2))).isTrue();
                });
        assertThat(recipients()).containsExactly("aino@example.org", "cecilia@example.org");

        // the listener goes on one event at a time; the server takes Bertta's mail this time
        refused.clear();
        List<InboundEvent> handledAgain = new ArrayList<>();
        for (InboundEvent event : poll) {
            handledAgain.addAll(inbox.onceAll("registration-mail", List.of(event), mails::send));
        }

        assertThat(handledAgain).containsExactly(poll.get(1));
        assertThat(recipients()).containsExactlyInAnyOrder("aino@example.org", "bertta@example.org", "cecilia@example.org");
    }

    /** Registrations the mocked service finds by id, confirmed, in Finnish. */
    private List<Registration> registered(String... names) {
        List<Registration> people = Arrays.stream(names)
                .map(name -> Registrations.confirmed("ev-1", name.toLowerCase() + "@example.org", name, "fi")).toList();
        Map<String, Registration> byId = new LinkedHashMap<>();
        people.forEach(person -> byId.put(person.id(), person));
        when(registrations.findForMail(any(java.util.Collection.class))).thenAnswer(call -> {
            Map<String, Registration> found = new LinkedHashMap<>();
            for (Object id : (java.util.Collection<?>) call.getArgument(0)) {
                if (byId.containsKey(id)) {
                    found.put((String) id, byId.get(id));
                }
            }
            return found;
        });
        return people;
    }

    private InboundEvent change(String registrationId) {
        String envelope = """
                {"id": "%s", "type": "registration.confirmed", "version": 1, "time": "2026-11-23T10:00:00Z",
                 "source": "events-service", "subject": "%s", "cities": ["helsinki"],
                 "data": {"registrationId": "%s", "eventId": "ev-1"}}
                """.formatted(UUID.randomUUID(), registrationId, registrationId);
        return inbox.receive(new ConsumerRecord<>("registrations", 0, 0, registrationId, envelope));
    }

    /** The recipients of the mails the server received, in their order. */
    private List<String> recipients() {
        return Stream.of(smtp.getReceivedMessages()).map(ChangeMailsTest::recipient).toList();
    }

    private static String recipient(MimeMessage message) {
        try {
            Address[] to = message.getAllRecipients();
            return to[0].toString();
        } catch (MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }
}
