package fi.ecosystem.local;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A child process whose output goes to a log file, stopped with SIGTERM then SIGKILL, descendants included. */
final class ChildProcess {

    private static final String SETSID = Files.isExecutable(Path.of("/usr/bin/setsid")) ? "/usr/bin/setsid"
            : Files.isExecutable(Path.of("/bin/setsid")) ? "/bin/setsid" : null;

    private final String name;
    private final Path logFile;
    private volatile Process process;

    ChildProcess(String name, Path logFile) {
        this.name = name;
        this.logFile = logFile;
    }

    void start(List<String> command, Map<String, String> env, File workDir) throws IOException {
        start(command, env, workDir, false);
    }

    /** inheritOutput: the child writes to the launcher's console (its own logging decides what goes there). */
    void start(List<String> command, Map<String, String> env, File workDir, boolean inheritOutput) throws IOException {
        Files.createDirectories(logFile.getParent());
        Files.writeString(logFile, "---- " + Instant.now() + " starting " + name + ": " + String.join(" ", command) + System.lineSeparator(),
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        List<String> full = new java.util.ArrayList<>();
        if (SETSID != null) {
            // own session: Ctrl-C in the terminal reaches only the launcher, which then stops the children in order
            full.add(SETSID);
        }
        full.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(full);
        pb.environment().putAll(env);
        if (workDir != null) {
            pb.directory(workDir);
        }
        if (inheritOutput) {
            pb.redirectOutput(ProcessBuilder.Redirect.INHERIT);
            pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        } else {
            pb.redirectErrorStream(true);
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        }
        // stdin stays a pipe from the launcher; nobody writes to it
        process = pb.start();
    }

    boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    Long pid() {
        Process p = process;
        return p != null && p.isAlive() ? p.pid() : null;
    }

    Process process() {
        return process;
    }

    Path logFile() {
        return logFile;
    }

    /** SIGTERM to the process (and its descendants after it), wait, then SIGKILL whatever is left. */
    void stop(long graceSeconds) {
        Process p = process;
        if (p == null) {
            return;
        }
        List<ProcessHandle> descendants = p.descendants().toList();
        if (p.isAlive()) {
            p.destroy();
            try {
                if (!p.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                    System.out.println("  " + name + " did not stop within " + graceSeconds + " s, killing it");
                    p.destroyForcibly();
                    p.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        // a wrapper script (kc.sh) forwards SIGTERM to its java; give the descendants a moment, then kill them
        for (ProcessHandle d : descendants) {
            if (d.isAlive()) {
                d.destroy();
            }
        }
        long deadline = System.currentTimeMillis() + graceSeconds * 1000;
        for (ProcessHandle d : descendants) {
            while (d.isAlive() && System.currentTimeMillis() < deadline) {
                sleep(100);
            }
            if (d.isAlive()) {
                d.destroyForcibly();
            }
        }
        process = null;
    }

    String tail(int lines) {
        return tail(logFile, lines);
    }

    static String tail(Path file, int lines) {
        if (!Files.exists(file)) {
            return "(no log at " + file + ")";
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long len = raf.length();
            long from = Math.max(0, len - 64 * 1024);
            raf.seek(from);
            byte[] bytes = new byte[(int) (len - from)];
            raf.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            Deque<String> last = new ArrayDeque<>();
            for (String line : text.split("\r?\n")) {
                last.addLast(line);
                if (last.size() > lines) {
                    last.removeFirst();
                }
            }
            return String.join(System.lineSeparator(), last);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The launcher's own classpath with absolute entries (children run in other folders). */
    static String absoluteClassPath() {
        StringBuilder b = new StringBuilder();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            if (b.length() > 0) {
                b.append(java.io.File.pathSeparator);
            }
            b.append(Path.of(entry).toAbsolutePath().normalize());
        }
        return b.toString();
    }

    /**
     * Lets a child JVM hand the C heap it freed back to the system every few seconds (glibc keeps it otherwise: the JIT
     * compilers' arenas of the first minutes of load stay resident for the life of the process). The option exists from
     * JDK 17.0.9 and 21.0.1; the children run on the launcher's JDK, and an older one would refuse to start with it.
     */
    static List<String> trimNativeHeap() {
        Runtime.Version v = Runtime.version();
        boolean known = v.feature() >= 22 || (v.feature() == 21 && v.update() >= 1) || (v.feature() == 17 && v.update() >= 9);
        return known ? List.of("-XX:TrimNativeHeapInterval=5000") : List.of();
    }

    /** The java executable of the JVM running the launcher. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
