package com.socketworkbench.ui.relay;

import com.socketworkbench.ui.input.InputVerdict;
import com.socketworkbench.ui.input.TextInput;

/**
 * A whole number typed into a relay setting (milliseconds, KiB/s, bytes, seconds): empty means 0 (off), anything
 * else must be digits within {@code 0..max}; the error names the setting and the range in plain words.
 */
final class WholeNumberInput extends TextInput {
    private final long max;

    /** @param what the setting in the error, e.g. "Latency (ms)" */
    WholeNumberInput(String initial, String what, long max) {
        this(initial, what, 0, max);
    }

    /**
     * A number that cannot be off: {@code min..max}, and empty is an error too when {@code min} is above 0 (a UDP
     * pair idle time of zero would end every pair at once).
     */
    WholeNumberInput(String initial, String what, long min, long max) {
        super(initial, text -> check(text, what, min, max));
        this.max = max;
    }

    private static InputVerdict check(String typed, String what, long min, long max) {
        String text = typed.strip();
        String range = RelayTexts.TEXT.get("number.between", what, Long.toString(min),
                String.format(java.util.Locale.ROOT, "%,d", max));
        if (text.isEmpty()) {
            return min > 0 ? InputVerdict.error(range) : InputVerdict.FINE;
        }
        if (!text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return InputVerdict.error(RelayTexts.TEXT.get("number.digits", what, text));
        }
        if (text.length() > 18 || Long.parseLong(text) > max) {
            return InputVerdict.error(min > 0 ? range : RelayTexts.TEXT.get("number.range", what,
                    String.format(java.util.Locale.ROOT, "%,d", max)));
        }
        if (Long.parseLong(text) < min) {
            return InputVerdict.error(range);
        }
        return InputVerdict.FINE;
    }

    /** The number typed, 0 for empty, or 0 while the text is invalid (the setting is then not applied). */
    long value() {
        if (!isValid() || text().isEmpty()) {
            return 0;
        }
        return Math.min(max, Long.parseLong(text()));
    }
}
