package com.socketworkbench.ui.http;

import com.socketworkbench.engine.http.HttpExchange;
import com.socketworkbench.engine.http.ParsedResponse;
import com.socketworkbench.ui.traffic.Formats;

/**
 * One sent request and what came back, as kept in the history list. Owns the exchange: closing the entry deletes
 * its temp files.
 *
 * @param number      1 for the first request of the tab
 * @param exchange    the request bytes, the response and its timing
 * @param requestText the editor text it was sent from (loaded back into the editor on request)
 */
record HistoryEntry(long number, HttpExchange exchange, String requestText) {

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
            return "failed";
        }
        ParsedResponse response = exchange.response().get();
        return response.statusCode() > 0 ? Integer.toString(response.statusCode()) : "(no status)";
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
