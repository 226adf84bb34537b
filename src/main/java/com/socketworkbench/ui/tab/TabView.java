package com.socketworkbench.ui.tab;

import javafx.scene.Node;

/** The layout half of a {@link ModelViewTab}: the tab's content node, built over its model. FX thread only. */
public interface TabView {

    /** The tab content (its root carries the tab's id, e.g. {@code tcpClient}); the same node on every call. */
    Node view();

    /**
     * Releases what the view holds beyond its {@link Subscriptions} (a notifier's auto-hide clock). Nothing by
     * default.
     */
    default void dispose() {
    }
}
