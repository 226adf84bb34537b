package com.socketworkbench.ui.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.socketworkbench.engine.websocket.CloseInfo;
import com.socketworkbench.engine.websocket.Direction;
import com.socketworkbench.engine.websocket.FrameDecoder;
import com.socketworkbench.engine.websocket.Opcode;
import com.socketworkbench.engine.websocket.RawWsServer;
import com.socketworkbench.ui.fx.CurrentThreadUiExecutor;
import com.socketworkbench.ui.input.InputVerdict;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.InMemoryPreferences;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The expert send in the model: close codes the normal Send refuses become warnings and go on the wire, the raw
 * opcode follows the kind, the row says "raw" and how the frame breaks RFC 6455, and with expert off the normal
 * checks are as before. Expert mode is not saved.
 */
class WebSocketExpertTest {
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
    void forbiddenCloseCodesAreWarningsInExpertModeOnlyAndTheOpcodeFollowsTheKind() throws Exception {
        AppPreferences preferences = InMemoryPreferences.fresh();
        WebSocketModel model = model(preferences);
        model.sendKindProperty().set(SendKind.CLOSE);
        assertEquals(Opcode.CLOSE, model.rawOpcodeProperty().get());
        model.closeCodeProperty().set("1005");
        assertTrue(model.closeCodeVerdictProperty().get().isError(), "the normal Send refuses 1005");
        model.expertProperty().set(true);
        InputVerdict verdict = model.closeCodeVerdictProperty().get();
        assertEquals(InputVerdict.Severity.WARNING, verdict.severity());
        assertEquals("The close code 1005 breaks RFC 6455: sent anyway (expert)", verdict.message());
        model.closeCodeProperty().set("70000");
        assertTrue(model.closeCodeVerdictProperty().get().isError(), "two bytes hold at most 65535");
        model.closeCodeProperty().set("");
        assertFalse(model.closeCodeVerdictProperty().get().isError(), "no code at all is a close without one");
        model.closeReasonProperty().set("r".repeat(200));
        assertEquals(InputVerdict.Severity.WARNING, model.closeReasonVerdictProperty().get().severity());
        model.sendKindProperty().set(SendKind.PING);
        assertEquals(Opcode.PING, model.rawOpcodeProperty().get());

        model.savePreferences();
        assertFalse(model(preferences).expertProperty().get(), "each session starts with the checked Send");
    }

    @Test
    void anExpertCloseWith5000GoesOnTheWireAndItsRowSaysHowItBreaksTheRfc() throws Exception {
        try (RawWsServer server = RawWsServer.frames(new byte[0])) {
            WebSocketModel model = model(InMemoryPreferences.fresh());
            model.urlProperty().set(server.url());
            model.connect();
            waitFor(() -> model.phase() == WebSocketModel.Phase.OPEN);
            model.sendKindProperty().set(SendKind.CLOSE);
            model.closeCodeProperty().set("5000");
            model.closeReasonProperty().set("odd");
            model.send();
            assertEquals("The close code 5000 may not be sent: use 1000 to 1003, 1007 to 1014 or 3000 to 4999",
                    model.closeCodeVerdictProperty().get().message(), "nothing sent without expert");
            assertEquals(WebSocketModel.Phase.OPEN, model.phase());

            model.expertProperty().set(true);
            model.send();
            assertEquals("", model.sendErrorProperty().get());
            assertEquals(WebSocketModel.Phase.CLOSING, model.phase(), "a raw close starts the close handshake");
            waitFor(() -> model.rows().stream().anyMatch(row -> row.direction() == Direction.OUT));
            FrameRow row = model.rows().stream().filter(r -> r.direction() == Direction.OUT).findFirst()
                    .orElseThrow();
            assertTrue(row.isExpert());
            assertEquals("raw close", row.opcodeText());
            assertTrue(row.hasFatalVerdict(), "it breaks RFC 6455: the row is red");
            assertTrue(row.verdictText().contains("Breaks RFC 6455: the close code 5000 may not be sent"),
                    row.verdictText());
            model.stop();
            byte[] wire = server.fromClient().get(10, TimeUnit.SECONDS);
            assertEquals(5000, CloseInfo.of(new FrameDecoder().feed(wire).getFirst().frame().payload()).code());
        }
    }

    @Test
    void anUnmaskedTextFrameGoesOutWithoutTheMaskBit() throws Exception {
        try (RawWsServer server = RawWsServer.frames(new byte[0])) {
            WebSocketModel model = model(InMemoryPreferences.fresh());
            model.urlProperty().set(server.url());
            model.connect();
            waitFor(() -> model.phase() == WebSocketModel.Phase.OPEN);
            model.expertProperty().set(true);
            model.maskProperty().set(false);
            model.finProperty().set(false);
            model.rsv2Property().set(true);
            model.payloadProperty().set("hi");
            model.send();
            waitFor(() -> model.rows().stream().anyMatch(row -> row.direction() == Direction.OUT));
            FrameRow row = model.rows().stream().filter(r -> r.direction() == Direction.OUT).findFirst()
                    .orElseThrow();
            assertFalse(row.masked());
            assertFalse(row.fin());
            assertEquals(2, row.rsv());
            assertTrue(row.verdictText().contains("not masked"), row.verdictText());
            model.clear();
            model.stop();
            byte[] wire = server.fromClient().get(10, TimeUnit.SECONDS);
            assertEquals(0x21, wire[0] & 0xff, "no FIN, RSV2, text");
            assertEquals(0x02, wire[1] & 0xff, "no mask bit, 2 bytes");
            assertEquals('h', wire[2]);
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
