package fi.ecosystem.projects.reporting.web;

import fi.ecosystem.projects.project.Project;
import fi.ecosystem.projects.project.ProjectParts;
import fi.ecosystem.projects.reporting.Correction;
import fi.ecosystem.projects.reporting.Figure;
import fi.ecosystem.projects.reporting.ReportingPeriod;
import fi.ecosystem.projects.reporting.ReportingService.Pack;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The report pack's printable summary (PDF, A4): the project's details, partners and funding, and the indicator
 * table of the period with its corrections. The standard fonts cover Finnish and Swedish letters and the euro sign.
 */
final class ReportSummary {

    private static final float MARGIN = 50;
    private static final float LINE = 14;
    private static final float[] COLUMNS = {MARGIN, 270, 330, 390, 450, 510};

    private final ReportTexts texts;
    private final PDDocument document = new PDDocument();
    private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDPageContentStream page;
    private float y;

    private ReportSummary(ReportTexts texts) {
        this.texts = texts;
    }

    static void write(Pack pack, String language, OutputStream out) throws IOException {
        ReportSummary summary = new ReportSummary(new ReportTexts(language));
        try (PDDocument document = summary.document) {
            summary.render(pack);
            document.save(out);
        }
    }

    private void render(Pack pack) throws IOException {
        Project project = pack.project();
        ReportingPeriod period = pack.report().period();
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(text("title") + " " + project.acronym() + " " + period.label());
        newPage();
        line(bold, 16, text("title"));
        line(bold, 12, safe(project.name() == null ? project.acronym() : project.name().in(texts.language()))
                + (project.acronym() == null ? "" : " (" + project.acronym() + ")"));
        y -= LINE / 2;
        line(regular, 10, text("period") + ": " + period.label() + "  " + period.startDate() + " – " + period.endDate()
                + "  " + text("status") + ": " + text("status." + period.status()));
        line(regular, 10, text("projectPeriod") + ": " + project.startDate() + " – " + project.endDate());
        line(regular, 10, text("leadCity") + ": " + project.leadCity());
        line(regular, 10, text("budget") + ": " + project.totalBudgetEur() + " €");
        y -= LINE / 2;
        line(bold, 11, text("partners"));
        for (ProjectParts.Partner partner : project.partners()) {
            line(regular, 10, "• " + safe(partner.organisation()) + (partner.role() == null ? "" : " (" + partner.role() + ")"));
        }
        y -= LINE / 2;
        line(bold, 11, text("funding"));
        for (ProjectParts.Funding funding : project.funding()) {
            line(regular, 10, "• " + safe(funding.funder()) + (funding.programme() == null ? "" : ", " + safe(funding.programme()))
                    + (funding.amountEur() == null ? "" : ": " + funding.amountEur() + " €"));
        }
        y -= LINE;
        line(bold, 11, text("sheet.indicators"));
        row(bold, List.of(text("column.indicator"), text("column.target"), text("column.baseline"),
                text("column.periodValue"), text("column.cumulativeValue"), text("column.lockedValue")));
        for (Figure figure : Figure.values()) {
            Long locked = pack.report().lockedFigures() == null ? null : pack.report().lockedFigures().period(figure);
            ProjectParts.Indicator defined = definedFor(project, figure);
            row(regular, java.util.Arrays.asList(text("figure." + figure), defined == null ? "" : String.valueOf(defined.target()),
                    defined == null ? "" : String.valueOf(defined.baseline()),
                    String.valueOf(pack.report().figures().period(figure)),
                    String.valueOf(pack.report().figures().cumulative(figure)), locked == null ? "" : String.valueOf(locked)));
        }
        for (ProjectParts.Indicator indicator : project.indicators()) {
            if (indicator.feed() == ProjectParts.IndicatorFeed.REPORTED) {
                String value = indicator.history().stream().filter(entry -> entry.period().equals(period.label()))
                        .map(entry -> String.valueOf(entry.value())).findFirst().orElse("");
                row(regular, List.of(safe(indicator.name().in(texts.language())), String.valueOf(indicator.target()),
                        String.valueOf(indicator.baseline()), value, value, ""));
            }
        }
        if (!pack.report().corrections().isEmpty()) {
            y -= LINE;
            line(bold, 11, text("sheet.corrections"));
            for (Correction correction : pack.report().corrections()) {
                line(regular, 10, correction.recordedAt().toString().substring(0, 10) + "  " + text("figure." + correction.figure())
                        + "  " + signed(correction.periodDelta()) + "  " + text("reason." + correction.reason())
                        + (correction.note() == null ? "" : ": " + safe(correction.note()) + " (" + safe(correction.recordedBy()) + ")"));
            }
        }
        page.close();
    }

    private static ProjectParts.Indicator definedFor(Project project, Figure figure) {
        ProjectParts.IndicatorFeed feed = figure == Figure.EVENTS_HELD ? ProjectParts.IndicatorFeed.EVENTS_HELD
                : figure == Figure.PARTICIPANTS_REACHED ? ProjectParts.IndicatorFeed.PARTICIPANTS_REACHED : null;
        return feed == null ? null
                : project.indicators().stream().filter(indicator -> indicator.feed() == feed).findFirst().orElse(null);
    }

    private void row(PDFont font, List<String> cells) throws IOException {
        room();
        for (int c = 0; c < cells.size(); c++) {
            float width = c + 1 < COLUMNS.length ? COLUMNS[c + 1] - COLUMNS[c] - 4 : 80;
            write(font, 9, COLUMNS[c], fit(font, 9, cells.get(c), width));
        }
        y -= LINE;
    }

    private void line(PDFont font, float size, String text) throws IOException {
        List<String> lines = wrap(font, size, text, PDRectangle.A4.getWidth() - 2 * MARGIN);
        for (String part : lines) {
            room();
            write(font, size, MARGIN, part);
            y -= size + 4;
        }
    }

    private void write(PDFont font, float size, float x, String text) throws IOException {
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(x, y);
        page.showText(text);
        page.endText();
    }

    private void room() throws IOException {
        if (y < MARGIN) {
            page.close();
            newPage();
        }
    }

    private void newPage() throws IOException {
        PDPage next = new PDPage(PDRectangle.A4);
        document.addPage(next);
        page = new PDPageContentStream(document, next);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private static List<String> wrap(PDFont font, float size, String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size > width && !current.isEmpty()) {
                lines.add(current.toString());
                current = new StringBuilder(word);
            } else {
                current = new StringBuilder(candidate);
            }
        }
        lines.add(current.toString());
        return lines;
    }

    private static String fit(PDFont font, float size, String text, float width) throws IOException {
        String fitted = text;
        while (fitted.length() > 1 && font.getStringWidth(fitted) / 1000 * size > width) {
            fitted = fitted.substring(0, fitted.length() - 1);
        }
        return fitted;
    }

    /** What the standard font cannot draw (beyond Latin-1 and the euro sign) becomes a question mark, not an error. */
    private String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder safe = new StringBuilder();
        text.codePoints().forEach(point -> {
            String letter = new String(Character.toChars(point));
            try {
                regular.encode(letter);
                safe.append(letter);
            } catch (IOException | IllegalArgumentException unsupported) {
                safe.append('?');
            }
        });
        return safe.toString();
    }

    private static String signed(long delta) {
        return delta > 0 ? "+" + delta : String.valueOf(delta);
    }

    private String text(String key) {
        return texts.text(key);
    }
}
