package com.socketworkbench.ui.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.socketworkbench.engine.websocket.RawWsServer;
import com.socketworkbench.engine.websocket.WsVerdict;
import com.socketworkbench.ui.fx.CurrentThreadUiExecutor;
import com.socketworkbench.ui.input.InputVerdict;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import com.socketworkbench.ui.tab.WorkspaceCopy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The frame and message limits typed in the tab: judged as typed, saved with the workspace, refusing Connect while
 * one does not read, and used by the next session (a frame over a 2 KiB limit closes with 1009).
 */
class WebSocketLimitsTest {
    private final WebSocketModels models = new WebSocketModels();
    private final CurrentThreadUiExecutor executor = models.executor;

    @AfterEach
    void tearDown() {
        models.close();
    }

    private WebSocketModel model(AppPreferences preferences) {
        return models.create(preferences);
    }

    @Test
    void bothLimitsStartAt16MiBAndAreSavedWithTheWorkspace() throws Exception {
        AppPreferences preferences = InMemoryPreferences.fresh();
        WebSocketModel model = model(preferences);
        assertEquals("16 MiB", model.maxFrameInput().textProperty().get());
        assertEquals("16 MiB", model.maxMessageInput().textProperty().get());
        model.maxFrameInput().textProperty().set("512 KiB");
        model.maxMessageInput().textProperty().set("64");
        model.savePreferences();
        for (AppPreferences copy : List.of(WorkspaceCopy.reopened(preferences),
                WorkspaceCopy.throughJson(preferences, "websocket", "WebSocket"))) {
            WebSocketModel reopened = model(copy);
            assertEquals("512 KiB", reopened.maxFrameInput().textProperty().get());
            assertEquals("64 MiB", reopened.maxMessageInput().textProperty().get(), "a plain number is MiB");
        }
    }

    @Test
    void aLimitIsJudgedAsTypedAndConnectWaitsUntilItReads() {
        WebSocketModel model = model(InMemoryPreferences.fresh());
        model.urlProperty().set("ws://127.0.0.1:1/");
        model.maxFrameInput().textProperty().set("100 B");
        assertEquals("At least 1 KiB", model.maxFrameInput().verdict().message());
        model.maxFrameInput().textProperty().set("2 GiB");
        assertEquals("At most 1 GiB (a frame or message is held in memory whole)",
                model.maxFrameInput().verdict().message());
        model.maxFrameInput().textProperty().set("lots");
        assertTrue(model.maxFrameInput().verdict().isError());
        model.connect();
        assertEquals(WebSocketModel.Phase.IDLE, model.phase(), "Connect does nothing while a limit does not read");
        model.maxFrameInput().textProperty().set("1 GiB");
        assertEquals(InputVerdict.FINE, model.maxFrameInput().verdict());
        model.maxMessageInput().textProperty().set("");
        assertTrue(model.maxMessageInput().verdict().isError());
        model.connect();
        assertEquals(WebSocketModel.Phase.IDLE, model.phase());
    }

    @Test
    void theNextSessionReadsFramesUpToTheLimitTyped() throws Exception {
        byte[] frame = new byte[4 + 3000];
        frame[0] = (byte) 0x82;
        frame[1] = 126;
        frame[2] = (byte) (3000 >> 8);
        frame[3] = (byte) 3000;
        try (RawWsServer server = RawWsServer.frames(frame)) {
            WebSocketModel model = model(InMemoryPreferences.fresh());
            model.urlProperty().set(server.url());
            model.maxFrameInput().textProperty().set("2 KiB");
            model.connect();
            waitFor(() -> model.rows().stream().anyMatch(FrameRow::hasFatalVerdict));
            FrameRow refused = model.rows().stream().filter(FrameRow::hasFatalVerdict).findFirst().orElseThrow();
            WsVerdict verdict = refused.verdicts().getFirst();
            assertEquals("frame.tooBig", verdict.code());
            assertEquals(1009, verdict.closeCode());
            assertTrue(verdict.text().contains("frame limit of 2048 bytes"), verdict.text());
        }
    }

    private void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            executor.tickFrames();
            Thread.sleep(5);
        }
        assertTrue(condition.getAsBoolean(), "timed out");
    }
}
