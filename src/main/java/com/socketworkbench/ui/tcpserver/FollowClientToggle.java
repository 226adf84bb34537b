package com.socketworkbench.ui.tcpserver;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.Tips;
import com.socketworkbench.ui.traffic.TimelineView;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Region;

/**
 * "This client only" (id {@code followClient}): while on, the timeline shows only the rows of the client selected
 * in the list and switches with the selection; with none selected it shows every row.
 */
final class FollowClientToggle {
    private static final Texts TEXT = ServerTexts.TEXT;

    private FollowClientToggle() {
    }

    static ToggleButton create(TcpServerViewModel model, TimelineView timeline, Subscriptions subscriptions) {
        ToggleButton follow = new ToggleButton(TEXT.get("follow.client"));
        follow.setId("followClient");
        follow.getStyleClass().add("small-toggle");
        follow.setMinWidth(Region.USE_PREF_SIZE);
        Tips.install(follow, TEXT.get("follow.client.tooltip"));
        subscriptions.bindBidirectional(follow.selectedProperty(), model.followClientProperty());
        subscriptions.subscribe(model.timelineScopeProperty(), timeline::setRowScope);
        return follow;
    }
}
