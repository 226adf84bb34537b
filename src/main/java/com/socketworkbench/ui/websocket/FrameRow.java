package com.socketworkbench.ui.websocket;

import static com.socketworkbench.ui.websocket.WebSocketTab.TEXT;

import com.socketworkbench.engine.websocket.CloseInfo;
import com.socketworkbench.engine.websocket.Direction;
import com.socketworkbench.engine.websocket.Opcode;
import com.socketworkbench.engine.websocket.PayloadText;
import com.socketworkbench.engine.websocket.WsFrame;
import com.socketworkbench.engine.websocket.WsMessage;
import com.socketworkbench.engine.websocket.WsVerdict;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One row of the WebSocket timeline ({@code #wsTimeline}): a frame, a message put together from fragments, or a
 * note about the connection (connected, closed). Holds at most {@link #KEPT_PAYLOAD} bytes of payload, so the
 * timeline's memory stays bounded.
 *
 * @param direction     null for a note
 * @param opcode        the frame's or the message's opcode; -1 for a note
 * @param payloadLength the length on the wire (or of the message)
 * @param payload       the payload kept (at most {@link #KEPT_PAYLOAD} bytes); as on the wire for a frame (compressed
 *                      for permessage-deflate), inflated for a message
 * @param header        the frame header as on the wire; empty for messages and notes
 * @param text          the payload as shown in the row: text (invalid bytes as \xNN), hex for binary, or the note; a
 *                      continuation frame reads as the message it continues, a compressed frame inflated
 * @param verdicts      findings about this frame; the first fatal one is what closed the connection
 * @param compressedLength for a message that came compressed, its compressed payload bytes; -1 otherwise
 * @param wireBytes     bytes actually read or written for a frame (header and the payload that came, never just an
 *                      announced length); 0 for other rows
 */
public record FrameRow(long number, Instant time, Kind kind, Direction direction, int opcode, boolean fin, int rsv,
                       boolean masked, int maskKey, long payloadLength, byte[] payload, byte[] header, String text,
                       List<WsVerdict> verdicts, int frames, long compressedLength, long wireBytes) {
    /** Bytes of payload a row keeps (and the hex view shows); a longer payload is shown up to here. */
    public static final int KEPT_PAYLOAD = 1024 * 1024;
    /** Characters of payload the row itself shows. */
    static final int SHOWN = 300;

    /** What a row is. */
    public enum Kind { FRAME, MESSAGE, NOTE, PROBLEM }

    /**
     * @param messageOpcode the opcode of the message the frame belongs to (a continuation reads as it)
     * @param inflated      the frame's payload inflated (permessage-deflate); null when it was not compressed
     */
    static FrameRow frame(long number, Instant time, Direction direction, WsFrame frame, List<WsVerdict> verdicts,
                          int messageOpcode, byte[] inflated) {
        byte[] kept = keep(frame.payload());
        int shownAs = frame.opcode() == Opcode.CONTINUATION ? messageOpcode : frame.opcode();
        String text = inflated == null ? preview(shownAs, frame.payload())
                : TEXT.get("row.deflated", frame.payload().length) + " " + preview(shownAs, inflated);
        return new FrameRow(number, time, Kind.FRAME, direction, frame.opcode(), frame.fin(), frame.rsv(),
                frame.masked(), frame.maskKey(), frame.payloadLength(), kept, frame.header(), text,
                List.copyOf(verdicts), 1, -1, (long) frame.header().length + frame.payload().length);
    }

    static FrameRow frame(long number, Instant time, Direction direction, WsFrame frame, List<WsVerdict> verdicts) {
        return frame(number, time, direction, frame, verdicts, frame.opcode(), null);
    }

    static FrameRow message(long number, Instant time, Direction direction, WsMessage message) {
        byte[] kept = keep(message.payload());
        return new FrameRow(number, time, Kind.MESSAGE, direction, message.opcode(), true, 0, false, 0,
                message.payload().length, kept, new byte[0], preview(message.opcode(), message.payload()), List.of(),
                message.frames(), message.compressedLength(), 0);
    }

    static FrameRow note(long number, Instant time, String text, boolean problem) {
        return new FrameRow(number, time, problem ? Kind.PROBLEM : Kind.NOTE, null, -1, false, 0, false, 0, 0,
                new byte[0], new byte[0], text, List.of(), 0, -1, 0);
    }

    private static byte[] keep(byte[] payload) {
        return payload.length <= KEPT_PAYLOAD ? payload : Arrays.copyOf(payload, KEPT_PAYLOAD);
    }

    private static String preview(int opcode, byte[] payload) {
        return switch (opcode) {
            case Opcode.BINARY -> PayloadText.hex(payload, SHOWN / 3) + (payload.length > SHOWN / 3 ? " …" : "");
            case Opcode.CLOSE -> {
                if (payload.length < 2) {
                    yield TEXT.get("row.close.noCode");
                }
                CloseInfo info = CloseInfo.of(payload);
                yield info.reason().isEmpty() ? String.valueOf(info.code())
                        : info.code() + " \"" + info.reason() + "\"";
            }
            case Opcode.TEXT, Opcode.PING, Opcode.PONG, Opcode.CONTINUATION ->
                    PayloadText.utf8(payload, SHOWN) + (payload.length > SHOWN ? " …" : "");
            default -> PayloadText.hex(payload, SHOWN / 3);
        };
    }

    /** "text", "close", "message (text, 3 frames)"; "" for a note. */
    public String opcodeText() {
        return switch (kind) {
            case FRAME -> isExpert() ? TEXT.get("row.expert", Opcode.name(opcode)) : Opcode.name(opcode);
            case MESSAGE -> compressedLength >= 0
                    ? TEXT.get("row.message.inflated", Opcode.name(opcode), compressedLength, frames)
                    : TEXT.get("row.message", Opcode.name(opcode), frames);
            default -> "";
        };
    }

    /** "→" for sent, "←" for received, "" for a note. */
    public String directionText() {
        return direction == null ? "" : direction == Direction.OUT ? "→" : "←";
    }

    /** All the verdicts' texts in one line; "" for none. */
    public String verdictText() {
        return verdicts.stream().map(WsVerdict::text).collect(Collectors.joining(" · "));
    }

    public boolean hasFatalVerdict() {
        return verdicts.stream().anyMatch(WsVerdict::fatal);
    }

    /** A frame sent with the expert send: built bit by bit, not checked. */
    public boolean isExpert() {
        return verdicts.stream().anyMatch(v -> v.code().equals("expert"));
    }

    public boolean hasVerdict() {
        return !verdicts.isEmpty();
    }
}
