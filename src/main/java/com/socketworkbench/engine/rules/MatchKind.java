package com.socketworkbench.engine.rules;

import com.socketworkbench.engine.text.Texts;

import java.util.Locale;

/**
 * How a rule looks at what arrived. Every kind searches the message (a TCP read or frame, a datagram) anywhere in
 * its first {@link RuleBook#MATCH_WINDOW} bytes, like "contains"; a regex anchors with {@code ^} and {@code $}.
 */
public enum MatchKind {
    /** Every message. */
    ANY,
    /** Contains the text, encoded with the rule's charset; backslash escapes ({@code \r \n \xNN}) are read. */
    TEXT,
    /** Contains the bytes written in hex, {@code ??} standing for any one byte. */
    HEX,
    /** A Java regex over the bytes read as ISO-8859-1 (one char per byte, so captures are exact bytes). */
    REGEX;

    /** The kind's name in the user's language ("Contains text"). */
    public String label() {
        return RuleTexts.TEXT.get("kind." + name().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return label();
    }
}
