package fi.ecosystem.events.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP POST of a signed delivery. Connecting may take 5 s and the answer 10 s (the whole exchange, body
 * included); redirects are not followed (a 3xx is a failure: the endpoint's URL is what the client registered);
 * of the answer's body at most 1 KiB is read, for the log.
 */
public class WebhookSender {

    /** What came of one attempt: the HTTP status (null when none came) and, unless it was 2xx, what went wrong. */
    public record Outcome(Integer status, String error) {

        public boolean delivered() {
            return error == null;
        }
    }

    static final int BODY_LIMIT = 1024;

    private final HttpClient http;
    private final Duration readTimeout;
    private final TargetPolicy targets;

    public WebhookSender(Duration connectTimeout, Duration readTimeout, TargetPolicy targets) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.readTimeout = readTimeout;
        this.targets = targets;
    }

    public Outcome send(String url, String secret, String messageId, long timestampSeconds, String body) {
        var refused = targets.refusal(url);
        if (refused.isPresent()) {
            return new Outcome(null, "refused: " + refused.get());
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(readTimeout)
                .header("content-type", "application/json")
                .header("user-agent", "ecosystem-webhooks")
                .header("webhook-id", messageId)
                .header("webhook-timestamp", String.valueOf(timestampSeconds))
                .header("webhook-signature", WebhookSignature.sign(secret, messageId, timestampSeconds, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<String> response = http.sendAsync(request, info -> new LimitedBody(BODY_LIMIT))
                    .get(readTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Outcome(status, null);
            }
            String answer = response.body() == null ? "" : response.body().strip();
            return new Outcome(status, "HTTP " + status + (status >= 300 && status < 400 ? " (redirects are not followed)" : "")
                    + (answer.isEmpty() ? "" : ": " + answer));
        } catch (TimeoutException e) {
            return new Outcome(null, "no answer within " + readTimeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Outcome(null, cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted");
        } catch (RuntimeException e) {
            return new Outcome(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** The first bytes of an answer's body: reading stops (and the rest is dropped) at the limit. */
    static final class LimitedBody implements HttpResponse.BodySubscriber<String> {

        private final int limit;
        private final byte[] read;
        private int length;
        private Flow.Subscription subscription;
        private final CompletableFuture<String> body = new CompletableFuture<>();

        LimitedBody(int limit) {
            this.limit = limit;
            this.read = new byte[limit];
        }

        @Override
        public CompletableFuture<String> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                int take = Math.min(buffer.remaining(), limit - length);
                buffer.get(read, length, take);
                length += take;
            }
            if (length >= limit) {
                subscription.cancel();
                finish();
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable error) {
            finish();
        }

        @Override
        public void onComplete() {
            finish();
        }

        private void finish() {
            body.complete(new String(read, 0, length, StandardCharsets.UTF_8));
        }
    }
}
