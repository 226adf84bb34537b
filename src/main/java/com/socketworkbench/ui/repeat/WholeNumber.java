package com.socketworkbench.ui.repeat;

import java.util.Locale;

/**
 * A whole number typed in a field, read with the message to show at the field when it is not one: what the periodic
 * send and send file panels check their fields with.
 *
 * @param value   the number, meaningful only when {@code problem} is empty
 * @param problem why the text is not a number in range, in words; empty when it is
 */
public record WholeNumber(long value, String problem) {

    /** {@code text} (surrounding spaces and digit-group commas or underscores allowed) as a number from min to max. */
    public static WholeNumber parse(String text, long min, long max) {
        String digits = text == null ? "" : text.strip().replace(",", "").replace("_", "");
        if (digits.isEmpty()) {
            return new WholeNumber(0, RepeatTexts.TEXT.get("number.empty"));
        }
        long value;
        try {
            value = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return new WholeNumber(0, RepeatTexts.TEXT.get("number.not", text.strip()));
        }
        if (value < min || value > max) {
            return new WholeNumber(value, RepeatTexts.TEXT.get("number.range", grouped(min), grouped(max)));
        }
        return new WholeNumber(value, "");
    }

    /** {@code 1,000,000} as the app writes counts. */
    public static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    public boolean ok() {
        return problem.isEmpty();
    }
}
