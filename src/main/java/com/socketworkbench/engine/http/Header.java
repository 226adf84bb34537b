package com.socketworkbench.engine.http;

import java.util.Objects;

/**
 * One response header as received. Bytes are decoded as ISO-8859-1 (one char per byte), so nothing is lost.
 *
 * @param value  without surrounding whitespace; folded continuation lines joined with a single space
 * @param offset where the header line starts in the raw response
 */
public record Header(String name, String value, long offset) {

    public Header {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    public boolean is(String otherName) {
        return name.equalsIgnoreCase(otherName);
    }
}
