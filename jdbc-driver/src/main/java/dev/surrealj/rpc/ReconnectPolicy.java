package dev.surrealj.rpc;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Whether and how a WebSocket client reconnects after its connection drops: exponential backoff
 * with jitter, bounded by a number of attempts and by the time spent.
 *
 * <p>While the client reconnects, new requests <b>wait</b> for the connection (each bounded by its
 * own request timeout) and are sent once the session is restored; requests that were in flight when
 * the connection dropped fail at once with a {@link SurrealException.Category#CONNECTION connection error}
 * (they may or may not have run). When the policy gives up, the waiting requests fail and the client
 * is closed. Without reconnect ({@link #disabled()}, the default), a dropped connection closes the
 * client and later requests fail fast.
 *
 * <pre>{@code
 * ReconnectPolicy.exponential();   // 100 ms, doubling to 5 s, ±20 % jitter, for at most 5 minutes
 * ReconnectPolicy.exponential().withMaxAttempts(10).withInitialDelay(Duration.ofMillis(50));
 * }</pre>
 */
public final class ReconnectPolicy {
    private static final ReconnectPolicy DISABLED =
            new ReconnectPolicy(false, Duration.ZERO, Duration.ZERO, 1, 0, 0, Duration.ZERO);

    private final boolean enabled;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final double multiplier;
    private final double jitter;
    private final int maxAttempts;
    private final Duration maxElapsed;

    private ReconnectPolicy(boolean enabled, Duration initialDelay, Duration maxDelay, double multiplier,
                            double jitter, int maxAttempts, Duration maxElapsed) {
        this.enabled = enabled;
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.multiplier = multiplier;
        this.jitter = jitter;
        this.maxAttempts = maxAttempts;
        this.maxElapsed = maxElapsed;
    }

    /** Never reconnect (the default). */
    public static ReconnectPolicy disabled() {
        return DISABLED;
    }

    /** 100 ms initial delay, ×2 per attempt up to 5 s, ±20 % jitter, unlimited attempts within 5 minutes. */
    public static ReconnectPolicy exponential() {
        return new ReconnectPolicy(true, Duration.ofMillis(100), Duration.ofSeconds(5), 2.0, 0.2,
                Integer.MAX_VALUE, Duration.ofMinutes(5));
    }

    public ReconnectPolicy withInitialDelay(Duration d) {
        return new ReconnectPolicy(enabled, positive(d), maxDelay, multiplier, jitter, maxAttempts, maxElapsed);
    }

    public ReconnectPolicy withMaxDelay(Duration d) {
        return new ReconnectPolicy(enabled, initialDelay, positive(d), multiplier, jitter, maxAttempts, maxElapsed);
    }

    /** Factor between two delays, at least 1. */
    public ReconnectPolicy withMultiplier(double m) {
        if (!(m >= 1.0)) {
            throw new IllegalArgumentException("multiplier must be >= 1: " + m);
        }
        return new ReconnectPolicy(enabled, initialDelay, maxDelay, m, jitter, maxAttempts, maxElapsed);
    }

    /** Random spread of each delay, 0 (none) to 1 (±100 %). */
    public ReconnectPolicy withJitter(double j) {
        if (!(j >= 0 && j <= 1)) {
            throw new IllegalArgumentException("jitter must be within [0, 1]: " + j);
        }
        return new ReconnectPolicy(enabled, initialDelay, maxDelay, multiplier, j, maxAttempts, maxElapsed);
    }

    /** Number of connection attempts before giving up, at least 1. */
    public ReconnectPolicy withMaxAttempts(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1: " + n);
        }
        return new ReconnectPolicy(enabled, initialDelay, maxDelay, multiplier, jitter, n, maxElapsed);
    }

    /** Time after the drop after which no new attempt starts. */
    public ReconnectPolicy withMaxElapsed(Duration d) {
        return new ReconnectPolicy(enabled, initialDelay, maxDelay, multiplier, jitter, maxAttempts, positive(d));
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Duration initialDelay() {
        return initialDelay;
    }

    public Duration maxDelay() {
        return maxDelay;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration maxElapsed() {
        return maxElapsed;
    }

    /** Delay before attempt {@code attempt} (1-based), jitter applied. */
    long delayMillis(int attempt) {
        double base = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
        base = Math.min(base, maxDelay.toMillis());
        double spread = base * jitter;
        double d = base + (spread == 0 ? 0 : ThreadLocalRandom.current().nextDouble(-spread, spread));
        return Math.max(0, Math.round(d));
    }

    private static Duration positive(Duration d) {
        Objects.requireNonNull(d, "duration");
        if (d.isNegative()) {
            throw new IllegalArgumentException("negative duration: " + d);
        }
        return d;
    }

    @Override
    public String toString() {
        return enabled ? "ReconnectPolicy[exponential " + initialDelay.toMillis() + "ms x" + multiplier + " up to "
                + maxDelay.toMillis() + "ms, jitter " + jitter + ", maxAttempts " + maxAttempts + ", maxElapsed "
                + maxElapsed + "]" : "ReconnectPolicy[disabled]";
    }
}
