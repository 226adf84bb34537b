package com.socketworkbench.engine.framing;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A framer takes the memory of a frame in progress from its {@link ByteAllowance} before it allocates it. */
class FrameMemoryTest {

    /** Grants up to {@code cap} bytes at a time and remembers the most it ever granted. */
    private static final class CappedAllowance implements ByteAllowance {
        private final long cap;
        long held;
        long most;

        CappedAllowance(long cap) {
            this.cap = cap;
        }

        @Override
        public boolean reserve(long bytes) {
            if (held + bytes > cap) {
                return false;
            }
            held += bytes;
            most = Math.max(most, held);
            return true;
        }

        @Override
        public void release(long bytes) {
            held -= bytes;
            assertTrue(held >= 0, "released more than was reserved");
        }
    }

    private static byte[] frame(int body) {
        return ByteBuffer.allocate(4 + body).putInt(body).array();
    }

    @Test
    void aGrowingFrameHoldsItsBufferAndLetsGoOfALargeOneWhenDone() throws Exception {
        Framer framer = new FramingSpec.LengthPrefixed(4, Endianness.BIG, false, 0, 1 << 20).create();
        CappedAllowance memory = new CappedAllowance(Long.MAX_VALUE);
        framer.useMemoryFrom(memory);
        List<byte[]> frames = new ArrayList<>();
        byte[] big = frame(300_000);

        framer.onBytes(big, 0, 200_000, (data, reads) -> frames.add(data));
        assertTrue(memory.held >= 200_000 && memory.held < 400_000, "its buffer's capacity: " + memory.held);
        framer.onBytes(big, 200_000, big.length - 200_000, (data, reads) -> frames.add(data));

        assertEquals(1, frames.size());
        assertEquals(0, memory.held, "a buffer above 64 KiB is dropped after its frame, and its memory with it");
        framer.onBytes(frame(10), 0, 14, (data, reads) -> frames.add(data));
        assertEquals(256, memory.held, "a small buffer is kept for the next frame, and stays counted");
    }

    @Test
    void aRefusedFrameStopsBeforeItsBufferGrowsPastTheAllowance() {
        Framer framer = new FramingSpec.Delimited(new byte[]{'\n'}, false, 1 << 20).create();
        CappedAllowance memory = new CappedAllowance(100_000);
        framer.useMemoryFrom(memory);
        byte[] line = new byte[150_000];

        FrameMemoryRefusedException refused = assertThrows(FrameMemoryRefusedException.class,
                () -> framer.onBytes(line, 0, line.length, (data, reads) -> { }));

        assertTrue(refused.requested() > 100_000 - memory.held, "asked for more than was left: " + refused.requested());
        assertTrue(memory.most <= 100_000, "never granted more than the allowance: " + memory.most);
        assertTrue(refused.frameBytes() < line.length);
    }

    @Test
    void framersThatHoldNothingNeedNoMemory() throws Exception {
        Framer raw = Framer.raw();
        CappedAllowance memory = new CappedAllowance(0);
        raw.useMemoryFrom(memory);
        raw.onBytes(new byte[1000], 0, 1000, (data, reads) -> { });
        assertEquals(0, memory.most);
    }
}
