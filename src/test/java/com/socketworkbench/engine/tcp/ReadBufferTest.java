package com.socketworkbench.engine.tcp;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Small while quiet, large after a full read, bulk after a full large read, then fourfold up to the largest while the
 * allowance grants it; small again when released, and what it took given back.
 */
class ReadBufferTest {

    @Test
    void fullReadsGrowTheBufferStepByStepUpToTheLargestSize() {
        Counted allowance = new Counted(Long.MAX_VALUE);
        ReadBuffer buffer = new ReadBuffer(allowance);
        assertEquals(ReadBuffer.SMALL, buffer.array().length);
        assertFalse(buffer.isLarge());

        buffer.filled(100);
        assertEquals(ReadBuffer.SMALL, buffer.array().length, "a partial read keeps the size");
        buffer.filled(ReadBuffer.SMALL);
        assertEquals(ReadBuffer.LARGE, buffer.array().length);
        buffer.filled(ReadBuffer.LARGE);
        assertEquals(ReadBuffer.BULK, buffer.array().length);
        assertEquals(0, allowance.held(), "up to the bulk size nothing is asked for");
        buffer.filled(ReadBuffer.BULK);
        assertEquals(ReadBuffer.BULK * 4, buffer.array().length);
        buffer.filled(ReadBuffer.BULK * 4);
        assertEquals(ReadBuffer.MAX, buffer.array().length);
        assertEquals(ReadBuffer.MAX - ReadBuffer.BULK, allowance.held());
        buffer.filled(ReadBuffer.MAX);
        assertEquals(ReadBuffer.MAX, buffer.array().length, "the largest size stays");
        assertEquals(ReadBuffer.MAX - ReadBuffer.BULK, allowance.held());

        buffer.release();
        assertEquals(ReadBuffer.SMALL, buffer.array().length);
        assertEquals(0, allowance.held(), "released: everything given back");
    }

    @Test
    void withoutAllowanceTheBufferStaysAtTheBulkSize() {
        Counted allowance = new Counted(ReadBuffer.BULK); // less than the step to 1 MiB needs
        ReadBuffer buffer = new ReadBuffer(allowance);
        fillToBulk(buffer);
        assertEquals(ReadBuffer.BULK, buffer.array().length);
        assertEquals(0, allowance.held());
        buffer.close();
        assertEquals(0, allowance.held());
    }

    @Test
    void closingGivesBackWhatTheBufferHeld() {
        Counted allowance = new Counted(Long.MAX_VALUE);
        ReadBuffer buffer = new ReadBuffer(allowance);
        fillToBulk(buffer);
        assertTrue(allowance.held() > 0);
        buffer.close();
        assertEquals(0, allowance.held());
        buffer.close();
        assertEquals(0, allowance.held(), "given back once");
    }

    @Test
    void aGrownBufferShrinksBackWhenItsOwnerWantsTheMemory() {
        Counted allowance = new Counted(Long.MAX_VALUE);
        ReadBuffer buffer = new ReadBuffer(allowance);
        fillToBulk(buffer);
        buffer.filled(ReadBuffer.BULK * 4);
        assertEquals(ReadBuffer.MAX, buffer.array().length);

        allowance.welcome = false;
        buffer.filled(10);
        assertEquals(ReadBuffer.BULK, buffer.array().length, "even after a partial read");
        assertEquals(0, allowance.held());
        buffer.filled(ReadBuffer.BULK);
        assertEquals(ReadBuffer.BULK, buffer.array().length, "and it does not grow again meanwhile");

        allowance.welcome = true;
        buffer.filled(ReadBuffer.BULK);
        assertEquals(ReadBuffer.BULK * 4, buffer.array().length);
        allowance.welcome = false;
        byte[] copy = buffer.take(5);
        assertEquals(5, copy.length);
        assertEquals(ReadBuffer.BULK, buffer.array().length, "raw framing's partial reads shrink it too");
        assertEquals(0, allowance.held());
    }

    @Test
    void takeHandsOverAFullBufferAndCopiesAPartialOne() {
        Counted allowance = new Counted(Long.MAX_VALUE);
        ReadBuffer buffer = new ReadBuffer(allowance);
        byte[] small = buffer.array();
        small[0] = 7;
        assertArrayEquals(new byte[]{7}, buffer.take(1));
        assertSame(small, buffer.array(), "a partial read is copied, the buffer stays");

        byte[] taken = buffer.take(ReadBuffer.SMALL);
        assertSame(small, taken, "a full buffer is handed over as it is");
        assertEquals(ReadBuffer.LARGE, buffer.array().length);
        byte[] large = buffer.array();
        assertSame(large, buffer.take(ReadBuffer.LARGE));
        assertEquals(ReadBuffer.BULK, buffer.array().length);
        byte[] bulk = buffer.array();
        assertSame(bulk, buffer.take(ReadBuffer.BULK));
        assertNotSame(bulk, buffer.array());
        assertEquals(ReadBuffer.BULK * 4, buffer.array().length);
        buffer.take(ReadBuffer.BULK * 4);
        byte[] largest = buffer.array();
        assertSame(largest, buffer.take(ReadBuffer.MAX));
        assertEquals(ReadBuffer.MAX, buffer.array().length, "a handed-over largest buffer is replaced by its size");
        assertEquals(ReadBuffer.MAX - ReadBuffer.BULK, allowance.held(), "events' arrays are not the buffer's");
        assertTrue(buffer.isLarge());
    }

    /** Three full reads: small, large, bulk, and whatever the last of them grew it to. */
    private static void fillToBulk(ReadBuffer buffer) {
        buffer.filled(ReadBuffer.SMALL);
        buffer.filled(ReadBuffer.LARGE);
        buffer.filled(ReadBuffer.BULK);
    }

    /** An allowance with a limit that counts what is held, and grants nothing while the memory is wanted. */
    private static final class Counted implements ReadBuffer.Allowance {
        private final long limit;
        private final AtomicLong held = new AtomicLong();
        private boolean welcome = true;

        Counted(long limit) {
            this.limit = limit;
        }

        @Override
        public boolean reserve(long bytes) {
            if (!welcome || held.get() + bytes > limit) {
                return false;
            }
            held.addAndGet(bytes);
            return true;
        }

        @Override
        public void release(long bytes) {
            held.addAndGet(-bytes);
        }

        @Override
        public boolean mayKeep() {
            return welcome;
        }

        long held() {
            return held.get();
        }
    }
}
