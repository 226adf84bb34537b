package com.socketworkbench.reliability;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;

/**
 * A long, reproducible byte stream cut into 1 MiB chunks without holding more than one chunk: a random block holding
 * every byte value, with the chunk's number stamped into it at two places, so a lost, repeated or reordered chunk
 * changes the stream's digest.
 */
final class PatternStream {
    static final int CHUNK = 1024 * 1024;

    private final byte[] base = new byte[CHUNK];

    PatternStream(long seed) {
        new SplittableRandom(seed).nextBytes(base);
        for (int i = 0; i < 256; i++) {
            base[1000 + i] = (byte) i;
        }
    }

    /** Chunk {@code index} (a fresh array the caller owns). */
    byte[] chunk(long index) {
        byte[] chunk = base.clone();
        ByteBuffer.wrap(chunk).putLong(0, index).putLong(CHUNK / 2, ~index);
        return chunk;
    }
}
