package com.socketworkbench.ui.traffic;

import com.socketworkbench.engine.event.DataEvent;
import com.socketworkbench.engine.event.NetEvent;

/** Which way a timeline row went, with its arrow and the CSS class that colours it. */
public enum Direction {
    RECEIVED("↓", "dir-received"),
    SENT("↑", "dir-sent"),
    EVENT("•", "dir-event");

    private final String arrow;
    private final String styleClass;

    Direction(String arrow, String styleClass) {
        this.arrow = arrow;
        this.styleClass = styleClass;
    }

    public static Direction of(NetEvent event) {
        if (event instanceof DataEvent data) {
            return data.incoming() ? RECEIVED : SENT;
        }
        return EVENT;
    }

    public String arrow() {
        return arrow;
    }

    public String styleClass() {
        return styleClass;
    }
}
