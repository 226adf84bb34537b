package com.socketworkbench.ui.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.socketworkbench.engine.websocket.Direction;
import com.socketworkbench.engine.websocket.FrameDecoder;
import com.socketworkbench.engine.websocket.FrameEncoder;
import com.socketworkbench.engine.websocket.Opcode;
import com.socketworkbench.engine.websocket.WsEvent;
import com.socketworkbench.engine.websocket.WsFrame;
import com.socketworkbench.engine.websocket.WsMessage;
import com.socketworkbench.ui.fx.CurrentThreadUiExecutor;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.InMemoryPreferences;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** How frame rows read: continuation frames as their message, compressed frames inflated, bytes really read. */
class FrameRowTest {

    @Test
    void aBinaryContinuationFrameReadsAsHex() {
        byte[] data = {0x00, 0x01, (byte) 0xff, 0x10, 0x41, (byte) 0x80};
        WsFrame continuation = FrameEncoder.encode(true, Opcode.CONTINUATION, data, null);
        FrameRow binary = FrameRow.frame(1, Instant.now(), Direction.IN, continuation, List.of(), Opcode.BINARY,
                null);
        assertEquals("00 01 ff 10 41 80", binary.text());
        assertEquals("continuation", binary.opcodeText());
        FrameRow text = FrameRow.frame(2, Instant.now(), Direction.IN, FrameEncoder.encode(true,
                Opcode.CONTINUATION, "uro".getBytes(StandardCharsets.UTF_8), null), List.of(), Opcode.TEXT, null);
        assertEquals("uro", text.text());
    }

    @Test
    void aCompressedFrameShowsItsInflatedPayloadAndItsCompressedSize() {
        byte[] compressed = {(byte) 0xf2, 0x48, (byte) 0xcd, (byte) 0xc9, (byte) 0xc9, 0x07, 0x00};
        WsFrame frame = FrameEncoder.encode(true, Opcode.TEXT, compressed, null);
        FrameRow row = FrameRow.frame(1, Instant.now(), Direction.IN, frame, List.of(), Opcode.TEXT,
                "Hello".getBytes(StandardCharsets.UTF_8));
        assertEquals("[permessage-deflate, 7 bytes compressed] Hello", row.text());
        FrameRow message = FrameRow.message(2, Instant.now(), Direction.IN,
                new WsMessage(Opcode.TEXT, "Hello".getBytes(StandardCharsets.UTF_8), 1, 7));
        assertEquals("message (text, inflated from 7 bytes, 1 frames)", message.opcodeText());
        assertEquals("Hello", message.text());
    }

    @Test
    void anOversizedFrameCountsOnlyTheBytesThatCame() {
        FrameDecoder.Decoded tooBig = new FrameDecoder().feed(new byte[]{(byte) 0x82, 0x7f, 0, 0, 1, 0, 0, 0, 0, 0})
                .getFirst();
        assertEquals(1L << 40, tooBig.frame().payloadLength());
        CurrentThreadUiExecutor executor = new CurrentThreadUiExecutor();
        Subscriptions subscriptions = new Subscriptions();
        WebSocketModel model = new WebSocketModel(InMemoryPreferences.fresh(), executor, subscriptions);
        try {
            model.apply(List.of(new WsEvent.Frame(Instant.now(), Direction.IN, tooBig.frame(), tooBig.verdicts())));
            assertEquals(10, model.bytesInProperty().get(), "the 10 header bytes, not the 1 TiB announced");
            assertTrue(model.rows().getFirst().hasFatalVerdict());
        } finally {
            model.dispose();
            subscriptions.dispose();
        }
    }
}
