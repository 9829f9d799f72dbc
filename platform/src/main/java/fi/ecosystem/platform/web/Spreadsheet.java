package fi.ecosystem.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A list as a CSV or XLSX download. CSV uses semicolons and a byte-order mark, which is what Excel with
 * Finnish settings opens correctly (the comma is the decimal separator there); cells that would start a
 * formula are defused. A {@link LocalDateTime} value is a date cell in XLSX and {@code yyyy-MM-dd HH:mm} in
 * CSV, both of which Excel shows as a date and time. Rows are written as they come, so a cursor over many
 * thousands of rows is never held in memory whole.
 */
public final class Spreadsheet<T> {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Date-times in CSV: what Excel and LibreOffice read as a date-time in every locale. */
    public static final DateTimeFormatter CSV_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String XLSX_DATE_TIME = "yyyy-mm-dd hh:mm";
    /** Rows kept by the XLSX writer before they go out to the stream. */
    private static final int FLUSH_EVERY = 1_000;

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

    public List<String> headers() {
        return columns.stream().map(Column::header).toList();
    }

    public void csv(Iterable<T> rows, HttpServletResponse response, String fileName) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + ".csv\"");
        csv(rows, response.getOutputStream());
    }

    public void xlsx(Iterable<T> rows, HttpServletResponse response, String fileName) throws IOException {
        response.setContentType(XLSX);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + ".xlsx\"");
        xlsx(rows, response.getOutputStream());
    }

    public void csv(Iterable<T> rows, OutputStream out) throws IOException {
        Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
        text.write('\uFEFF');
        text.write(String.join(";", columns.stream().map(column -> cell(column.header())).toList()));
        text.write("\r\n");
        for (T row : rows) {
            text.write(String.join(";", columns.stream().map(column -> cell(column.value().apply(row))).toList()));
            text.write("\r\n");
        }
        text.flush();
    }

    public void xlsx(Iterable<T> rows, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "ecosystem", "1.0");
        Worksheet sheet = workbook.newWorksheet(sheetName);
        for (int c = 0; c < columns.size(); c++) {
            sheet.value(0, c, columns.get(c).header());
            sheet.style(0, c).bold().set();
            sheet.width(c, Math.min(40, Math.max(12, columns.get(c).header().length() + 2)));
        }
        sheet.freezePane(0, 1);
        int r = 1;
        try {
            for (T row : rows) {
                for (int c = 0; c < columns.size(); c++) {
                    Object value = columns.get(c).value().apply(row);
                    if (value instanceof Number number) {
                        sheet.value(r, c, number);
                    } else if (value instanceof LocalDateTime dateTime) {
                        sheet.value(r, c, dateTime);
                        sheet.style(r, c).format(XLSX_DATE_TIME).set();
                    } else {
                        sheet.value(r, c, value == null ? "" : value.toString());
                    }
                }
                if (r++ % FLUSH_EVERY == 0) {
                    sheet.flush();
                }
            }
            workbook.finish();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Quotes a CSV cell when needed, and defuses formulas (a text cell starting with =, +, - or @). */
    static String cell(Object value) {
        String text = value == null ? "" : value instanceof LocalDateTime dateTime ? CSV_DATE_TIME.format(dateTime)
                : value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
            text = "'" + text;
        }
        if (text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
