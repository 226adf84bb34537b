package com.socketworkbench.ui.traffic;

import com.socketworkbench.app.FxWatchdog;
import com.socketworkbench.ui.fx.FrameTicker;
import com.socketworkbench.ui.fx.FxUiExecutor;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.UiExecutor;
import com.socketworkbench.ui.tab.Styles;

import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The data inspector beside the hex dump and the timeline's search, driven like a user. */
@ExtendWith({ApplicationExtension.class, FxWatchdog.Extension.class})
@Timeout(90)
class InspectorSearchFxTest {
    private final Subscriptions subscriptions = new Subscriptions();
    private final TimelineModel model = new TimelineModel(50_000);
    private TimelineView timeline;
    private PayloadInspector inspector;

    @Start
    void start(Stage stage) {
        TrafficPane traffic = new TrafficPane(model, "Nothing yet", subscriptions);
        timeline = traffic.timeline();
        inspector = traffic.inspector();
        Styles.apply(traffic.split(), InspectorSearchFxTest.class, null);
        stage.setScene(new Scene(traffic.split(), 1200, 760));
        stage.show();
    }

    private static byte[] filler(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) '.');
        return bytes;
    }

    private static byte[] with(byte[] bytes, int at, String text) {
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(t, 0, bytes, at, t.length);
        return bytes;
    }

    private void rows(byte[]... payloads) {
        fxRun(() -> {
            List<TimelineRow> rows = new ArrayList<>();
            long sequence = model.rows().size();
            for (byte[] payload : payloads) {
                rows.add(new TimelineRow(++sequence, TestEvents.received(payload), 0));
            }
            model.append(rows);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(FxRobot robot, String id) {
        return fx(() -> ((Label) robot.lookup(id).query()).getText());
    }

    /** Screen point of byte {@code index} (of the first 16) in the hex column of the first line. */
    private Point2D hexByte(FxRobot robot, int index) {
        return fx(() -> {
            HexLineCell cell = robot.lookup(".hex-line-cell").queryAll().stream()
                    .map(HexLineCell.class::cast).filter(c -> c.getIndex() == 0 && c.getItem() != null)
                    .findFirst().orElseThrow();
            double width = cell.charWidth();
            Node text = cell.lookup(".hex-line-text");
            Bounds bounds = text.localToScreen(text.getBoundsInLocal());
            int column = 8 + 2 + 3 * index; // offset digits, two spaces, three characters a byte
            return new Point2D(bounds.getMinX() + (column + 0.5) * width, bounds.getMinY() + bounds.getHeight() / 2);
        });
    }

    @Test
    void draggingOverBytesShowsThemAsEveryTypeAndShiftArrowsExtendTheSelection(FxRobot robot) {
        rows(new byte[]{(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef, 127, 0, 0, 1, 0x41, 0x42});
        fxRun(() -> timeline.table().getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#dataInspector").tryQuery().isEmpty(), "shown once bytes are selected");

        robot.moveTo(hexByte(robot, 0)).press(MouseButton.PRIMARY).moveTo(hexByte(robot, 3))
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new PayloadPattern.Range(0, 4), fx(inspector::selectedRange));
        assertEquals("Bytes 0–3 (4 selected)", text(robot, "#dataSelection"));
        assertEquals("-559038737", text(robot, "#data-int32-be"));
        assertEquals("3735928559", text(robot, "#data-uint32-be"));
        assertEquals("-272716322", text(robot, "#data-int32-le"));
        assertEquals("57005", text(robot, "#data-uint16-be"));
        assertEquals("needs 8 bytes", text(robot, "#data-int64-be"));
        assertEquals("222.173.190.239", text(robot, "#data-ipv4-be"));
        assertEquals("11011110 10101101 10111110 11101111", text(robot, "#data-bits"));

        // Shift+Right four times: bytes 0-7, so 64-bit values and 127.0.0.1 as the second word.
        robot.press(KeyCode.SHIFT);
        for (int i = 0; i < 4; i++) {
            robot.type(KeyCode.RIGHT);
        }
        robot.release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new PayloadPattern.Range(0, 8), fx(inspector::selectedRange));
        assertEquals("-2401053090481438719", text(robot, "#data-int64-be"));

        fxRun(() -> inspector.selectBytes(8, 10));
        assertEquals("AB", text(robot, "#data-text"));
        assertEquals("16706", text(robot, "#data-uint16-be"));
        fxRun(() -> robot.lookup("#copySelection").queryButton().fire());
        assertEquals("41 42", fx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString()));
    }

    @Test
    void theSearchFindsTheWholePayloadAndWalksItsMatches(FxRobot robot) {
        rows(with(filler(1000), 700, "Password: "), "nothing".getBytes(StandardCharsets.UTF_8),
                with(with(filler(70_000), 10, "password"), PayloadInspector.TEXT_LIMIT - 4, "PASSWORD"));
        fxRun(() -> timeline.filterField().setText("password"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, fx(() -> timeline.table().getItems().size()));
        assertEquals("3 matches in 2 rows", text(robot, "#searchStatus"));

        robot.clickOn("#searchNext");
        assertEquals(1, fx(() -> timeline.selectedProperty().get().sequence()));
        assertEquals(new PayloadPattern.Range(700, 708), fx(inspector::currentMatch));
        assertEquals("Password", fx(() -> inspector.textView().getSelectedText()));
        robot.clickOn("#searchNext");
        assertEquals(3, fx(() -> timeline.selectedProperty().get().sequence()));
        assertEquals(new PayloadPattern.Range(10, 18), fx(inspector::currentMatch));
        robot.clickOn("#searchNext");
        // Across the end of the 64 KiB the text view shows: marked in the hex dump, found all the same.
        assertEquals(new PayloadPattern.Range(PayloadInspector.TEXT_LIMIT - 4, PayloadInspector.TEXT_LIMIT + 4),
                fx(inspector::currentMatch));
        robot.clickOn("#searchPrevious");
        assertEquals(new PayloadPattern.Range(10, 18), fx(inspector::currentMatch));
        robot.clickOn("#searchPrevious");
        assertEquals(1, fx(() -> timeline.selectedProperty().get().sequence()));

        fxRun(() -> {
            timeline.searchBar().mode().setValue(SearchMode.HEX);
            timeline.filterField().setText("50 61 ?? 73");
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, fx(() -> timeline.table().getItems().size()), "hex matches the bytes: 'Pass', not 'pass'");

        fxRun(() -> {
            timeline.searchBar().mode().setValue(SearchMode.REGEX);
            timeline.filterField().setText("(pass");
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, "#searchStatus").startsWith("Not a valid regular expression"));
        assertTrue(fx(() -> timeline.filterField().getStyleClass().contains("search-error")));
        assertEquals(3, fx(() -> timeline.table().getItems().size()), "a bad pattern hides no row");
        assertNull(fx(() -> timeline.searchPatternProperty().get()));

        fxRun(() -> timeline.filterField().setText("pass\\w+: [.]{3}"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, fx(() -> timeline.table().getItems().size()));
        assertFalse(fx(() -> timeline.filterField().getStyleClass().contains("search-error")));
    }

    @Test
    void pendingBytesShowAsAProvisionalRowBelowTheTimelineUntilTheFrameCompletes(FxRobot robot) {
        rows("Welcome".getBytes(StandardCharsets.US_ASCII));
        assertFalse(fx(() -> robot.lookup("#provisionalRows").query().isVisible()), "hidden while there is none");
        byte[] prompt = "Password: ".getBytes(StandardCharsets.US_ASCII);
        fxRun(() -> {
            model.hold(List.of(new com.socketworkbench.engine.event.BytesReceived(java.time.Instant.now(), 1,
                    TestEvents.LOCAL, TestEvents.PEER, prompt, 1, false, true)));
            model.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> robot.lookup("#provisionalRows").query().isVisible()));
        javafx.scene.control.ListView<?> list = robot.lookup("#provisionalRows").queryAs(javafx.scene.control.ListView.class);
        assertEquals(1, fx(() -> list.getItems().size()));
        robot.clickOn(".provisional-rows .list-cell");
        assertEquals("10 bytes · incomplete: the delimiter has not arrived", fx(() -> ((Label) robot.lookup(
                "#payloadSize").query()).getText()));
        assertEquals("Password: ", fx(() -> inspector.textView().getText()));

        fxRun(() -> {
            model.hold(List.of(TestEvents.received(prompt)));
            model.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, fx(() -> list.getItems().size()));
        assertFalse(fx(() -> robot.lookup("#provisionalRows").query().isVisible()));
        assertEquals(2, fx(() -> model.rows().size()));
    }

    @Test
    void aLargeSearchRunsOffTheFxThreadWithProgressAndCanBeCancelled(FxRobot robot) {
        Set<String> workThreads = ConcurrentHashMap.newKeySet();
        AtomicReference<CompletableFuture<Void>> gate = new AtomicReference<>(new CompletableFuture<>());
        UiExecutor app = new FxUiExecutor();
        fxRun(() -> timeline.setSearchExecutor(new UiExecutor() {
            @Override
            public <T> void run(String threadName, Callable<T> work, Consumer<? super T> onSuccess,
                                Consumer<? super Throwable> onFailure) {
                app.run(threadName, () -> {
                    workThreads.add(Thread.currentThread().getName() + (Platform.isFxApplicationThread() ? "!fx" : ""));
                    gate.get().get();
                    return work.call();
                }, onSuccess, onFailure);
            }

            @Override
            public void later(Runnable action) {
                app.later(action);
            }

            @Override
            public <T> void onFx(CompletableFuture<T> future, BiConsumer<? super T, ? super Throwable> action) {
                app.onFx(future, action);
            }

            @Override
            public FrameTicker frameTicker(Runnable action) {
                return app.frameTicker(action);
            }
        }));
        byte[][] payloads = new byte[8][];
        for (int i = 0; i < payloads.length; i++) {
            payloads[i] = with(filler(64 * 1024), 60_000, i % 2 == 0 ? "needle" : "hay");
        }
        rows(payloads);

        fxRun(() -> timeline.filterField().setText("needle"));
        // The FX thread is free while the search waits at the gate: the Cancel button shows, progress is read.
        assertTrue(fx(() -> timeline.searchBar().isRunning()));
        assertTrue(fx(() -> robot.lookup("#searchCancel").queryButton().isVisible()));
        assertTrue(text(robot, "#searchStatus").startsWith("Searching…"));
        gate.get().complete(null);
        await().atMost(Duration.ofSeconds(20)).until(() -> fx(() -> !timeline.searchBar().isRunning()));
        assertEquals("4 matches in 4 rows", text(robot, "#searchStatus"));
        assertEquals(4, fx(() -> timeline.table().getItems().size()));
        assertEquals(1, workThreads.size());
        assertTrue(workThreads.stream().allMatch(name -> name.equals("timeline-search")), workThreads.toString());

        // Cancel: a new search is stopped and every row shows again.
        CompletableFuture<Void> held = new CompletableFuture<>();
        gate.set(held);
        fxRun(() -> timeline.filterField().setText("hay"));
        assertTrue(fx(() -> timeline.searchBar().isRunning()));
        fxRun(() -> robot.lookup("#searchCancel").queryButton().fire());
        assertFalse(fx(() -> timeline.searchBar().isRunning()));
        assertEquals(8, fx(() -> timeline.table().getItems().size()));
        held.complete(null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(8, fx(() -> timeline.table().getItems().size()), "the cancelled search shows nothing late");
    }
}
