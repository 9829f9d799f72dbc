package fi.ecosystem.local;

import java.lang.instrument.Instrumentation;
import java.util.Optional;

/**
 * A tiny java agent added to every Java child ({@code -javaagent:parent-watch.jar=<launcher pid>}): when the
 * launcher dies, even by {@code kill -9}, the child exits too, so no child outlives the launcher.
 * It is copied into its own jar at run time: keep it a single class without nested classes.
 */
public final class ParentWatch {

    private ParentWatch() {
    }

    public static void premain(String args, Instrumentation instrumentation) {
        long pid;
        try {
            pid = Long.parseLong(args == null ? "" : args.trim());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> parent = ProcessHandle.of(pid);
        if (parent.isEmpty() || !parent.get().isAlive()) {
            System.err.println("[parent-watch] launcher " + pid + " is gone, exiting");
            Runtime.getRuntime().halt(3);
        }
        parent.get().onExit().thenRun(() -> {
            System.err.println("[parent-watch] launcher " + pid + " exited, stopping this process");
            Thread killer = new Thread(() -> {
                try {
                    Thread.sleep(20_000);
                } catch (InterruptedException ignored) {
                    // fall through
                }
                Runtime.getRuntime().halt(4);
            }, "parent-watch-halt");
            killer.setDaemon(true);
            killer.start();
            System.exit(3);
        });
    }
}
