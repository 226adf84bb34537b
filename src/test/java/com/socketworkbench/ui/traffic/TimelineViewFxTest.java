package com.socketworkbench.ui.traffic;

import com.socketworkbench.ui.fx.EventPump;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.Styles;

import com.socketworkbench.app.FxWatchdog;
import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.NetEvent;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.AccessibleAttribute;
import javafx.scene.control.TableRow;
import javafx.scene.input.Clipboard;
import javafx.scene.text.Text;
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
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pump on a live FX thread (AnimationTimer pulses), the timeline view and the payload inspector. */
@ExtendWith({ApplicationExtension.class, FxWatchdog.Extension.class})
@Timeout(60)
class TimelineViewFxTest {
    private final Subscriptions subscriptions = new Subscriptions();
    private final TimelineModel model = new TimelineModel(50_000);
    private final EventPump pump = new EventPump(model);
    private TimelineView timeline;
    private PayloadInspector inspector;

    @Start
    void start(Stage stage) {
        TrafficPane traffic = new TrafficPane(model, "Nothing yet", subscriptions);
        timeline = traffic.timeline();
        inspector = traffic.inspector();
        SplitPane root = traffic.split();
        Styles.apply(root, TimelineViewFxTest.class, null);
        stage.setScene(new Scene(root, 1100, 700));
        stage.show();
        pump.start();
    }

    private void emitAndWait(NetEvent... events) {
        int before = fx(() -> model.rows().size());
        for (NetEvent event : events) {
            pump.emit(event);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> model.rows().size() == before + events.length));
    }

    @Test
    void aFloodFromEngineThreadsIsDrainedInBoundedPulsesAndCapped() throws InterruptedException {
        AtomicInteger largestBatch = new AtomicInteger();
        fxRun(() -> subscriptions.add(pump.onPulse(batch -> largestBatch.accumulateAndGet(batch.size(), Math::max))));
        CountDownLatch done = new CountDownLatch(2);
        for (int t = 0; t < 2; t++) {
            Thread.ofVirtual().name("flood-" + t).start(() -> {
                byte[] data = {1, 2, 3};
                for (int i = 0; i < 100_000; i++) {
                    pump.emit(new BytesReceived(java.time.Instant.now(), 1, TestEvents.LOCAL, TestEvents.PEER, data));
                }
                done.countDown();
            });
        }
        assertTrue(done.await(20, TimeUnit.SECONDS));

        await().atMost(Duration.ofSeconds(20)).until(() -> fx(() -> pump.counters().messagesIn() == 200_000));
        // Rows drained during a flood may wait up to the publish interval; the first quiet pulse shows them.
        await().atMost(Duration.ofSeconds(5)).until(() -> fx(pump::isIdle));
        assertEquals(50_000, fx(() -> model.rows().size()));
        assertEquals(150_000, fx(model::trimmed));
        assertEquals(600_000, fx(() -> pump.counters().bytesIn()));
        assertTrue(largestBatch.get() <= EventPump.DEFAULT_MAX_PER_PULSE, "batch " + largestBatch.get());
        Label note = new FxRobot().lookup("#trimmedNote").query();
        assertEquals("150,000 older events not shown", fx(note::getText));
        assertTrue(fx(note::isVisible));
    }

    @Test
    void thePreviewColumnShowsTheWholePreviewClippedToTheColumn() {
        String longPreview = "x".repeat(150);
        emitAndWait(TestEvents.received("Temperature 21"), TestEvents.received(longPreview));
        FxRobot robot = new FxRobot();

        List<String> shown = fx(() -> robot.lookup(".preview-text").<Text>queryAll().stream()
                .filter(Node::isVisible).filter(text -> text.getParent() != null)
                .map(Text::getText).filter(text -> !text.isEmpty()).toList());
        assertTrue(shown.contains("Temperature 21"), shown.toString());
        assertTrue(shown.contains(longPreview), shown.toString());
        Text text = fx(() -> robot.lookup(".preview-text").<Text>queryAll()
                .stream().filter(t -> t.getText().equals(longPreview)).findFirst().orElseThrow());
        TableRow<?> row = fx(() -> text.getParent() instanceof TableRow<?> r ? r : null);
        assertTrue(row != null, "the Text sits in its row: a row draws one Text per column, no cells");
        assertEquals(List.of(), fx(() -> List.copyOf(row.lookupAll(".table-cell"))));
        assertEquals(timeline.table().getColumns().size(), fx(() -> row.getChildrenUnmodifiable().size()));
        assertTrue(fx(() -> String.valueOf(row.queryAccessibleAttribute(AccessibleAttribute.TEXT)))
                .endsWith(longPreview), "a screen reader hears the row's texts");
        double previewWidth = fx(() -> timeline.table().getColumns().getLast().getWidth());
        assertTrue(fx(() -> text.getClip() != null && text.getClip().getLayoutBounds().getWidth() <= previewWidth),
                "clipped to the column");
        // Resting the pointer on the row shows the whole preview, made only then.
        javafx.scene.control.Tooltip tip = fx(row::getTooltip);
        assertTrue(tip != null, "a data row has a tooltip");
        fx(() -> {
            tip.getOnShowing().handle(new javafx.stage.WindowEvent(tip, javafx.stage.WindowEvent.WINDOW_SHOWING));
            return null;
        });
        assertEquals(longPreview, fx(tip::getText));
    }

    @Test
    void theFilterMatchesPeerPreviewAndKindIgnoringCase() {
        emitAndWait(TestEvents.received("Temperature 21"), TestEvents.failure("Connection reset by peer"),
                TestEvents.closed(), TestEvents.sent("OK".getBytes(StandardCharsets.US_ASCII)));
        FxRobot robot = new FxRobot();

        fxRun(() -> timeline.filterField().setText("TEMPERATURE"));
        assertEquals(1, fx(() -> timeline.table().getItems().size()));
        fxRun(() -> timeline.filterField().setText("failure"));
        assertEquals(1, fx(() -> timeline.table().getItems().size()));
        fxRun(() -> timeline.filterField().setText(":40001"));
        assertEquals(4, fx(() -> timeline.table().getItems().size()));
        fxRun(() -> timeline.filterField().setText("closed"));
        assertEquals(1, fx(() -> timeline.table().getItems().size()));
        assertEquals("1 of 4 rows", fx(() -> robot.lookup("#timelineRowCount").<Label>query().getText()));
        emitAndWait(TestEvents.closed());
        assertEquals("2 of 5 rows", fx(() -> robot.lookup("#timelineRowCount").<Label>query().getText()),
                "a filtered view follows new rows");
        fxRun(() -> timeline.filterField().setText(""));
        assertEquals(5, fx(() -> timeline.table().getItems().size()));
        assertEquals("5 rows", fx(() -> robot.lookup("#timelineRowCount").<Label>query().getText()));
        emitAndWait(TestEvents.received("after the filter"));
        assertEquals("6 rows", fx(() -> robot.lookup("#timelineRowCount").<Label>query().getText()),
                "without a filter the table shows the rows themselves and still counts them");

        robot.clickOn("#clearTimeline");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, fx(() -> model.rows().size()));
    }

    @Test
    void scrollingUpPausesFollowingAndEndResumesIt() {
        NetEvent[] events = new NetEvent[300];
        Arrays.setAll(events, i -> TestEvents.received("line " + i));
        emitAndWait(events);
        FxRobot robot = new FxRobot();
        assertTrue(fx(() -> timeline.autoScrollToggle().isSelected()));

        robot.moveTo("#timeline").scroll(5, javafx.geometry.VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(() -> timeline.autoScrollToggle().isSelected()), "the user scrolled up: stop following");
        emitAndWait(TestEvents.received("more"));
        assertFalse(fx(() -> timeline.autoScrollToggle().isSelected()), "new rows do not turn it back on");

        robot.clickOn("#timeline").type(javafx.scene.input.KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> timeline.autoScrollToggle().isSelected()));
    }

    @Test
    void theInspectorShowsHexAndTextAndCapsTheTextView() {
        byte[] big = new byte[100 * 1024];
        Arrays.fill(big, (byte) 'A');
        big[0] = 0x48;
        emitAndWait(TestEvents.received("Hi\u00e9"), TestEvents.received(big), TestEvents.closed());

        fxRun(() -> timeline.table().getSelectionModel().select(0));
        assertEquals("48 69 c3 a9", fx(() -> inspector.hexView().getItems().getFirst()).substring(10, 21));
        assertEquals("Hié", fx(() -> inspector.textView().getText()));
        assertEquals("4 bytes", fx(() -> new FxRobot().lookup("#payloadSize").<Label>query().getText()));

        fxRun(() -> inspector.charsetProperty().set(StandardCharsets.ISO_8859_1));
        assertEquals("HiÃ©", fx(() -> inspector.textView().getText()));

        fxRun(() -> timeline.table().getSelectionModel().select(1));
        assertEquals(6400, fx(() -> inspector.hexView().getItems().size()), "16 bytes per line");
        assertEquals(PayloadInspector.TEXT_LIMIT, fx(() -> inspector.textView().getText().length()));
        assertEquals("showing first 64 KiB of 102,400 bytes (copy for all)",
                fx(() -> new FxRobot().lookup("#payloadNote").<Label>query().getText()));

        fxRun(() -> timeline.table().getSelectionModel().select(2));
        assertEquals(0, fx(() -> inspector.hexView().getItems().size()));
        assertTrue(fx(() -> new FxRobot().lookup("#copyHex").query().isDisabled()));
    }

    @Test
    void copyButtonsPutTheBytesOnTheClipboard() {
        emitAndWait(TestEvents.received(new byte[]{(byte) 0xde, (byte) 0xad, 0x41}));
        fxRun(() -> timeline.table().getSelectionModel().select(0));
        FxRobot robot = new FxRobot();

        robot.clickOn("#copyHex");
        assertEquals("de ad 41", fx(() -> Clipboard.getSystemClipboard().getString()));
        robot.clickOn("#copyJava");
        String java = fx(() -> Clipboard.getSystemClipboard().getString());
        assertTrue(java.contains("(byte) 0xde") || java.contains("(byte) 0xDE"), java);
        robot.clickOn("#copyC");
        String c = fx(() -> Clipboard.getSystemClipboard().getString());
        assertTrue(c.toLowerCase().contains("0xde, 0xad, 0x41"), c);
    }
}
