package fi.ecosystem.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A list as a CSV or XLSX download. CSV uses semicolons and a byte-order mark, which is what Excel with
 * Finnish settings opens correctly (the comma is the decimal separator there); cells that would start a
 * formula are defused.
 */
public final class Spreadsheet<T> {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** A column: its header and how a row gives its value (numbers stay numbers in XLSX). */
    public record Column<T>(String header, Function<T, Object> value) {
    }

    private final String sheetName;
    private final List<Column<T>> columns;

    public Spreadsheet(String sheetName, List<Column<T>> columns) {
        this.sheetName = sheetName;
        this.columns = List.copyOf(columns);
    }

    /** The same sheet with more columns after these, e.g. one for each question an event asks. */
    public Spreadsheet<T> with(List<Column<T>> more) {
        List<Column<T>> all = new java.util.ArrayList<>(columns);
        all.addAll(more);
        return new Spreadsheet<>(sheetName, all);
    }

    public void csv(List<T> rows, HttpServletResponse response, String fileName) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + ".csv\"");
        csv(rows, response.getOutputStream());
    }

    public void xlsx(List<T> rows, HttpServletResponse response, String fileName) throws IOException {
        response.setContentType(XLSX);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + ".xlsx\"");
        xlsx(rows, response.getOutputStream());
    }

    public void csv(List<T> rows, OutputStream out) throws IOException {
        StringBuilder text = new StringBuilder("\uFEFF");
        text.append(String.join(";", columns.stream().map(Column::header).toList())).append("\r\n");
        for (T row : rows) {
            text.append(String.join(";", columns.stream().map(column -> cell(column.value().apply(row))).toList()))
                    .append("\r\n");
        }
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    public void xlsx(List<T> rows, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "ecosystem", "1.0");
        Worksheet sheet = workbook.newWorksheet(sheetName);
        for (int c = 0; c < columns.size(); c++) {
            sheet.value(0, c, columns.get(c).header());
            sheet.style(0, c).bold().set();
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                Object value = columns.get(c).value().apply(rows.get(r));
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

    /** Quotes a CSV cell when needed, and defuses formulas (a text cell starting with =, +, - or @). */
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
