package com.socketworkbench.engine.websocket;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Follows the frames a server sends through their messages (RFC 6455 section 5.4 to 5.6 and 7.4): fragments in
 * order, UTF-8 of text messages checked across fragments, close payloads (code and reason) checked, and fragmented
 * messages put back together up to {@code maxMessage} bytes (more is a fatal "too big", close code 1009).
 */
public final class MessageAssembler {
    /** The largest message put together by default: 16 MiB. */
    public static final int DEFAULT_MAX_MESSAGE = 16 * 1024 * 1024;

    /** What one frame means: findings, and the message it completed when that message had several frames. */
    public record Outcome(List<WsVerdict> verdicts, WsMessage message) {
        public Outcome {
            verdicts = List.copyOf(verdicts);
        }
    }

    private final int maxMessage;
    private int messageOpcode = -1;
    private ByteArrayOutputStream parts;
    private int frames;
    private Utf8Validator utf8;

    public MessageAssembler() {
        this(DEFAULT_MAX_MESSAGE);
    }

    public MessageAssembler(int maxMessage) {
        this.maxMessage = maxMessage;
    }

    /** Takes the next frame the server sent (one whose header was sound). */
    public Outcome accept(WsFrame frame) {
        List<WsVerdict> verdicts = new ArrayList<>();
        WsMessage message = null;
        switch (frame.opcode()) {
            case Opcode.CLOSE -> checkClose(frame.payload(), verdicts);
            case Opcode.PING, Opcode.PONG -> {
                // Control frames may come between fragments; nothing to follow.
            }
            case Opcode.CONTINUATION -> {
                if (messageOpcode < 0) {
                    verdicts.add(WsVerdict.protocolError("continuation.noStart"));
                    break;
                }
                message = append(frame, verdicts);
            }
            default -> {
                if (messageOpcode >= 0) {
                    verdicts.add(WsVerdict.protocolError("data.insideFragmented", Opcode.name(frame.opcode()),
                            Opcode.name(messageOpcode)));
                    break;
                }
                messageOpcode = frame.opcode();
                parts = new ByteArrayOutputStream();
                frames = 0;
                utf8 = frame.opcode() == Opcode.TEXT ? new Utf8Validator() : null;
                message = append(frame, verdicts);
            }
        }
        return new Outcome(verdicts, message);
    }

    /** Whether a fragmented message waits for its last frame. */
    public boolean inMessage() {
        return messageOpcode >= 0;
    }

    private WsMessage append(WsFrame frame, List<WsVerdict> verdicts) {
        long before = parts.size();
        frames++;
        if (before + frame.payload().length > maxMessage) {
            verdicts.add(WsVerdict.tooBig("message.tooBig", before + frame.payload().length, maxMessage));
            reset();
            return null;
        }
        if (utf8 != null) {
            long bad = utf8.feed(frame.payload());
            if (bad >= 0) {
                verdicts.add(WsVerdict.invalidData("utf8", bad, frames));
                reset();
                return null;
            }
            if (frame.fin() && !utf8.complete()) {
                verdicts.add(WsVerdict.invalidData("utf8.incomplete"));
                reset();
                return null;
            }
        }
        // A single-frame message is its frame: only fragmented ones are copied together.
        if (frames > 1 || !frame.fin()) {
            parts.write(frame.payload(), 0, frame.payload().length);
        }
        if (!frame.fin()) {
            return null;
        }
        WsMessage done = frames > 1 ? new WsMessage(messageOpcode, parts.toByteArray(), frames) : null;
        reset();
        return done;
    }

    private void reset() {
        messageOpcode = -1;
        parts = null;
        utf8 = null;
        frames = 0;
    }

    private static void checkClose(byte[] payload, List<WsVerdict> verdicts) {
        if (payload.length == 1) {
            verdicts.add(WsVerdict.protocolError("close.oneByte"));
            return;
        }
        if (payload.length < 2) {
            return;
        }
        int code = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        if (!CloseCodes.isValidOnWire(code)) {
            verdicts.add(WsVerdict.protocolError("close.code", code, WsUrl.TEXT.get(closeCodeReason(code))));
        }
        if (!Utf8Validator.isValid(Arrays.copyOfRange(payload, 2, payload.length))) {
            verdicts.add(WsVerdict.invalidData("close.reason.utf8"));
        }
    }

    private static String closeCodeReason(int code) {
        if (code < 1000) {
            return "close.code.unused";
        }
        if (code == 1004 || code == 1005 || code == 1006 || code == 1015) {
            return "close.code.reserved." + code;
        }
        if (code <= 2999) {
            return "close.code.future";
        }
        return "close.code.undefined";
    }
}
