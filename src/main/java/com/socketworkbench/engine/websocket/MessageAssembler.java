package com.socketworkbench.engine.websocket;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;

/**
 * Follows the frames a server sends through their messages (RFC 6455 section 5.4 to 5.6 and 7.4): fragments in
 * order, UTF-8 of text messages checked across fragments, close payloads (code and reason) checked, and fragmented
 * messages put back together up to {@code maxMessage} bytes (more is a fatal "too big", close code 1009).
 *
 * <p>With permessage-deflate agreed (RFC 7692), a message whose first frame sets RSV1 is inflated frame by frame
 * and its UTF-8 is checked on the inflated bytes; it always ends in a {@link WsMessage} with the inflated payload,
 * even when it had one frame. RSV1 on a control frame or a continuation is a protocol error. With an extension
 * this tab does not know, the RSV bits the decoder let through are reported, and such a message is shown as
 * received (its UTF-8 is not checked, as the extension may have transformed it).
 */
public final class MessageAssembler implements AutoCloseable {
    /** The largest message put together by default: 16 MiB. */
    public static final int DEFAULT_MAX_MESSAGE = 16 * 1024 * 1024;

    /**
     * What one frame means.
     *
     * @param verdicts      findings
     * @param message       the message it completed when that message had several frames or was compressed
     * @param messageOpcode the opcode of the message the frame belongs to (a continuation's is its first frame's);
     *                      the frame's own for others
     * @param inflated      the frame's payload inflated, for a frame of a compressed message; null otherwise
     */
    public record Outcome(List<WsVerdict> verdicts, WsMessage message, int messageOpcode, byte[] inflated) {
        public Outcome {
            verdicts = List.copyOf(verdicts);
        }
    }

    private final int maxMessage;
    private final PerMessageInflater inflater;
    private final String otherExtensions;
    private int messageOpcode = -1;
    private ByteArrayOutputStream parts;
    private int frames;
    private Utf8Validator utf8;
    private boolean compressed;
    private long compressedLength;
    /** The inflated payload of the frame {@link #append} took last, null when it was not compressed. */
    private byte[] lastInflated;

    public MessageAssembler() {
        this(DEFAULT_MAX_MESSAGE);
    }

    public MessageAssembler(int maxMessage) {
        this(maxMessage, List.of());
    }

    /** @param agreed the extensions the server agreed to in the handshake */
    public MessageAssembler(int maxMessage, List<WsExtension> agreed) {
        this.maxMessage = maxMessage;
        WsExtension deflate = agreed.stream().filter(e -> e.name().equals(WsExtension.PERMESSAGE_DEFLATE))
                .findFirst().orElse(null);
        this.inflater = deflate == null ? null : new PerMessageInflater(deflate);
        this.otherExtensions = String.join(", ", agreed.stream().map(WsExtension::name)
                .filter(name -> !name.equals(WsExtension.PERMESSAGE_DEFLATE)).toList());
    }

    /** Takes the next frame the server sent (one whose header was sound). */
    public Outcome accept(WsFrame frame) {
        List<WsVerdict> verdicts = new ArrayList<>();
        int deflateBit = inflater == null ? 0 : frame.rsv() & 4;
        int otherBits = frame.rsv() & ~deflateBit;
        if (otherBits != 0 && !otherExtensions.isEmpty()) {
            verdicts.add(WsVerdict.warning("rsv.undecoded", rsvText(otherBits), otherExtensions));
        }
        int belongsTo = frame.opcode() == Opcode.CONTINUATION && messageOpcode >= 0 ? messageOpcode
                : frame.opcode();
        WsMessage message = null;
        byte[] inflated = null;
        switch (frame.opcode()) {
            case Opcode.CLOSE, Opcode.PING, Opcode.PONG -> {
                if (deflateBit != 0) {
                    verdicts.add(WsVerdict.protocolError("deflate.control", Opcode.name(frame.opcode())));
                } else if (frame.opcode() == Opcode.CLOSE) {
                    checkClose(frame.payload(), verdicts);
                }
                // Control frames may come between fragments; nothing else to follow.
            }
            case Opcode.CONTINUATION -> {
                if (messageOpcode < 0) {
                    verdicts.add(WsVerdict.protocolError("continuation.noStart"));
                    break;
                }
                if (deflateBit != 0) {
                    verdicts.add(WsVerdict.protocolError("deflate.continuation"));
                    reset();
                    break;
                }
                message = append(frame, verdicts);
                inflated = lastInflated;
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
                compressed = deflateBit != 0;
                compressedLength = 0;
                // A message an unknown extension may have transformed is not checked as UTF-8.
                boolean transformed = otherBits != 0 && !otherExtensions.isEmpty();
                utf8 = frame.opcode() == Opcode.TEXT && !transformed ? new Utf8Validator() : null;
                message = append(frame, verdicts);
                inflated = lastInflated;
            }
        }
        lastInflated = null;
        return new Outcome(verdicts, message, belongsTo, inflated);
    }

    /** Releases the inflater's native memory; the session calls it when it ends. */
    @Override
    public void close() {
        if (inflater != null) {
            inflater.close();
        }
    }

    /** Whether a fragmented message waits for its last frame. */
    public boolean inMessage() {
        return messageOpcode >= 0;
    }

    private WsMessage append(WsFrame frame, List<WsVerdict> verdicts) {
        long before = parts.size();
        frames++;
        byte[] data = frame.payload();
        if (compressed) {
            compressedLength += frame.payload().length;
            try {
                data = inflater.inflate(frame.payload(), frame.fin(), maxMessage - before);
            } catch (DataFormatException e) {
                verdicts.add(WsVerdict.invalidData("deflate.invalid", String.valueOf(e.getMessage())));
                reset();
                return null;
            } catch (PerMessageInflater.TooBig e) {
                verdicts.add(WsVerdict.tooBig("deflate.tooBig", compressedLength, maxMessage));
                reset();
                return null;
            }
            lastInflated = data;
        }
        if (before + data.length > maxMessage) {
            verdicts.add(WsVerdict.tooBig("message.tooBig", before + data.length, maxMessage));
            reset();
            return null;
        }
        if (utf8 != null) {
            long bad = utf8.feed(data);
            if (bad >= 0) {
                verdicts.add(utf8Verdict(bad - before, utf8.charStart() - before, frame.payload().length));
                reset();
                return null;
            }
            if (frame.fin() && !utf8.complete()) {
                WsVerdict incomplete = WsVerdict.invalidData("utf8.incomplete");
                // The unfinished character's bytes in this frame (a compressed frame's bytes are not the text's).
                verdicts.add(compressed ? incomplete
                        : incomplete.at(Math.max(0, utf8.charStart() - before), data.length
                        - Math.max(0, utf8.charStart() - before)));
                reset();
                return null;
            }
        }
        // A single-frame message is its frame: only fragmented or compressed ones are copied together.
        if (frames > 1 || !frame.fin() || compressed) {
            parts.write(data, 0, data.length);
        }
        if (!frame.fin()) {
            return null;
        }
        WsMessage done = compressed ? new WsMessage(messageOpcode, parts.toByteArray(), frames, compressedLength)
                : frames > 1 ? new WsMessage(messageOpcode, parts.toByteArray(), frames) : null;
        if (compressed) {
            inflater.endMessage();
        }
        reset();
        return done;
    }

    /**
     * The verdict on an invalid byte {@code inFrame} bytes into this frame's data, its character begun at
     * {@code charInFrame} (negative when it began in an earlier frame): offsets count in the frame, as the hex view
     * shows it, and mark the broken character's bytes. A compressed frame's bytes on the wire are not the text, so
     * its offset counts in the inflated message and nothing is marked.
     */
    private WsVerdict utf8Verdict(long inFrame, long charInFrame, int wireLength) {
        if (compressed) {
            // The same finding as any invalid UTF-8 (code "utf8"), in words saying where it counts.
            return new WsVerdict(true, CloseCodes.INVALID_DATA, "utf8",
                    WsUrl.TEXT.get("verdict.utf8.inflated", inFrame, frames));
        }
        long from = Math.max(0, charInFrame);
        WsVerdict verdict = new WsVerdict(true, CloseCodes.INVALID_DATA, "utf8", WsUrl.TEXT.get(frames == 1
                ? "verdict.utf8" : "verdict.utf8.fragment", inFrame, frames));
        return inFrame < wireLength ? verdict.at(from, inFrame - from + 1) : verdict;
    }

    private void reset() {
        messageOpcode = -1;
        compressed = false;
        compressedLength = 0;
        parts = null;
        utf8 = null;
        frames = 0;
    }

    private static void checkClose(byte[] payload, List<WsVerdict> verdicts) {
        if (payload.length == 1) {
            verdicts.add(WsVerdict.protocolError("close.oneByte").at(0, 1));
            return;
        }
        if (payload.length < 2) {
            return;
        }
        int code = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        if (!CloseCodes.isValidOnWire(code)) {
            verdicts.add(WsVerdict.protocolError("close.code", code, WsUrl.TEXT.get(closeCodeReason(code)))
                    .at(0, 2));
        }
        Utf8Validator reason = new Utf8Validator();
        long bad = reason.feed(Arrays.copyOfRange(payload, 2, payload.length));
        if (bad >= 0) {
            verdicts.add(WsVerdict.invalidData("close.reason.utf8").at(2 + reason.charStart(),
                    bad - reason.charStart() + 1));
        } else if (!reason.complete()) {
            verdicts.add(WsVerdict.invalidData("close.reason.utf8").at(2 + reason.charStart(),
                    payload.length - 2 - reason.charStart()));
        }
    }

    private static String rsvText(int rsv) {
        return new WsFrame(true, rsv, 0, false, 0, 0, new byte[0], new byte[0]).rsvText();
    }

    /** The bundle key saying why {@code code} may not be sent. */
    static String closeCodeReason(int code) {
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
