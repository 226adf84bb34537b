package com.socketworkbench.ui.fx;

import com.socketworkbench.app.FxWatchdog;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A region inside a {@link LayoutBoundary} lays itself out when its contents change without laying out the nodes
 * around it, unless its size needs change; it always fills the boundary.
 */
@ExtendWith({ApplicationExtension.class, FxWatchdog.Extension.class})
@Timeout(60)
class LayoutBoundaryFxTest {
    private final int[] outerLayouts = {0};
    private Label counters;
    private HBox bar;
    private LayoutBoundary boundary;

    @Start
    void start(Stage stage) {
        counters = new Label("1 in");
        bar = new HBox(counters);
        boundary = new LayoutBoundary(bar);
        VBox outer = new VBox(boundary) {
            @Override
            protected void layoutChildren() {
                outerLayouts[0]++;
                super.layoutChildren();
            }
        };
        stage.setScene(new Scene(outer, 300, 100));
        stage.show();
    }

    private void settle() {
        WaitForAsyncUtils.waitForFxEvents(3);
    }

    @Test
    void aChangeOfTheSameSizeLaysOutTheRegionOnly() {
        settle();
        int before = fx(() -> outerLayouts[0]);
        double width = fx(counters::getWidth);
        // A digit for a digit: the label asks for layout, the size it needs stays the same.
        fxRun(() -> counters.setText("2 in"));
        settle();
        assertEquals(before, fx(() -> outerLayouts[0]), "the parent was not laid out");
        assertEquals("2 in", fx(counters::getText));
        assertEquals(width, fx(counters::getWidth), 0.01);
        assertFalse(fx(bar::isNeedsLayout), "the region itself was laid out");
        assertEquals(fx(boundary::getWidth), fx(bar::getWidth), 0.01, "the region fills the boundary");
    }

    @Test
    void aChangeOfSizeLaysOutTheParentToo() {
        settle();
        int before = fx(() -> outerLayouts[0]);
        double height = fx(boundary::getHeight);
        fxRun(() -> counters.setText("1 in\n2 out\n3 dropped"));
        settle();
        assertTrue(fx(() -> outerLayouts[0]) > before, "the parent learnt the new size");
        assertTrue(fx(boundary::getHeight) > height, "the boundary grew with its region: " + fx(boundary::getHeight));
        assertEquals(fx(boundary::getHeight), fx(bar::getHeight), 0.01);
    }
}
