package com.socketworkbench.engine.text;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DurationTextTest {

    @Test
    void chosenValuesReadBackAsTyped() {
        assertEquals("5 s", DurationText.of(Duration.ofSeconds(5)));
        assertEquals("300 ms", DurationText.of(Duration.ofMillis(300)));
        assertEquals("1.5 s", DurationText.of(Duration.ofMillis(1500)));
        assertEquals("250 ms", DurationText.of(Duration.ofMillis(250)));
        assertEquals("30 s", DurationText.of(Duration.ofSeconds(30)));
        assertEquals("1 min", DurationText.of(Duration.ofSeconds(60)));
    }

    @Test
    void shortTimesStayInMillisecondsWithMicrosecondsAsDecimals() {
        assertEquals("0 ms", DurationText.ofNanos(0));
        assertEquals("0 ms", DurationText.ofNanos(499));
        assertEquals("0.001 ms", DurationText.ofNanos(500));
        assertEquals("0.042 ms", DurationText.ofNanos(42_000));
        assertEquals("0.4 ms", DurationText.of(Duration.ofNanos(400_000)));
        assertEquals("0.5 ms", DurationText.of(Duration.ofNanos(500_000)));
        assertEquals("1 ms", DurationText.ofNanos(999_600));
    }

    @Test
    void measuredTimesKeepThreeSignificantDigits() {
        assertEquals("4.21 ms", DurationText.ofNanos(4_213_000));
        assertEquals("12.3 ms", DurationText.ofNanos(12_345_000));
        assertEquals("12 ms", DurationText.of(Duration.ofMillis(12)));
        assertEquals("124 ms", DurationText.ofNanos(123_500_000));
        assertEquals("1 s", DurationText.ofNanos(999_600_000), "rounding up moves to the next unit");
        assertEquals("1.2 s", DurationText.of(Duration.ofMillis(1204)));
        assertEquals("1.25 s", DurationText.of(Duration.ofMillis(1250)));
        assertEquals("12.3 s", DurationText.of(Duration.ofMillis(12_345)));
    }

    @Test
    void longWaitsUseMinutesAndHours() {
        assertEquals("1 min", DurationText.ofNanos(59_960_000_000L), "59.96 s rounds to a minute");
        assertEquals("2 min 5 s", DurationText.of(Duration.ofSeconds(125)));
        assertEquals("59 min 59 s", DurationText.of(Duration.ofSeconds(3599)));
        assertEquals("1 h", DurationText.of(Duration.ofHours(1)));
        assertEquals("1 h 3 min", DurationText.of(Duration.ofMinutes(63)));
        assertEquals("26 h", DurationText.of(Duration.ofDays(1).plusHours(2)));
        assertEquals("4800000 h 1 min", DurationText.of(Duration.ofDays(200_000).plusMinutes(1)),
                "beyond what a long of nanoseconds holds");
    }

    @Test
    void negativeDurationsGetAMinus() {
        assertEquals("-1.5 s", DurationText.of(Duration.ofMillis(-1500)));
        assertEquals("-0.042 ms", DurationText.ofNanos(-42_000));
    }
}
