package com.socketworkbench.ui.alltraffic;

import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.rate.ShownTick;
import com.socketworkbench.ui.tab.Styles;
import com.socketworkbench.ui.tab.TabView;
import com.socketworkbench.ui.traffic.TrafficPane;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import static com.socketworkbench.ui.alltraffic.AllTrafficTab.TEXT;

/**
 * The All-traffic view: how the engine waits on many sockets at once, how many it watches now
 * ({@code #watchedSockets}), and one timeline of every socket tab's events with the tab each came from (a
 * {@code Source} column, {@code #col-source}). The timeline and inspector are a tab's own ({@link TrafficPane}); the
 * hub makes rows only while the view is shown, and drains on the view's tick, so the count moves even when no tab
 * shows rows.
 */
public final class AllTrafficView implements TabView {
    private final VBox root = new VBox();
    private final Label watched = new Label();
    private final TrafficPane traffic;

    public AllTrafficView(AllTrafficModel model, Subscriptions subscriptions) {
        AllTrafficHub hub = model.hub();
        root.setId("allTraffic");
        root.getStyleClass().add("all-traffic");
        Styles.apply(root, AllTrafficView.class, "alltraffic.css");

        Label explanation = new Label(TEXT.get("explanation"));
        explanation.setId("allTrafficExplanation");
        explanation.getStyleClass().add("all-traffic-explanation");
        explanation.setWrapText(true);
        explanation.setMinHeight(Region.USE_PREF_SIZE);

        watched.setId("watchedSockets");
        watched.getStyleClass().add("watched-sockets");
        watched.setMinWidth(Region.USE_PREF_SIZE);
        subscriptions.subscribe(hub.watchedSocketsProperty(),
                count -> watched.setText(TEXT.get("watched", count.intValue())));
        HBox counts = new HBox(16, watched);
        counts.setAlignment(Pos.CENTER_LEFT);
        counts.getStyleClass().add("all-traffic-counts");

        traffic = new TrafficPane(hub.timeline(), TEXT.get("timeline.placeholder"), subscriptions);
        traffic.timeline().addTextColumn(1, "col-source", TEXT.get("column.source"), 130, hub::sourceOf);
        Node split = traffic.split();
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().addAll(explanation, counts, split);
        // Rows are made only while the view is in the window (the selected tab): see AllTrafficHub.
        subscriptions.subscribe(root.sceneProperty(), scene -> hub.setShown(scene != null));
        subscriptions.add(() -> hub.setShown(false));
        new ShownTick(root, hub::drain, subscriptions);
    }

    @Override
    public Node view() {
        return root;
    }

    public TrafficPane traffic() {
        return traffic;
    }
}
