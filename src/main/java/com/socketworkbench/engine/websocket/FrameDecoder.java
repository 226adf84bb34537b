package com.socketworkbench.engine.websocket;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads frames from a byte stream split anywhere (one byte at a time is fine), as a client reads a server: each
 * frame comes out with its header bytes, its unmasked payload and the findings about its header (RFC 6455 section
 * 5.2 and 5.5). Findings about a frame's place in a message (fragments, UTF-8, close codes) are the
 * {@link MessageAssembler}'s.
 *
 * <p>Memory is bounded: a frame announcing more than {@code maxFrame} bytes is reported with its header only (a
 * fatal "too big", close code 1009) and the decoder stops, as it does after a 64-bit length with the top bit set.
 */
public final class FrameDecoder {
    /** The largest frame payload kept by default: 16 MiB. */
    public static final int DEFAULT_MAX_FRAME = 16 * 1024 * 1024;

    /** A frame read whole (or its header, when it cannot be read), and what is wrong with it. */
    public record Decoded(WsFrame frame, List<WsVerdict> verdicts) {
        public Decoded {
            verdicts = List.copyOf(verdicts);
        }

        public boolean fatal() {
            return verdicts.stream().anyMatch(WsVerdict::fatal);
        }
    }

    private final int maxFrame;
    private final int rsvAllowed;
    private final byte[] header = new byte[14];
    private int headerFill;
    private int headerLength = 2;
    private WsFrame pending;
    private List<WsVerdict> pendingVerdicts;
    private byte[] payload;
    private int payloadFill;
    private boolean stopped;

    public FrameDecoder() {
        this(DEFAULT_MAX_FRAME);
    }

    public FrameDecoder(int maxFrame) {
        this(maxFrame, 0);
    }

    /**
     * @param rsvAllowed the RSV bits (RSV1 = 4, RSV2 = 2, RSV3 = 1) an agreed extension may set: those are not a
     *                   protocol error here; the {@link MessageAssembler} knows what they mean
     */
    public FrameDecoder(int maxFrame, int rsvAllowed) {
        this.maxFrame = maxFrame;
        this.rsvAllowed = rsvAllowed;
    }

    /** Whether the decoder stopped reading (after a length it cannot follow); later bytes are ignored. */
    public boolean stopped() {
        return stopped;
    }

    /** Whether bytes of an unfinished frame wait for more. */
    public boolean midFrame() {
        return headerFill > 0 || pending != null;
    }

    /** Feeds the next bytes; returns the frames they complete, in order. */
    public List<Decoded> feed(byte[] data, int off, int len) {
        List<Decoded> out = new ArrayList<>();
        int i = off;
        int end = off + len;
        while (i < end && !stopped) {
            if (pending == null) {
                int take = Math.min(headerLength - headerFill, end - i);
                System.arraycopy(data, i, header, headerFill, take);
                headerFill += take;
                i += take;
                if (headerFill == 2) {
                    int code = header[1] & 0x7F;
                    headerLength = 2 + (code == 126 ? 2 : code == 127 ? 8 : 0) + ((header[1] & 0x80) != 0 ? 4 : 0);
                }
                if (headerFill == headerLength && headerFill >= 2) {
                    Decoded done = parseHeader();
                    if (done != null) {
                        out.add(done);
                    }
                }
            } else {
                int take = (int) Math.min(payload.length - payloadFill, end - i);
                System.arraycopy(data, i, payload, payloadFill, take);
                payloadFill += take;
                i += take;
                if (payloadFill == payload.length) {
                    out.add(finishFrame());
                }
            }
        }
        return out;
    }

    public List<Decoded> feed(byte[] data) {
        return feed(data, 0, data.length);
    }

    /** Parses a complete header; returns a frame at once when it has no payload or cannot be read further. */
    private Decoded parseHeader() {
        boolean fin = (header[0] & 0x80) != 0;
        int rsv = (header[0] >> 4) & 0x7;
        int opcode = header[0] & 0x0F;
        boolean masked = (header[1] & 0x80) != 0;
        int code = header[1] & 0x7F;
        long length;
        int at = 2;
        List<WsVerdict> verdicts = new ArrayList<>();
        if (code == 126) {
            length = ((header[2] & 0xFF) << 8) | (header[3] & 0xFF);
            at = 4;
            if (length <= 125) {
                verdicts.add(WsVerdict.warning("length.nonMinimal", length, 2));
            }
        } else if (code == 127) {
            length = 0;
            for (int k = 0; k < 8; k++) {
                length = (length << 8) | (header[2 + k] & 0xFF);
            }
            at = 10;
            if (length < 0) {
                verdicts.add(WsVerdict.protocolError("length.overflow"));
            } else if (length <= 0xFFFF) {
                verdicts.add(WsVerdict.warning("length.nonMinimal", length, 8));
            }
        } else {
            length = code;
        }
        int maskKey = 0;
        if (masked) {
            maskKey = ((header[at] & 0xFF) << 24) | ((header[at + 1] & 0xFF) << 16) | ((header[at + 2] & 0xFF) << 8)
                    | (header[at + 3] & 0xFF);
            verdicts.add(WsVerdict.protocolError("masked"));
        }
        if (Opcode.isReserved(opcode)) {
            verdicts.add(WsVerdict.protocolError("opcode.reserved", Opcode.name(opcode)));
        }
        if ((rsv & ~rsvAllowed) != 0) {
            verdicts.add(WsVerdict.protocolError("rsv", rsvText(rsv & ~rsvAllowed)));
        }
        if (Opcode.isControl(opcode) && !fin) {
            verdicts.add(WsVerdict.protocolError("control.fragmented", Opcode.name(opcode)));
        }
        if (Opcode.isControl(opcode) && length > 125) {
            verdicts.add(WsVerdict.protocolError("control.tooLong", Opcode.name(opcode), length));
        }
        byte[] headerBytes = java.util.Arrays.copyOf(header, headerLength);
        headerFill = 0;
        headerLength = 2;
        if (length < 0 || length > maxFrame) {
            if (length > maxFrame) {
                verdicts.add(WsVerdict.tooBig("frame.tooBig", length, maxFrame));
            }
            stopped = true;
            return new Decoded(new WsFrame(fin, rsv, opcode, masked, maskKey, Math.max(0, length), headerBytes,
                    new byte[0]), verdicts);
        }
        pending = new WsFrame(fin, rsv, opcode, masked, maskKey, length, headerBytes, new byte[0]);
        pendingVerdicts = verdicts;
        payload = new byte[(int) length];
        payloadFill = 0;
        return length == 0 ? finishFrame() : null;
    }

    private Decoded finishFrame() {
        WsFrame head = pending;
        if (head.masked()) {
            FrameEncoder.mask(payload, 0, payload.length, head.maskKey(), 0);
        }
        WsFrame frame = new WsFrame(head.fin(), head.rsv(), head.opcode(), head.masked(), head.maskKey(),
                head.payloadLength(), head.header(), payload);
        Decoded decoded = new Decoded(frame, pendingVerdicts);
        pending = null;
        pendingVerdicts = null;
        payload = null;
        return decoded;
    }

    private static String rsvText(int rsv) {
        return new WsFrame(true, rsv, 0, false, 0, 0, new byte[0], new byte[0]).rsvText();
    }
}
