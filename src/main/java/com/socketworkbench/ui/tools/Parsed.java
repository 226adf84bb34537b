package com.socketworkbench.ui.tools;

import java.util.function.Function;

/**
 * The outcome of reading what the user typed: nothing typed yet, a value, or why the text is not valid (one
 * sentence for the inline error). Live conversions hold one of these instead of throwing.
 */
public sealed interface Parsed<T> {

    record Empty<T>() implements Parsed<T> {
    }

    record Ok<T>(T value) implements Parsed<T> {
    }

    record Invalid<T>(String message) implements Parsed<T> {
    }

    static <T> Parsed<T> empty() {
        return new Empty<>();
    }

    /**
     * Runs {@code parser} on {@code text}: blank text is {@link Empty}, an {@link IllegalArgumentException} becomes
     * {@link Invalid} with its message.
     */
    static <T> Parsed<T> of(String text, Function<String, T> parser) {
        if (text == null || text.isBlank()) {
            return empty();
        }
        try {
            return new Ok<>(parser.apply(text.strip()));
        } catch (IllegalArgumentException e) {
            return new Invalid<>(Messages.sentence(e.getMessage()));
        }
    }

    /** The value, or null when there is none. */
    default T valueOrNull() {
        return this instanceof Ok<T>(T value) ? value : null;
    }

    /** The error message, or "" when there is none. */
    default String errorOrEmpty() {
        return this instanceof Invalid<T>(String message) ? message : "";
    }
}
