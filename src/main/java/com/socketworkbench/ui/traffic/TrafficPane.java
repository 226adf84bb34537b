package com.socketworkbench.ui.traffic;

import com.socketworkbench.ui.fx.Subscriptions;

import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;

/**
 * A tab's traffic area: the {@link TimelineView} over the {@link PayloadInspector}, wired together (the selected
 * row is inspected; the timeline previews in the inspector's charset). Put {@link #split()} where the traffic goes,
 * usually inside a {@link TabNotifier}.
 */
public final class TrafficPane {
    private final TimelineView timeline;
    private final PayloadInspector inspector;
    private final SplitPane split;

    /** @param placeholder what the empty timeline says, e.g. "Connect to a server: ... appear here" */
    public TrafficPane(TimelineModel model, String placeholder, Subscriptions subscriptions) {
        timeline = new TimelineView(model, subscriptions);
        timeline.setPlaceholderText(placeholder);
        inspector = new PayloadInspector(subscriptions);
        subscriptions.bind(timeline.charsetProperty(), inspector.charsetProperty());
        subscriptions.bind(inspector.rowProperty(), timeline.selectedProperty());
        split = new SplitPane(timeline.view(), inspector.view());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.58);
    }

    public TimelineView timeline() {
        return timeline;
    }

    public PayloadInspector inspector() {
        return inspector;
    }

    /** The timeline above, the inspector below. */
    public SplitPane split() {
        return split;
    }
}
