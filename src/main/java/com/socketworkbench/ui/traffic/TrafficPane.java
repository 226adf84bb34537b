package com.socketworkbench.ui.traffic;

import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.rate.RateChart;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Region;

import java.nio.charset.Charset;

/**
 * A tab's traffic area: the {@link TimelineView} over the {@link PayloadInspector}, wired together (the selected
 * row is inspected; the timeline previews in the inspector's charset). Put {@link #split()} where the traffic goes,
 * usually inside a {@link TabNotifier}.
 */
public final class TrafficPane {
    /** Rows the timeline keeps in view when the window is short. */
    static final int ROWS_KEPT = 3;
    /** The timeline's bars above its rows: the rate line, the search bar and the column header. */
    private static final double TIMELINE_BARS = 104;
    /** The inspector's own bar (size, charset, copy), which stays in view below the divider. */
    private static final double INSPECTOR_BAR = 44;
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
        subscriptions.bind(inspector.highlightProperty(), timeline.searchPatternProperty());
        timeline.setMatchNavigator(inspector.matchNavigator());
        keepWhole(timeline.view(), "#timelineRowCount", "#autoScroll", "#clearTimeline");
        split = new SplitPane(timeline.view(), inspector.view());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.58);
        // In a short window with every panel open the traffic area is what gives way (it is clipped by the tab's
        // split pane), so the settings above and the send editor below stay whole. Each half is then cut at its
        // bottom, keeping its toolbar in view, rather than pushed out of its place.
        split.setMinHeight(0);
        for (Node half : split.getItems()) {
            if (half instanceof Region region) {
                region.setMinHeight(0);
            }
        }
    }

    /**
     * For a socket tab, whose traffic area is all there is to see of its traffic: see {@link #keepRowsInView}. Not
     * for tabs whose traffic area is one part among several that must all stay whole (the scenario tab's, clipped
     * at 1024x640 below its script and steps).
     */
    public void keepRowsInViewWhenShort(Subscriptions subscriptions) {
        subscriptions.subscribe(split.heightProperty(), height -> keepRowsInView(height.doubleValue()));
    }

    /**
     * At its usual share (0.58) the timeline kept less than one row at 1024x640, and Follow's newest row was cut in
     * half. When the area is that short the divider moves down until {@link #ROWS_KEPT} rows show under the
     * timeline's bars, as far as the inspector keeps its own bar. A divider the user moved stays until the area's
     * height changes.
     */
    private void keepRowsInView(double height) {
        if (height <= 0) {
            return;
        }
        double wanted = (TIMELINE_BARS + ROWS_KEPT * TimelineView.ROW_HEIGHT) / height;
        double ceiling = 1 - INSPECTOR_BAR / height;
        double position = split.getDividerPositions()[0];
        if (position < wanted) {
            split.setDividerPositions(Math.max(position, Math.min(wanted, ceiling)));
        }
    }

    /** A socket tab's traffic area: as above, with the tab's rate chart ({@code #rateChart}) over the timeline. */
    public TrafficPane(TabTraffic traffic, String placeholder, Subscriptions subscriptions) {
        this(traffic.timeline(), placeholder, subscriptions);
        split.getItems().set(0, RateChart.above(timeline.view(), traffic.rates(), subscriptions));
    }

    /**
     * In a narrow traffic area (beside the client list and a socket panel) the timeline's toolbar gives the room of
     * its filter field away, never the text of its row count and buttons.
     */
    private static void keepWhole(Node toolbarOwner, String... selectors) {
        for (String selector : selectors) {
            if (toolbarOwner.lookup(selector) instanceof Region region) {
                region.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
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

    /** The inspector and the timeline's previews read the bytes in the tab's send charset until the user picks one. */
    public void followSendCharset(ObservableValue<Charset> sendCharset, Subscriptions subscriptions) {
        inspector.followCharset(sendCharset, subscriptions);
    }
}
