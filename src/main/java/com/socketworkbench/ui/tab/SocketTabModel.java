package com.socketworkbench.ui.tab;

import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.ui.traffic.TabTraffic;

import java.util.List;
import java.util.function.Consumer;

/**
 * The base of a socket tab's view model (TCP server, TCP client, UDP): its {@link TabTraffic}, started when the tab
 * is activated and disposed after the settings are saved. FX thread only.
 */
public abstract class SocketTabModel implements TabModel, MergedTrafficSource {
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

    /** The engine sink tees into {@code sockets}; the pump hands on its batches and its table updates. */
    @Override
    public final void feedMergedTraffic(EventSink sockets, Consumer<List<NetEvent>> batches, Runnable rowsShown) {
        traffic.teeTo(sockets);
        traffic.pump().onPulse(batches::accept);
        traffic.pump().onRowsShown(rowsShown);
    }

    /** Remembers the tab's settings for the next session. */
    public abstract void savePreferences();
}
