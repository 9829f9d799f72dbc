package fi.ecosystem.local;

import java.util.LinkedHashMap;
import java.util.Map;

/** One part of the stack: started and health-checked by {@link #start()}, stopped by {@link #stop()}. */
abstract class Component {

    enum State { STOPPED, STARTING, HEALTHY, FAILED, EXTERNAL, RESTARTING }

    protected volatile State state = State.STOPPED;
    protected volatile long startMillis;

    abstract String name();

    /** Starts and waits until healthy; throws with a readable message on failure. */
    abstract void start() throws Exception;

    abstract void stop();

    abstract String url();

    /** Process id of the child, or of the launcher for in-process components. */
    abstract Long pid();

    /** Log lines to show when the start failed, or null. */
    String failureLog() {
        return null;
    }

    State state() {
        return state;
    }

    Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name());
        m.put("state", state.name().toLowerCase(java.util.Locale.ROOT));
        m.put("url", url());
        m.put("pid", pid());
        m.put("startMillis", startMillis);
        return m;
    }
}
