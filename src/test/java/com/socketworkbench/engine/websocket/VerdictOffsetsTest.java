package com.socketworkbench.engine.websocket;

import static com.socketworkbench.engine.websocket.FrameCodecTest.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

/**
 * Verdicts name the offending bytes by their place in the frame's payload (what the hex view shows), not in the
 * message: a fragment's bad byte is counted from its own first byte.
 */
class VerdictOffsetsTest {

    @Test
    void invalidUtf8InASingleFrameMarksTheBrokenCharacter() {
        WsVerdict verdict = first(new MessageAssembler(), true, Opcode.TEXT, bytes('a', 'b', 0xc3, 0x28));
        assertEquals("utf8", verdict.code());
        assertEquals(2, verdict.offset(), "the character began at byte 2");
        assertEquals(2, verdict.length(), "its lead byte and the byte that broke it");
        assertTrue(verdict.text().contains("at byte 3 of the frame's payload"), verdict.text());
    }

    @Test
    void aFragmentsBadByteIsCountedInThatFrameNotTheMessage() {
        MessageAssembler assembler = new MessageAssembler();
        assembler.accept(frame(false, Opcode.TEXT, bytes('o', 'k', 'o', 'k', 'o', 'k')));
        WsVerdict verdict = first(assembler, true, Opcode.CONTINUATION, bytes('x', 'y', 0xff));
        assertEquals(2, verdict.offset(), "byte 2 of the second frame, not byte 8 of the message");
        assertEquals(1, verdict.length());
        assertTrue(verdict.text().contains("at byte 2 of this frame's payload (frame 2 of the message"),
                verdict.text());
    }

    @Test
    void aCharacterBegunInTheFrameBeforeIsMarkedFromThisFramesStart() {
        MessageAssembler assembler = new MessageAssembler();
        assembler.accept(frame(false, Opcode.TEXT, bytes('o', 'k', 0xe2, 0x82)));
        WsVerdict verdict = first(assembler, true, Opcode.CONTINUATION, bytes('A'));
        assertEquals(0, verdict.offset());
        assertEquals(1, verdict.length());
    }

    @Test
    void aMessageEndingMidCharacterMarksTheUnfinishedBytes() {
        WsVerdict verdict = first(new MessageAssembler(), true, Opcode.TEXT, bytes('a', 'b', 0xe2, 0x82));
        assertEquals("utf8.incomplete", verdict.code());
        assertEquals(2, verdict.offset());
        assertEquals(2, verdict.length());
    }

    @Test
    void closeCodeAndReasonMarkTheirBytes() {
        WsVerdict code = first(new MessageAssembler(), true, Opcode.CLOSE, bytes(0x13, 0x88));
        assertEquals("close.code", code.code());
        assertEquals(0, code.offset());
        assertEquals(2, code.length());
        WsVerdict reason = first(new MessageAssembler(), true, Opcode.CLOSE, bytes(0x03, 0xe8, 'o', 0xff));
        assertEquals("close.reason.utf8", reason.code());
        assertEquals(3, reason.offset());
        assertEquals(1, reason.length());
        WsVerdict oneByte = first(new MessageAssembler(), true, Opcode.CLOSE, bytes(0x03));
        assertEquals(0, oneByte.offset());
    }

    @Test
    void headerFindingsMarkNoPayloadBytes() {
        WsVerdict rsv = new FrameDecoder().feed(bytes(0x91, 0x01, 'x')).getFirst().verdicts().getFirst();
        assertEquals("rsv", rsv.code());
        assertFalse(rsv.marksBytes());
        assertEquals(-1, rsv.offset());
    }

    @Test
    void maskingTwiceGivesThePayloadBackAndMatchesTheWire() {
        byte[] payload = "hello, wire".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        WsFrame frame = FrameEncoder.encode(true, Opcode.TEXT, payload, 0x0a0b0c0d);
        byte[] wire = FrameEncoder.wire(frame);
        byte[] masked = FrameEncoder.masked(payload, 0x0a0b0c0d);
        assertArrayEquals(Arrays.copyOfRange(wire, frame.header().length, wire.length), masked);
        assertArrayEquals(payload, FrameEncoder.masked(masked, 0x0a0b0c0d));
    }

    private static WsVerdict first(MessageAssembler assembler, boolean fin, int opcode, byte[] payload) {
        return assembler.accept(frame(fin, opcode, payload)).verdicts().getFirst();
    }

    private static WsFrame frame(boolean fin, int opcode, byte[] payload) {
        return FrameEncoder.encode(fin, opcode, payload, null);
    }
}
