package com.socketworkbench.engine.rules;

import com.socketworkbench.engine.fields.PayloadSpec;

import java.util.Objects;

/**
 * An auto-reply rule as the user wrote it: when a message {@code kind}/{@code pattern} matches, send {@code reply}
 * to its sender after {@code delayMillis}. The reply may name the match's captures, {@code $0} (the whole match) to
 * {@code $9}; {@code $$} is a dollar sign. The pattern of a TEXT or REGEX rule is encoded with the reply's charset.
 * A value: {@link LiveRule#compile} checks it.
 */
public record Rule(String name, boolean enabled, MatchKind kind, String pattern, PayloadSpec reply,
                   long delayMillis) {
    /** The longest delay a rule may ask for. */
    public static final long MAX_DELAY_MILLIS = 60_000;

    public Rule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(reply, "reply");
    }

    public Rule withEnabled(boolean on) {
        return new Rule(name, on, kind, pattern, reply, delayMillis);
    }
}
