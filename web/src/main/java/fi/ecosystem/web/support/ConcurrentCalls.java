package fi.ecosystem.web.support;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.stereotype.Component;

/**
 * Service calls a page makes at the same time (the staff home asks projects and events at once). Bounded: a
 * few threads and a short queue; when both are full the calling request thread makes the call itself, so a
 * busy UI slows down instead of queueing without end. The caller's security context (its token) goes along.
 */
@Component
public class ConcurrentCalls {

    private static final int THREADS = 8;
    private static final int QUEUE = 64;

    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE), runnable -> {
                Thread thread = new Thread(runnable, "service-call");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.CallerRunsPolicy());
    private final ExecutorService withSecurityContext = new DelegatingSecurityContextExecutorService(pool);

    public <T> Call<T> start(Supplier<T> call) {
        return new Call<>(CompletableFuture.supplyAsync(call, withSecurityContext));
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    /** A call under way; {@link #get()} answers as the call would have, with the same exceptions. */
    public static final class Call<T> {

        private final CompletableFuture<T> future;

        Call(CompletableFuture<T> future) {
            this.future = future;
        }

        public T get() {
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException | CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }
}
