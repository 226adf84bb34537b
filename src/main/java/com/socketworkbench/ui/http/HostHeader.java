package com.socketworkbench.ui.http;

import com.socketworkbench.engine.http.HttpTarget;

import java.util.Optional;

/**
 * The first {@code Host:} header line of the request editor's head: its value, whether it names the target, and the
 * text with it set to another value. Only the value is touched, so the line's spacing and CRLF/LF ending stay.
 */
final class HostHeader {
    /** Where the value sits in the editor text: {@code text.substring(start, end)} is the value as typed. */
    record Span(int start, int end, String value) {
    }

    private HostHeader() {
    }

    /** The first Host header of the head (the lines between the request line and the first empty line). */
    static Optional<Span> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int firstLf = text.indexOf('\n');
        int pos = firstLf < 0 ? text.length() : firstLf + 1;
        while (pos < text.length()) {
            int lf = text.indexOf('\n', pos);
            int end = lf < 0 ? text.length() : lf;
            int contentEnd = end > pos && text.charAt(end - 1) == '\r' ? end - 1 : end;
            if (contentEnd == pos) {
                return Optional.empty();
            }
            int colon = text.indexOf(':', pos);
            if (colon > pos && colon < contentEnd && text.substring(pos, colon).strip().equalsIgnoreCase("Host")) {
                int start = colon + 1;
                while (start < contentEnd && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
                    start++;
                }
                int stop = contentEnd;
                while (stop > start && (text.charAt(stop - 1) == ' ' || text.charAt(stop - 1) == '\t')) {
                    stop--;
                }
                return Optional.of(new Span(start, stop, text.substring(start, stop)));
            }
            pos = end + 1;
        }
        return Optional.empty();
    }

    /** Whether {@code value} names {@code target}: its Host value (default port left out) or host:port. */
    static boolean names(String value, HttpTarget target) {
        return value.equalsIgnoreCase(target.hostHeaderValue()) || value.equalsIgnoreCase(target.authority());
    }

    /** The text's Host header disagrees with {@code target} (no Host header is not a disagreement). */
    static boolean disagrees(String text, HttpTarget target) {
        return find(text).map(span -> !names(span.value(), target)).orElse(false);
    }

    /** {@code text} with its first Host header's value replaced by {@code value}; unchanged without one. */
    static String withValue(String text, String value) {
        return find(text).map(span -> text.substring(0, span.start()) + value + text.substring(span.end()))
                .orElse(text);
    }
}
