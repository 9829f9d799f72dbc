package fi.ecosystem.projects.project.web;

import fi.ecosystem.projects.project.Project;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A project list as a spreadsheet. CSV uses semicolons and a byte-order mark, which is what Excel with
 * Finnish settings opens correctly (the comma is the decimal separator there).
 */
final class ProjectExport {

    private ProjectExport() {
    }

    record Column(String header, Function<Project, Object> value) {
    }

    static List<Column> columns(String language) {
        return List.of(
                new Column("id", Project::id),
                new Column("acronym", Project::acronym),
                new Column("name", project -> project.name() == null ? "" : project.name().in(language)),
                new Column("status", project -> project.status().name()),
                new Column("startDate", project -> project.startDate() == null ? "" : project.startDate().toString()),
                new Column("endDate", project -> project.endDate() == null ? "" : project.endDate().toString()),
                new Column("leadCity", Project::leadCity),
                new Column("participatingCities", project -> String.join(", ", project.participatingCities().stream().sorted().toList())),
                new Column("totalBudgetEur", Project::totalBudgetEur),
                new Column("funders", project -> String.join(", ", project.funding().stream().map(f -> f.funder()).toList())),
                new Column("themes", project -> String.join(", ", project.themes().stream().map(Enum::name).sorted().toList())),
                new Column("participantsReached", Project::participantsReached),
                new Column("eventsHeld", Project::eventsHeld));
    }

    static void csv(List<Project> projects, String language, OutputStream out) throws IOException {
        List<Column> columns = columns(language);
        StringBuilder text = new StringBuilder("\uFEFF");
        text.append(String.join(";", columns.stream().map(Column::header).toList())).append("\r\n");
        for (Project project : projects) {
            text.append(String.join(";", columns.stream().map(column -> cell(column.value().apply(project))).toList()))
                    .append("\r\n");
        }
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    static void xlsx(List<Project> projects, String language, OutputStream out) throws IOException {
        List<Column> columns = columns(language);
        Workbook workbook = new Workbook(out, "ecosystem", "1.0");
        Worksheet sheet = workbook.newWorksheet("Projects");
        for (int c = 0; c < columns.size(); c++) {
            sheet.value(0, c, columns.get(c).header());
            sheet.style(0, c).bold().set();
        }
        for (int r = 0; r < projects.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                Object value = columns.get(c).value().apply(projects.get(r));
                if (value instanceof Number number) {
                    sheet.value(r + 1, c, number);
                } else {
                    sheet.value(r + 1, c, value == null ? "" : value.toString());
                }
            }
        }
        try {
            workbook.finish();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Quotes a CSV cell when needed, and defuses formulas (a cell starting with =, +, - or @). */
    static String cell(Object value) {
        String text = value == null ? "" : value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
            text = "'" + text;
        }
        if (text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
