package fi.ecosystem.platform.privacy;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * Moves every data subject key to the current KEK: once at start — a service does not start while keys of
 * an unknown KEK remain — and then every {@code interval}, which catches keys that a replica of an older
 * version stored in clear during a rolling upgrade. Every replica of every service runs it; the updates are
 * conditional, so that is harmless.
 */
public class KeyRewrap implements ApplicationRunner, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KeyRewrap.class);

    private final PersonalDataKeys keys;
    private final Duration interval;
    private ScheduledExecutorService timer;

    public KeyRewrap(PersonalDataKeys keys, Duration interval) {
        this.keys = keys;
        this.interval = interval;
    }

    @Override
    public void run(ApplicationArguments args) {
        keys.rewrap();
        if (interval != null && !interval.isZero() && !interval.isNegative()) {
            timer = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "personal-data-key-rewrap");
                thread.setDaemon(true);
                return thread;
            });
            timer.scheduleWithFixedDelay(this::again, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void again() {
        try {
            keys.rewrap();
        } catch (RuntimeException e) {
            log.error("Re-wrapping the data subject keys failed; next try in {}", interval, e);
        }
    }

    @Override
    public void destroy() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
