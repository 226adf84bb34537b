package com.socketworkbench.ui.tools;

import com.socketworkbench.engine.tools.PortCheck;

import java.time.Instant;

/** One finished port check in the history table: when it ended and what came out. */
public record PortCheckRow(Instant at, PortCheck.Result result) {

    /** "127.0.0.1:22", "[::1]:22". */
    public String target() {
        String host = result.host();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + result.port();
    }
}
