package fi.ecosystem.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Resident memory of the launcher and all its descendants, from /proc/<pid>/status (VmRSS). */
final class Memory {

    private Memory() {
    }

    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return 0;
    }

    /** Sum of VmRSS of this process tree in kB (0 where /proc is missing). */
    static long treeRssKb() {
        List<Long> pids = new ArrayList<>();
        pids.add(ProcessHandle.current().pid());
        ProcessHandle.current().descendants().forEach(p -> pids.add(p.pid()));
        long sum = 0;
        for (long pid : pids) {
            sum += rssKb(pid);
        }
        return sum;
    }
}
