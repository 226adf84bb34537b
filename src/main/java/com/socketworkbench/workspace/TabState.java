package com.socketworkbench.workspace;

import java.util.Objects;

/**
 * One tab of a workspace.
 *
 * @param kind     which kind of tab: {@code tcpServer}, {@code tcpClient}, {@code udp}, {@code http} or {@code tools}
 * @param title    the header text the user sees (they may rename it)
 * @param settings what the tab's model saved: addresses, ports, options, editor text, …
 */
public record TabState(String kind, String title, Settings settings) {
    public TabState {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        settings = settings == null ? Settings.EMPTY : settings;
    }
}
