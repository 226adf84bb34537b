package com.socketworkbench.ui.relay;

import com.socketworkbench.ui.tab.ListenerState;
import com.socketworkbench.ui.tab.ModelViewTab;
import com.socketworkbench.ui.tab.TabContext;

/**
 * The Relay tab ({@code #relay}): listens on an address, forwards each client to a target, shows every chunk both ways
 * in one timeline, and can hold, edit, delay, re-chunk or cut what passes.
 */
public final class RelayTab extends ModelViewTab<RelayViewModel, RelayView> {

    public RelayTab(TabContext context) {
        super(context, kindTitle(), "relay", RelayViewModel::new, RelayView::new);
    }

    /** The tab's header text in the language in use. */
    public static String kindTitle() {
        return RelayTexts.TEXT.get("tab.title");
    }

    public RelayView relayView() {
        return content();
    }

    /** Listening (or starting, or stopping) counts: closing the tab stops the relay and its pairs. */
    @Override
    public boolean isLive() {
        return model().state() != ListenerState.STOPPED;
    }
}
