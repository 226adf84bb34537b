package com.socketworkbench.ui.repeat;

import java.time.Duration;

/** The unit a periodic send's interval is typed in. */
public enum IntervalUnit {
    MILLISECONDS("unit.ms", Duration.ofMillis(1)),
    SECONDS("unit.s", Duration.ofSeconds(1)),
    MINUTES("unit.min", Duration.ofMinutes(1));

    private final String key;
    private final Duration one;

    IntervalUnit(String key, Duration one) {
        this.key = key;
        this.one = one;
    }

    /** {@code amount} of this unit. */
    public Duration times(long amount) {
        return one.multipliedBy(amount);
    }

    /** How many of this unit make an hour: the most an interval may be. */
    long perHour() {
        return Duration.ofHours(1).dividedBy(one);
    }

    @Override
    public String toString() {
        return RepeatTexts.TEXT.get(key);
    }
}
