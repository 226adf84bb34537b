package com.socketworkbench.engine.websocket;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates the messages a server compressed with permessage-deflate (RFC 7692 section 7.2.2): raw DEFLATE, each
 * message ending where the server's sync flush ended, so the four bytes {@code 00 00 ff ff} it removed are put back
 * after the last frame. The server's compressor may keep its window from one message to the next, so the inflater
 * does too, unless the server agreed to {@code server_no_context_takeover} (then each message starts afresh, which
 * also copes with a server that says so but resets anyway). {@code client_no_context_takeover} and
 * {@code client_max_window_bits} concern only what the client compresses, and this client sends uncompressed
 * frames, which RFC 7692 allows.
 *
 * <p>Output is bounded by the caller's limit, so a small frame that inflates to gigabytes (a deflate bomb) stops
 * there.
 */
final class PerMessageInflater implements AutoCloseable {
    private static final byte[] TAIL = {0x00, 0x00, (byte) 0xff, (byte) 0xff};

    /** More output than the limit allowed; nothing more is inflated. */
    static final class TooBig extends Exception {
        TooBig() {
            super(null, null, false, false);
        }
    }

    private final boolean resetEachMessage;
    private final Inflater inflater = new Inflater(true);

    PerMessageInflater(WsExtension agreed) {
        resetEachMessage = agreed.has("server_no_context_takeover");
    }

    /**
     * Inflates one frame's payload of a compressed message.
     *
     * @param last  the message's last frame: the sync-flush tail is added
     * @param limit the most bytes this frame may inflate to
     */
    byte[] inflate(byte[] compressed, boolean last, long limit) throws DataFormatException, TooBig {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        inflater.setInput(compressed);
        boolean tailGiven = !last;
        while (true) {
            if (inflater.finished()) {
                // A final block (BFINAL) ends the DEFLATE stream: RFC 7692 section 7.2.3.3 allows it; the next
                // message starts a new stream.
                break;
            }
            int n = inflater.inflate(buffer);
            if (n > 0) {
                if (out.size() + (long) n > limit) {
                    throw new TooBig();
                }
                out.write(buffer, 0, n);
                continue;
            }
            if (inflater.needsDictionary()) {
                throw new DataFormatException("a preset dictionary is asked for");
            }
            if (!inflater.needsInput() || tailGiven) {
                break;
            }
            inflater.setInput(TAIL);
            tailGiven = true;
        }
        return out.toByteArray();
    }

    /** After a message's last frame: starts afresh when the server resets its context or ended its stream. */
    void endMessage() {
        if (resetEachMessage || inflater.finished()) {
            inflater.reset();
        }
    }

    @Override
    public void close() {
        inflater.end();
    }
}
