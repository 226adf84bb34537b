package com.socketworkbench.ui.tools;

import com.socketworkbench.engine.text.Texts;
import java.math.BigInteger;
import java.util.Locale;

/** Small text helpers for the tool cards: engine messages as sentences, big numbers readable. */
final class Messages {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.tools.tools");

    private Messages() {
    }

    /** The engine's messages start in lower case ("enter an IPv4 address"); shown alone they read as sentences. */
    static String sentence(String message) {
        if (message == null || message.isBlank()) {
            return TEXT.get("error.notValid");
        }
        String text = message.strip();
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** "254", "65,534", "18,446,744,073,709,551,616". */
    static String count(BigInteger value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** "256 (2^8)": the exact count with its power of two, which is how subnet sizes are usually thought of. */
    static String powerOfTwo(BigInteger value) {
        if (value.signum() > 0 && value.bitCount() == 1) {
            return count(value) + " (2^" + (value.bitLength() - 1) + ")";
        }
        return count(value);
    }

    /** The 32 bits of an IPv4 address in octets: "01111111.00000000.00000000.00000001". */
    static String binaryOctets(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) {
                text.append('.');
            }
            String bits = Integer.toBinaryString(bytes[i] & 0xFF);
            text.append("0".repeat(8 - bits.length())).append(bits);
        }
        return text.toString();
    }

}
