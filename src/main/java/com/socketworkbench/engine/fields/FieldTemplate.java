package com.socketworkbench.engine.fields;

import com.socketworkbench.engine.codec.PayloadEncoder;
import com.socketworkbench.engine.codec.PayloadFormatException;

/**
 * A compiled {@link PayloadSpec}: the bytes each send carries. {@link #next()} renders the next payload (advancing
 * counters); {@link #preview()} shows what {@code next()} would return without advancing. Thread-safe: a periodic
 * sender calls {@code next()} from its own thread while the editor previews.
 */
public final class FieldTemplate {
    private final byte[] literal;

    private FieldTemplate(byte[] literal) {
        this.literal = literal;
    }

    /** Compiles {@code spec}; a malformed input (or field) is a {@link PayloadFormatException} at its position. */
    public static FieldTemplate compile(PayloadSpec spec) throws PayloadFormatException {
        return new FieldTemplate(PayloadEncoder.encode(spec.text() == null ? "" : spec.text(), spec.format(),
                spec.charset(), spec.lineEnding(), spec.escapes()));
    }

    /** The bytes of the next send; advances the template's counters. */
    public byte[] next() {
        return literal.clone();
    }

    /** The bytes {@link #next()} would return now, without advancing anything. */
    public byte[] preview() {
        return literal.clone();
    }
}
