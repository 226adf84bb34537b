package com.socketworkbench.ui.http;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.http.ExchangeFootprint;
import com.socketworkbench.engine.http.HttpExchange;
import com.socketworkbench.engine.http.ParsedResponse;
import com.socketworkbench.engine.http.Severity;
import com.socketworkbench.engine.http.Verdict;
import com.socketworkbench.ui.traffic.Formats;

import java.nio.charset.Charset;
import java.util.Optional;

/**
 * One sent request and what came back, as kept in the history list. Owns the exchange: closing the entry deletes
 * its temp files. An entry whose stored bytes the history dropped to stay within its budgets
 * ({@link #withoutStoredBytes}) keeps its summary (status, headers, verdicts, timing) and says why its bytes are gone.
 *
 * @param number        1 for the first request of the tab
 * @param exchange      the request bytes, the response and its timing
 * @param requestText   the editor text it was sent from (loaded back into the editor on request); only its head
 *                      when {@code requestTextCut}
 * @param footprint     what keeping this entry costs in memory and temp files
 * @param dropped       why the stored bytes were dropped; empty while they are kept
 * @param requestTextCut the request's body text was dropped with the bytes (it was long); the head is kept
 * @param requestCharset the charset the request text was encoded with
 * @param restored      the entry came from a workspace file (its exchange was rebuilt from what was saved)
 * @param bodyNotSaved  for a restored entry whose response body was too large to save: its size; else -1
 */
record HistoryEntry(long number, HttpExchange exchange, String requestText, ExchangeFootprint footprint,
                    Optional<String> dropped, boolean requestTextCut, Charset requestCharset, boolean restored,
                    long bodyNotSaved) {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.http.http");
    /** A request text up to this many characters is kept whole when the entry's bytes are dropped. */
    static final int KEPT_REQUEST_TEXT = 64 * 1024;

    /** A new entry holding everything. */
    static HistoryEntry of(long number, HttpExchange exchange, String requestText, Charset requestCharset) {
        return new HistoryEntry(number, exchange, requestText,
                exchange.footprint().plus(new ExchangeFootprint(ExchangeFootprint.text(requestText), 0)),
                Optional.empty(), false, requestCharset, false, -1);
    }

    /**
     * An entry rebuilt from a workspace; {@code notSaved} says why its body is missing when it was too large to
     * save ({@code bodyBytes} long).
     */
    static HistoryEntry restored(long number, HttpExchange exchange, String requestText, Charset requestCharset,
                                 boolean requestTextCut, Optional<String> notSaved, long bodyBytes) {
        return new HistoryEntry(number, exchange, requestText,
                exchange.footprint().plus(new ExchangeFootprint(ExchangeFootprint.text(requestText), 0)),
                notSaved, requestTextCut, requestCharset, true, notSaved.isPresent() ? bodyBytes : -1);
    }

    /**
     * This entry with its stored bytes dropped: the response bytes, the request body, and a request text longer
     * than {@value #KEPT_REQUEST_TEXT} characters beyond its head. The exchange it returns owns nothing; this
     * entry's exchange is the one to close.
     */
    HistoryEntry withoutStoredBytes(String because) {
        HttpExchange stripped = exchange.withoutStoredBytes();
        boolean cut = requestText.length() > KEPT_REQUEST_TEXT;
        String keptText = cut ? headOf(requestText) : requestText;
        return new HistoryEntry(number, stripped, keptText,
                stripped.footprint().plus(new ExchangeFootprint(ExchangeFootprint.text(keptText), 0)),
                Optional.of(because), cut || requestTextCut, requestCharset, restored,
                bodyNotSaved >= 0 ? bodyNotSaved : droppedBodyBytes());
    }

    /** The size of the response body that is not kept (of the bytes as received, after the head). */
    long droppedBodyBytes() {
        if (bodyNotSaved >= 0) {
            return bodyNotSaved;
        }
        long headEnd = exchange.response().map(ParsedResponse::headerEnd).orElse(0L);
        return Math.max(0, exchange.bytesReceived() - headEnd);
    }

    /** What the body views say while the bytes are not there. */
    String missingBytesNote() {
        return bodyNotSaved >= 0 && restored ? dropped.orElse(TEXT.get("history.bodyNotSaved"))
                : TEXT.get("history.notKept");
    }

    /** The text up to and including the first empty line, at most {@value #KEPT_REQUEST_TEXT} characters. */
    private static String headOf(String text) {
        int blank = text.indexOf("\n\n");
        int blankCrlf = text.indexOf("\n\r\n");
        int end = blank < 0 ? blankCrlf : blankCrlf < 0 ? blank : Math.min(blank, blankCrlf);
        end = end < 0 ? KEPT_REQUEST_TEXT : end + (end == blankCrlf ? 3 : 2);
        return text.substring(0, Math.min(end, Math.min(text.length(), KEPT_REQUEST_TEXT)));
    }

    boolean bytesDropped() {
        return dropped.isPresent();
    }

    String method() {
        return exchange.request().method().isEmpty() ? "?" : exchange.request().method();
    }

    /** The origin plus the request target as typed: "http://127.0.0.1:8080/api?x=1". */
    String targetText() {
        String firstLine = requestText.lines().findFirst().orElse("");
        String[] parts = firstLine.split(" ");
        String requestTarget = parts.length > 1 ? parts[1] : "";
        if (requestTarget.startsWith("/")) {
            return exchange.target().origin() + requestTarget;
        }
        return requestTarget.startsWith("http://") || requestTarget.startsWith("https://") ? requestTarget
                : exchange.target().origin();
    }

    /** "200", "(no status)", or "failed". */
    String statusText() {
        if (exchange.response().isEmpty()) {
            return TEXT.get("history.status.failed");
        }
        ParsedResponse response = exchange.response().get();
        return response.statusCode() > 0 ? Integer.toString(response.statusCode()) : TEXT.get("history.status.none");

    }

    /**
     * Why the response is not a sound one, when it is not: its first error verdict, or that it stopped before it
     * was complete. Empty for a well-formed response and for an exchange without any (that one shows "failed").
     */
    Optional<String> malformation() {
        Optional<ParsedResponse> response = exchange.response();
        if (response.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> error = response.get().verdicts().stream().filter(v -> v.severity() == Severity.ERROR)
                .map(Verdict::message).findFirst();
        if (error.isPresent() || response.get().complete()) {
            return error;
        }
        return Optional.of(TEXT.get("history.incomplete"));
    }

    int statusCode() {
        return exchange.response().map(ParsedResponse::statusCode).orElse(0);
    }

    /** "14:03:07  GET   http://127.0.0.1:8080/  200  1.2 KiB". */
    String label() {
        return Formats.clock(exchange.startedAt()) + "  " + String.format("%-6s", method()) + " " + targetText()
                + "  " + statusText() + "  " + Formats.bytes(exchange.bytesReceived());
    }
}
