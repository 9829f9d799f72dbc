package fi.ecosystem.events.certificate;

import fi.ecosystem.events.event.Event;
import fi.ecosystem.events.registration.Registration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders a certificate of attendance as a one-page A4 PDF in the participant's language (fi, sv or en; texts
 * {@code certificate.*} of the bundle {@code i18n/messages}): their name, the programme, its dates, the sessions
 * attended, the organising city and the verification code with the page that confirms it.
 */
@Component
public class CertificatePdf {

    private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    private static final List<String> LANGUAGES = List.of("fi", "sv", "en");

    private final MessageSource messages;

    CertificatePdf(MessageSource messages) {
        this.messages = messages;
    }

    /** What goes on the certificate besides the registration and its event. */
    public record Facts(String code, String verifyUrl, int sessionsAttended, String cityName) {
    }

    public static String languageOf(Registration registration) {
        return LANGUAGES.contains(registration.language()) ? registration.language() : "fi";
    }

    public String fileName(String language) {
        return text("certificate.file", Locale.forLanguageTag(language));
    }

    public byte[] render(Event event, Registration registration, Facts facts) {
        String language = languageOf(registration);
        Locale locale = Locale.forLanguageTag(language);
        DateTimeFormatter date = DateTimeFormatter.ofPattern(text("certificate.date", locale), locale);
        String from = date.format(event.startsAt().atZone(HELSINKI));
        String to = date.format(event.endsAt().atZone(HELSINKI));
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(text("certificate.title", locale) + " – " + event.title().in(language));
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            float width = page.getMediaBox().getWidth();
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                float y = 720;
                y = centred(content, bold, 26, text("certificate.title", locale), width, y) - 40;
                y = centred(content, regular, 13, text("certificate.certifies", locale), width, y) - 30;
                y = centred(content, bold, 22, registration.firstName() + " " + registration.lastName(), width, y) - 30;
                y = centred(content, regular, 13, text("certificate.completed", locale), width, y) - 26;
                for (String line : wrapped(event.title().in(language), bold, 18, width - 120)) {
                    y = centred(content, bold, 18, line, width, y) - 24;
                }
                y -= 10;
                y = centred(content, regular, 13, text("certificate.period", locale, from, to), width, y) - 20;
                y = centred(content, regular, 13, text("certificate.sessions", locale, facts.sessionsAttended(),
                        event.sessions().size()), width, y) - 20;
                String organiser = event.organisation() == null || event.organisation().isBlank() ? facts.cityName()
                        : event.organisation() + ", " + facts.cityName();
                centred(content, regular, 13, text("certificate.organiser", locale, organiser), width, y);
                left(content, regular, 10, text("certificate.code", locale, facts.code()), 60, 110);
                left(content, regular, 10, text("certificate.verify", locale, facts.verifyUrl()), 60, 94);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the certificate of registration " + registration.id(), e);
        }
    }

    private static float centred(PDPageContentStream content, PDType1Font font, float size, String text, float width, float y)
            throws IOException {
        String shown = printable(font, text);
        float textWidth = font.getStringWidth(shown) / 1000 * size;
        left(content, font, size, shown, (width - textWidth) / 2, y);
        return y;
    }

    private static void left(PDPageContentStream content, PDType1Font font, float size, String text, float x, float y)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(printable(font, text));
        content.endText();
    }

    /** A long programme title on several lines. */
    private static List<String> wrapped(String text, PDType1Font font, float size, float maxWidth) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.getStringWidth(printable(font, candidate)) / 1000 * size > maxWidth) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /**
     * The standard fonts cover Finnish and Swedish letters (WinAnsi); a character they cannot show — a name in
     * another script — becomes '?' rather than failing the whole certificate.
     */
    private static String printable(PDType1Font font, String text) {
        StringBuilder shown = new StringBuilder();
        text.codePoints().forEach(point -> {
            String character = new String(Character.toChars(point));
            try {
                font.encode(character);
                shown.append(character);
            } catch (IOException | IllegalArgumentException notInTheFont) {
                shown.append('?');
            }
        });
        return shown.toString();
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments.length == 0 ? null : arguments, locale);
    }
}
