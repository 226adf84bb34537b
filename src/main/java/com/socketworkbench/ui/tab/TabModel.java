package com.socketworkbench.ui.tab;

/**
 * The state-and-actions half of a {@link ModelViewTab}: what the window's life-cycle calls reach. FX thread only.
 */
public interface TabModel {

    /**
     * Begins the model's own work once the view exists (its event pump, a first look-up). Called once; not the
     * same as a tab's own "Start" action, which some models also have.
     */
    void activate();

    /** Closes what the tab opened (sockets, look-ups in flight); returns at once, may be called more than once. */
    void stop();

    /** Remembers settings and releases the model's resources; the tab is unusable afterwards. */
    void dispose();

    /** What the status bar shows while the tab is selected. */
    TabStatus status();

    /**
     * Writes the tab's current settings into its preferences node. The window calls it before it saves the
     * workspace (and to see whether anything changed), so it must be cheap and have no other effect.
     */
    void savePreferences();
}
