package com.socketworkbench.ui.tab;

import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.NetEvent;

import java.util.List;
import java.util.function.Consumer;

/**
 * A tab model whose traffic the window's All Traffic view merges with the other tabs' (the socket tabs, and the
 * WebSocket tab, whose session reads as one connection there). The source keeps what it is handed for as long as it
 * lives: the hub holds its side only weakly, so a closed tab lets it go.
 */
public interface MergedTrafficSource {

    /**
     * Starts feeding the merged view.
     *
     * @param sockets   every listener and connection opening or closing, as it happens (any thread, never waits)
     * @param batches   the tab's events of each frame, in order, once it has applied them (FX thread); a list is
     *                  never changed afterwards
     * @param rowsShown after the tab showed new rows (FX thread): the merged view catches up in the same frame
     */
    void feedMergedTraffic(EventSink sockets, Consumer<List<NetEvent>> batches, Runnable rowsShown);
}
