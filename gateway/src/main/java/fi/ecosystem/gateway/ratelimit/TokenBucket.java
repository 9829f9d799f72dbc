package fi.ecosystem.gateway.ratelimit;

/** A classic token bucket; thread-safe, time passed in so tests control it. */
final class TokenBucket {

    private final double capacity;
    private final double refillPerNano;
    private double tokens;
    private long lastRefill;
    private boolean started;

    TokenBucket(int capacity, double refillPerSecond) {
        this.capacity = capacity;
        this.refillPerNano = refillPerSecond / 1_000_000_000d;
        this.tokens = capacity;
    }

    /** Takes a token: 0 if granted, else the milliseconds until one is available. */
    synchronized long tryTake(long nowNanos) {
        if (!started) {
            lastRefill = nowNanos;
            started = true;
        }
        tokens = Math.min(capacity, tokens + (nowNanos - lastRefill) * refillPerNano);
        lastRefill = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / refillPerNano / 1_000_000d);
    }
}
