package com.socketworkbench.ui.tcpserver;

import com.socketworkbench.app.AppDriver;
import com.socketworkbench.engine.event.CloseReason;
import com.socketworkbench.engine.event.ConnectionAccepted;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.ui.traffic.TimelineRow;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Follow (on by default) keeps the newest row fully in view in every frame after a table update, the way a user
 * watches slow traffic: one message at a time, each echoed (two rows per message), then a reset by the peer. Every
 * frame is checked, right after JavaFX laid it out, by a post-layout pulse listener (which asks for no pulses).
 */
@Timeout(60)
class TimelineFollowTest {
    private static final int MESSAGES = 30;

    @RegisterExtension
    final ServerTabFixture tab = newFixture();
    private final AppDriver driver = tab.driver();

    /** The app as the test sees it: the default window (1280x800). */
    ServerTabFixture newFixture() {
        return new ServerTabFixture();
    }

    /** Frames in which the table had rows: how many, and what was wrong with the newest one (FX thread). */
    private final List<String> problems = new ArrayList<>();
    private int framesChecked;

    @Test
    void theNewestRowIsFullyVisibleAfterEveryTableUpdate() throws Exception {
        TableView<TimelineRow> table = driver.node("#tcpServer #timeline");
        assertTrue(fx(() -> driver.<ToggleButton>node("#tcpServer #autoScroll").isSelected()), "Follow is on");
        fxRun(() -> driver.<CheckBox>node("#tcpServer #echo").setSelected(true));
        Scene scene = fx(table::getScene);
        Runnable check = () -> checkNewestRow(table);
        fxRun(() -> scene.addPostLayoutPulseListener(check));
        try {
            int port = tab.startOnAnyPort();
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                InputStream in = socket.getInputStream();
                driver.waitForRow("#tcpServer #timeline", row -> row.event() instanceof ConnectionAccepted);
                int before = fx(() -> table.getItems().size());
                for (int i = 1; i <= MESSAGES; i++) {
                    byte[] line = ("message " + i + "\n").getBytes(StandardCharsets.US_ASCII);
                    out.write(line);
                    out.flush();
                    assertArrayEquals(line, in.readNBytes(line.length), "echoed");
                    int rows = before + 2 * i;
                    driver.waitUntil(() -> table.getItems().size() == rows);
                    awaitFrameAfter(table);
                }
                socket.setSoLinger(true, 0);
            }
            driver.waitUntil(() -> !table.getItems().isEmpty()
                    && table.getItems().getLast().event() instanceof ConnectionClosed closed
                    && closed.reason() == CloseReason.RESET);
            awaitFrameAfter(table);
        } finally {
            fxRun(() -> scene.removePostLayoutPulseListener(check));
        }
        int checked = fx(() -> framesChecked);
        assertTrue(checked >= MESSAGES, "frames checked: " + checked);
        assertEquals(List.of(), fx(() -> List.copyOf(problems)), "frames whose newest row was not fully visible");
        assertTrue(fx(() -> table.getItems().size()) > fx(() -> visibleRowCapacity(table)),
                "more rows than fit, so following had to scroll");
    }

    /**
     * Waits for one more frame after the one that showed the table's change (its check already ran: the change came
     * in a pulse, and this call queues behind it). An idle app draws no frames, so the layout request asks for one.
     */
    private void awaitFrameAfter(TableView<TimelineRow> table) {
        int seen = fx(() -> framesChecked);
        fxRun(table::requestLayout);
        driver.waitUntil(() -> framesChecked > seen);
    }

    private void checkNewestRow(TableView<TimelineRow> table) {
        int size = table.getItems().size();
        if (size == 0 || table.getSkin() == null) {
            return;
        }
        framesChecked++;
        Node viewport = table.lookup(".clipped-container");
        TableRow<?> newest = table.lookupAll(".table-row-cell").stream()
                .filter(node -> node instanceof TableRow<?> row && row.isVisible() && row.getIndex() == size - 1)
                .map(node -> (TableRow<?>) node).findFirst().orElse(null);
        if (viewport == null || newest == null) {
            problems.add(size + " rows: the newest row has no cell laid out; visible "
                    + table.lookupAll(".table-row-cell").stream().filter(Node::isVisible)
                    .map(node -> ((TableRow<?>) node).getIndex()).sorted().toList() + " needsLayout "
                    + table.isNeedsLayout());
            return;
        }
        Bounds port = viewport.localToScene(viewport.getLayoutBounds());
        Bounds row = newest.localToScene(newest.getLayoutBounds());
        if (row.getMinY() < port.getMinY() - 0.5 || row.getMaxY() > port.getMaxY() + 0.5) {
            problems.add(String.format("%d rows: newest row at y %.1f–%.1f, viewport %.1f–%.1f", size,
                    row.getMinY(), row.getMaxY(), port.getMinY(), port.getMaxY()));
        }
    }

    private static int visibleRowCapacity(TableView<?> table) {
        Node viewport = table.lookup(".clipped-container");
        return (int) Math.floor(viewport.getLayoutBounds().getHeight() / table.getFixedCellSize());
    }
}
