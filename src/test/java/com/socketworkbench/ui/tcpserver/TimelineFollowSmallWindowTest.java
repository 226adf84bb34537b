package com.socketworkbench.ui.tcpserver;

import com.socketworkbench.engine.event.ConnectionAccepted;
import com.socketworkbench.ui.traffic.TimelineRow;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.Socket;

import static com.socketworkbench.app.AppDriver.fx;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Follow in the smallest window the app supports (1024x640): the inherited test checks the newest row in every
 * frame. There the timeline's usual share of its area left less than one row, so the newest row was cut in half.
 */
class TimelineFollowSmallWindowTest extends TimelineFollowTest {

    @Override
    ServerTabFixture newFixture() {
        return new ServerTabFixture(1024, 640);
    }

    @Test
    void theTimelineShowsAtLeastTwoWholeRows() throws Exception {
        TableView<TimelineRow> table = tab.driver().node("#tcpServer #timeline");
        int port = tab.startOnAnyPort();
        try (Socket peer = new Socket(InetAddress.getLoopbackAddress(), port)) {
            tab.driver().waitForRow("#tcpServer #timeline", row -> row.event() instanceof ConnectionAccepted);
            tab.driver().waitUntil(() -> table.lookup(".clipped-container") instanceof Node viewport
                    && viewport.getLayoutBounds().getHeight() > 0);
            double height = fx(() -> table.lookup(".clipped-container").getLayoutBounds().getHeight());
            assertTrue(height >= 2 * table.getFixedCellSize(), "the rows' viewport is " + height + " px high");
        }
    }
}
