package com.socketworkbench.ui.fx;

import com.socketworkbench.engine.event.NetEvent;

import java.util.List;

/**
 * Where an {@link EventPump} hands the events it drains (a tab's timeline). The pump decides when the table changes
 * (at once while traffic is sparse, a few times a second in a flood); the sink decides what it keeps and how, so the
 * limits live in one place. FX thread only.
 */
public interface BatchSink {

    /**
     * Takes one pulse's events in arrival order (never empty). They may wait for {@link #show()}; what waits stays
     * within the sink's own limits however many events arrive.
     */
    void hold(List<NetEvent> batch);

    /** Shows everything held, as one change; false when nothing was held. */
    boolean show();

    /** Whether events wait for {@link #show()}. */
    boolean isHolding();
}
