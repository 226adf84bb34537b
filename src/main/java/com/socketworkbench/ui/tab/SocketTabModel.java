package com.socketworkbench.ui.tab;

import com.socketworkbench.ui.traffic.TabTraffic;

/**
 * The base of a socket tab's view model (TCP server, TCP client, UDP): its {@link TabTraffic}, started when the tab
 * is activated and disposed after the settings are saved. FX thread only.
 */
public abstract class SocketTabModel implements TabModel {
    private final TabTraffic traffic = new TabTraffic();

    /** Starts the event pump. */
    @Override
    public final void activate() {
        traffic.start();
    }

    /** Remembers the settings and stops the pump; the tab's sockets must have been stopped already (see the tab). */
    @Override
    public final void dispose() {
        savePreferences();
        traffic.dispose();
    }

    @Override
    public final TabStatus status() {
        return traffic.status();
    }

    /** Timeline, pump, status and the failure announcements of the tab. */
    public final TabTraffic traffic() {
        return traffic;
    }

    /** Remembers the tab's settings for the next session. */
    public abstract void savePreferences();
}
