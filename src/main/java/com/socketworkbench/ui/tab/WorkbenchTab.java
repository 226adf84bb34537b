package com.socketworkbench.ui.tab;

import javafx.scene.Node;

/**
 * One tab of the main window (TCP server, TCP client, and later UDP, HTTP, tools). The window only knows this
 * contract; a tab is created by a {@link TabFactory}, shown through {@link #view()}, and its {@link #status()} drives
 * the status bar while it is selected.
 *
 * <p>Lifecycle, all on the FX thread: {@link #start()} once after creation (begins the tab's event pump, whether or
 * not the view has been built);
 * {@link #stop()} closes its sockets (may be called more than once); {@link #dispose()} stops the pump and removes
 * every listener and binding the tab made. The window calls {@code stop()} then {@code dispose()} on close.
 *
 * <p>A typical tab composes: an {@link EventPump} (engine events into a {@link TimelineModel} and
 * {@link TrafficCounters}), a {@link TimelineView} with a {@link PayloadInspector}, a {@link SendEditor}, settings
 * fields ({@link BindAddressPicker}, {@link PortField}) over the inputs its model owns, a {@link TabNotifier} for
 * errors, a {@link TabStatus},
 * and a {@link Subscriptions} for clean-up. Feature tabs extend {@link ModelViewTab}, which implements this
 * contract over a {@link TabModel} and a {@link TabView}; see {@code TcpClientTab}.
 */
public interface WorkbenchTab {

    /** The tab header text, e.g. "TCP Server". */
    String title();

    /**
     * The kind's stable id, e.g. {@code tcpServer}: the fx:id of the view's root for every tab of that kind (the
     * window's first tab of a kind is {@code id + "Tab"}, later ones {@code id + "Tab-2"}, …).
     */
    String id();

    /** The tab content, built on the first call; the same node on every call. */
    Node view();

    /** Whether {@link #view()} has been built yet (the window builds it when the tab is first selected). */
    boolean hasView();

    /** Starts the event pump. */
    void start();

    /**
     * Closes the tab's sockets (listener, connections). Returns at once: the closing runs off the FX thread and the
     * pump keeps draining the final events until {@link #dispose()}.
     */
    void stop();

    /** Stops the pump and unhooks everything; the tab is unusable afterwards. */
    void dispose();

    /** What the status bar shows while this tab is selected. */
    TabStatus status();

    /** Writes the tab's current settings into its own preferences node (before the window saves the workspace). */
    void saveSettings();

    /**
     * Whether the tab holds a live listener, connection or exchange: closing it then asks first, since closing
     * stops them.
     */
    default boolean isLive() {
        return false;
    }
}
