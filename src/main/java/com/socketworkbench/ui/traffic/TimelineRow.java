package com.socketworkbench.ui.traffic;

import com.socketworkbench.engine.event.NetEvent;

/**
 * One timeline row: the event as the engine reported it plus its distance in time to the row before. Everything
 * shown is derived from the event by the cells when (and only when) the row is visible.
 *
 * @param sequence     position in the tab's whole history (1-based), stable across trimming
 * @param deltaNanos   time since the previous event, or -1 for the first one
 * @param payloadBytes the event's payload size, taken once here for the timeline's byte budget
 */
public record TimelineRow(long sequence, NetEvent event, long deltaNanos, int payloadBytes) {

    public TimelineRow(long sequence, NetEvent event, long deltaNanos) {
        this(sequence, event, deltaNanos, EventText.payloadSize(event));
    }

    public Direction direction() {
        return Direction.of(event);
    }
}
