package com.socketworkbench.engine.http;

import java.util.Objects;

/**
 * One finding about a response: what is wrong (or notable) and where.
 *
 * @param code       a stable identifier from {@link VerdictCodes}, for tests and UI icons
 * @param message    plain words, naming the place ("Header line at byte 34 has no colon")
 * @param byteOffset offset into the raw response bytes the finding refers to
 */
public record Verdict(Severity severity, String code, String message, long byteOffset) {

    public Verdict {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    static Verdict error(String code, long offset, String message) {
        return new Verdict(Severity.ERROR, code, message, offset);
    }

    static Verdict warning(String code, long offset, String message) {
        return new Verdict(Severity.WARNING, code, message, offset);
    }

    static Verdict info(String code, long offset, String message) {
        return new Verdict(Severity.INFO, code, message, offset);
    }
}
