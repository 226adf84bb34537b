package com.socketworkbench.engine.repeat;

import com.socketworkbench.engine.text.DurationText;
import com.socketworkbench.engine.text.Texts;

import java.time.Duration;
import java.util.Locale;

/**
 * How often and how many times a periodic send goes out.
 *
 * @param interval time between the scheduled sends, {@link #MIN_INTERVAL} to {@link #MAX_INTERVAL}
 * @param count    how many sends, 1 to {@link #MAX_COUNT}; {@link #UNTIL_STOPPED} (0) for no end
 * @param jitter   each send's due time moves by a random amount in {@code [-jitter, +jitter]} (uniform), at most half
 *                 the interval so the sends keep their order; zero for none
 * @throws IllegalArgumentException with a message fit for the user
 */
public record RepeatPlan(Duration interval, long count, Duration jitter) {
    static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.repeat.repeat");
    public static final Duration MIN_INTERVAL = Duration.ofMillis(1);
    public static final Duration MAX_INTERVAL = Duration.ofHours(1);
    public static final long UNTIL_STOPPED = 0;
    public static final long MAX_COUNT = 1_000_000_000L;

    public RepeatPlan {
        if (interval == null || interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
            throw new IllegalArgumentException(TEXT.get("plan.interval", DurationText.of(MIN_INTERVAL),
                    DurationText.of(MAX_INTERVAL)));
        }
        if (count < 0 || count > MAX_COUNT) {
            throw new IllegalArgumentException(TEXT.get("plan.count", String.format(Locale.ROOT, "%,d", MAX_COUNT)));
        }
        jitter = jitter == null ? Duration.ZERO : jitter;
        if (jitter.isNegative() || jitter.compareTo(interval.dividedBy(2)) > 0) {
            throw new IllegalArgumentException(TEXT.get("plan.jitter", DurationText.of(interval.dividedBy(2))));
        }
    }

    /** Every {@code interval}, {@code count} times (0: until stopped), without jitter. */
    public static RepeatPlan every(Duration interval, long count) {
        return new RepeatPlan(interval, count, Duration.ZERO);
    }

    public boolean untilStopped() {
        return count == UNTIL_STOPPED;
    }
}
