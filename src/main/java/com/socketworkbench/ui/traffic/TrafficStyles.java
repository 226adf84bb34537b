package com.socketworkbench.ui.traffic;

import java.util.Objects;

/** The traffic views' own style sheet (marks in the hex dump, the data inspector, the search's error state). */
final class TrafficStyles {
    private TrafficStyles() {
    }

    static String sheet() {
        return Objects.requireNonNull(TrafficStyles.class.getResource("traffic.css"), "traffic.css").toExternalForm();
    }
}
