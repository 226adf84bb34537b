package com.socketworkbench.ui.http;

import java.util.List;

/** The style class that colours a status line by its class: 1xx grey-blue, 2xx green, 3xx blue, 4xx orange, 5xx red. */
final class StatusStyle {
    /** A response whose bytes break HTTP (an error verdict, or cut short), whatever its status code says. */
    static final String MALFORMED = "status-malformed";
    static final List<String> ALL = List.of("status-1xx", "status-2xx", "status-3xx", "status-4xx", "status-5xx",
            "status-none", "status-failed", MALFORMED);

    private StatusStyle() {
    }

    static String forCode(int code) {
        return switch (code / 100) {
            case 1 -> "status-1xx";
            case 2 -> "status-2xx";
            case 3 -> "status-3xx";
            case 4 -> "status-4xx";
            case 5 -> "status-5xx";
            default -> "status-none";
        };
    }
}
