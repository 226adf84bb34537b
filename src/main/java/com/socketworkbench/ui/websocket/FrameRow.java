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
 * @param opcode        the opcode; -1 for a note or a message (then {@code messageOpcode})
 * @param payloadLength the length on the wire (or of the message)
 * @param payload       the payload kept (at most {@link #KEPT_PAYLOAD} bytes)
 * @param header        the frame header as on the wire; empty for messages and notes
 * @param text          the payload as shown in the row: text (invalid bytes as \xNN), hex for binary, or the note
 * @param verdicts      findings about this frame; the first fatal one is what closed the connection
 */
public record FrameRow(long number, Instant time, Kind kind, Direction direction, int opcode, boolean fin, int rsv,
                       boolean masked, int maskKey, long payloadLength, byte[] payload, byte[] header, String text,
                       List<WsVerdict> verdicts, int frames) {
    /** Bytes of payload a row keeps (and the hex view shows); a longer payload is shown up to here. */
    public static final int KEPT_PAYLOAD = 1024 * 1024;
    /** Characters of payload the row itself shows. */
    static final int SHOWN = 300;

    /** What a row is. */
    public enum Kind { FRAME, MESSAGE, NOTE, PROBLEM }

    static FrameRow frame(long number, Instant time, Direction direction, WsFrame frame, List<WsVerdict> verdicts) {
        byte[] kept = keep(frame.payload());
        return new FrameRow(number, time, Kind.FRAME, direction, frame.opcode(), frame.fin(), frame.rsv(),
                frame.masked(), frame.maskKey(), frame.payloadLength(), kept, frame.header(),
                preview(frame.opcode(), frame.payload()), List.copyOf(verdicts), 1);
    }

    static FrameRow message(long number, Instant time, Direction direction, WsMessage message) {
        byte[] kept = keep(message.payload());
        return new FrameRow(number, time, Kind.MESSAGE, direction, message.opcode(), true, 0, false, 0,
                message.payload().length, kept, new byte[0], preview(message.opcode(), message.payload()), List.of(),
                message.frames());
    }

    static FrameRow note(long number, Instant time, String text, boolean problem) {
        return new FrameRow(number, time, problem ? Kind.PROBLEM : Kind.NOTE, null, -1, false, 0, false, 0, 0,
                new byte[0], new byte[0], text, List.of(), 0);
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

    /** Bytes on the wire for a frame (header and payload); 0 for other rows. */
    public long wireBytes() {
        return kind == Kind.FRAME ? header.length + payloadLength : 0;
    }

    /** "text", "close", "message (text, 3 frames)"; "" for a note. */
    public String opcodeText() {
        return switch (kind) {
            case FRAME -> Opcode.name(opcode);
            case MESSAGE -> TEXT.get("row.message", Opcode.name(opcode), frames);
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

    public boolean hasVerdict() {
        return !verdicts.isEmpty();
    }
}
