package com.socketworkbench.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A duration as typed on the command line: {@code 500} (milliseconds), {@code 500ms}, {@code 2s}, {@code 1m}, {@code 1h}. */
final class CliDuration {
    private static final Pattern FORM = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)?");

    private CliDuration() {
    }

    /** The duration, or empty when {@code text} is not one of the forms above. */
    static Optional<Duration> parse(String text) {
        Matcher matcher = FORM.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2);
        return Optional.of(unit == null || unit.equals("ms") ? Duration.ofMillis(amount)
                : unit.equals("s") ? Duration.ofSeconds(amount)
                : unit.equals("m") ? Duration.ofMinutes(amount) : Duration.ofHours(amount));
    }
}
