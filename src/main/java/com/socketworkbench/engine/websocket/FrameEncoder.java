package com.socketworkbench.engine.websocket;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Builds frames as they go on the wire: the shortest length encoding, masked with the key given (or not). */
public final class FrameEncoder {

    private FrameEncoder() {
    }

    /**
     * Encodes one frame.
     *
     * @param maskKey the 32-bit masking key; null for an unmasked frame (a server's)
     */
    public static WsFrame encode(boolean fin, int opcode, byte[] payload, Integer maskKey) {
        return encode(fin, 0, opcode, payload, maskKey);
    }

    /**
     * Encodes one frame with RSV bits: any of them, as an expert frame sets them.
     *
     * @param rsv     RSV1–RSV3 as a number 0–7 (RSV1 = 4, RSV2 = 2, RSV3 = 1)
     * @param maskKey the 32-bit masking key; null for an unmasked frame
     */
    public static WsFrame encode(boolean fin, int rsv, int opcode, byte[] payload, Integer maskKey) {
        int length = payload.length;
        int extra = length <= 125 ? 0 : length <= 0xFFFF ? 2 : 8;
        ByteBuffer header = ByteBuffer.allocate(2 + extra + (maskKey == null ? 0 : 4));
        header.put((byte) ((fin ? 0x80 : 0) | ((rsv & 7) << 4) | (opcode & 0x0F)));
        int maskBit = maskKey == null ? 0 : 0x80;
        if (extra == 0) {
            header.put((byte) (maskBit | length));
        } else if (extra == 2) {
            header.put((byte) (maskBit | 126));
            header.putShort((short) length);
        } else {
            header.put((byte) (maskBit | 127));
            header.putLong(length);
        }
        if (maskKey != null) {
            header.putInt(maskKey);
        }
        return new WsFrame(fin, rsv & 7, opcode, maskKey != null, maskKey == null ? 0 : maskKey, length, header.array(),
                payload.clone());
    }

    /** The frame's bytes on the wire: its header, then its payload masked with its key when it is masked. */
    public static byte[] wire(WsFrame frame) {
        byte[] out = new byte[frame.header().length + frame.payload().length];
        System.arraycopy(frame.header(), 0, out, 0, frame.header().length);
        System.arraycopy(frame.payload(), 0, out, frame.header().length, frame.payload().length);
        if (frame.masked()) {
            mask(out, frame.header().length, frame.payload().length, frame.maskKey(), 0);
        }
        return out;
    }

    /**
     * {@code payload} masked with {@code key} as it goes on the wire (masking again unmasks): the bytes of a masked
     * frame as they arrived, for showing beside the unmasked payload.
     */
    public static byte[] masked(byte[] payload, int key) {
        byte[] out = payload.clone();
        mask(out, 0, out.length, key, 0);
        return out;
    }

    /** XORs {@code len} bytes at {@code off} with the key, starting at key byte {@code position % 4}. */
    static void mask(byte[] data, int off, int len, int key, long position) {
        for (int i = 0; i < len; i++) {
            int shift = 24 - 8 * (int) ((position + i) & 3);
            data[off + i] ^= (byte) (key >>> shift);
        }
    }

    /** A close frame's payload: the code in two bytes, then the reason in UTF-8 ("" for none). */
    public static byte[] closePayload(int code, String reason) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[2 + text.length];
        payload[0] = (byte) (code >> 8);
        payload[1] = (byte) code;
        System.arraycopy(text, 0, payload, 2, text.length);
        return payload;
    }
}
