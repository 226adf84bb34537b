package com.socketworkbench.ui.relay;

import com.socketworkbench.ui.input.ByteSizeInput;
import com.socketworkbench.ui.input.InputVerdict;
import com.socketworkbench.ui.input.TextInput;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A bandwidth limit as typed: a plain number is KiB/s (what the field always meant, so saved workspaces read the
 * same), and a unit makes it finer or coarser: "960 B" (a 9,600-baud serial link), "1.5 KiB", "2 MiB", each per second
 * ("/s" may be typed too). Empty or 0 is off. An unreadable text, an unknown unit, a rate above the limit or one that
 * rounds to less than 1 byte per second is an error at the field, saying what to type instead.
 */
final class BandwidthInput extends TextInput {
    static final long KIB = 1024;
    static final long MAX_BYTES_PER_SECOND = 10_000_000 * KIB;

    /** "per second", which may follow the unit. */
    private static final Pattern PER_SECOND = Pattern.compile("\\s*/\\s*s$", Pattern.CASE_INSENSITIVE);

    BandwidthInput(String initial) {
        super(initial, BandwidthInput::check);
    }

    private static InputVerdict check(String typed) {
        try {
            parse(typed);
            return InputVerdict.FINE;
        } catch (IllegalArgumentException e) {
            return InputVerdict.error(e.getMessage());
        }
    }

    /**
     * Bytes per second for {@code typed}; 0 (off) for empty.
     *
     * @throws IllegalArgumentException with the words the field shows
     */
    static long parse(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return 0;
        }
        BigDecimal exact = ByteSizeInput.exactBytes(PER_SECOND.matcher(text).replaceFirst(""), KIB,
                whole -> RelayTexts.TEXT.get("bandwidth.notRate", text),
                unit -> RelayTexts.TEXT.get("bandwidth.notUnit", unit));
        BigDecimal bytes = exact.setScale(0, RoundingMode.HALF_UP);
        if (bytes.compareTo(BigDecimal.valueOf(MAX_BYTES_PER_SECOND)) > 0) {
            throw new IllegalArgumentException(RelayTexts.TEXT.get("bandwidth.tooHigh",
                    String.format(Locale.ROOT, "%,d", MAX_BYTES_PER_SECOND / KIB)));
        }
        if (bytes.signum() == 0 && exact.signum() != 0) {
            // "0.0001 KiB" would silently turn the limit off.
            throw new IllegalArgumentException(RelayTexts.TEXT.get("bandwidth.tooLow", text));
        }
        return bytes.longValueExact();
    }

    /** The limit in bytes per second, 0 for off or while the text is invalid (nothing is applied then). */
    long bytesPerSecond() {
        return isValid() ? parse(text()) : 0;
    }
}
