package com.socketworkbench.ui.alltraffic;

import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.TabModel;
import com.socketworkbench.ui.tab.TabStatus;

/**
 * The All-traffic tab's model: the window's {@link AllTrafficHub}, which keeps the watched tabs' batches while the tab
 * is open (making rows of them while its view is shown) and stops when it is closed. It has no settings and opens no
 * sockets of its own. FX thread only.
 */
public final class AllTrafficModel implements TabModel {
    private final AllTrafficHub hub;
    private final TabStatus status = new TabStatus();

    public AllTrafficModel(AllTrafficHub hub, Subscriptions subscriptions) {
        this.hub = hub;
        hub.open();
        subscriptions.add(hub::close);
        status.setCountersShown(false);
        // The status bar says what the tab's header line says: how many sockets the engine is waiting on.
        subscriptions.subscribe(hub.watchedSocketsProperty(),
                count -> status.setState(AllTrafficTab.TEXT.get("watched", count.intValue())));
    }

    public AllTrafficHub hub() {
        return hub;
    }

    @Override
    public void activate() {
        hub.drain();
    }

    @Override
    public void stop() {
    }

    @Override
    public void dispose() {
    }

    @Override
    public TabStatus status() {
        return status;
    }

    @Override
    public void savePreferences() {
    }
}
