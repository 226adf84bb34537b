package com.socketworkbench.ui.traffic;

import com.socketworkbench.engine.text.DurationText;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Text formats shared by all tabs, so sizes and times read the same everywhere. */
public final class Formats {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    private Formats() {
    }

    /** Local wall-clock time with milliseconds: "14:03:07.123". */
    public static String time(Instant instant) {
        return TIME.format(instant);
    }

    /** Local wall-clock time to the second: "14:03:07". */
    public static String clock(Instant instant) {
        return CLOCK.format(instant);
    }

    /** Binary units with one decimal above 1 KiB: "40 B", "1.2 KiB", "3.0 MiB". */
    public static String bytes(long count) {
        if (count < 1024) {
            return count + " B";
        }
        double value = count;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }

    /**
     * The timeline's delta column: {@link DurationText} with a plus ("+0.042 ms", "+12.3 ms", "+1.5 s",
     * "+2 min 5 s"); empty for the first row, which has no previous one.
     */
    public static String delta(long nanos) {
        return nanos < 0 ? "" : "+" + DurationText.ofNanos(nanos);
    }

    /** "↓ 12 msg 1.2 KiB ↑ 3 msg 40 B". */
    public static String counters(long messagesIn, long bytesIn, long messagesOut, long bytesOut) {
        return TrafficTexts.TEXT.get("counters", messagesIn, bytes(bytesIn), messagesOut, bytes(bytesOut));
    }
}
