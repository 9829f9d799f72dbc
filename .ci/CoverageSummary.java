import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One line of a module's test coverage from JaCoCo's CSV report, for the build log (run by the build at
 * verify: {@code java CoverageSummary.java <module> <jacoco.csv>}). A module without tests prints nothing.
 */
class CoverageSummary {

    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args[1]);
        if (!Files.exists(csv)) {
            return;
        }
        // GROUP,PACKAGE,CLASS,INSTRUCTION_MISSED,INSTRUCTION_COVERED,BRANCH_MISSED,BRANCH_COVERED,LINE_MISSED,LINE_COVERED,...
        long[] totals = new long[6];
        List<String> rows = Files.readAllLines(csv);
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",");
            for (int i = 0; i < totals.length; i++) {
                totals[i] += Long.parseLong(cells[3 + i]);
            }
        }
        System.out.printf("[coverage] %-18s instructions %s  branches %s  lines %s  (%d classes; target/site/jacoco/index.html)%n",
                args[0], percent(totals[0], totals[1]), percent(totals[2], totals[3]), percent(totals[4], totals[5]),
                rows.size() - 1);
    }

    private static String percent(long missed, long covered) {
        long all = missed + covered;
        return all == 0 ? "  n/a" : String.format("%5.1f%%", 100.0 * covered / all);
    }
}
