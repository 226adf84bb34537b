package com.socketworkbench.engine.tcp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Small while quiet, large after a full read, bulk after a full large read, small again when released. */
class ReadBufferTest {

    @Test
    void fullReadsGrowTheBufferStepByStepUpToTheBulkSize() {
        ReadBuffer buffer = new ReadBuffer();
        assertEquals(ReadBuffer.SMALL, buffer.array().length);
        assertFalse(buffer.isLarge());

        buffer.filled(100);
        assertEquals(ReadBuffer.SMALL, buffer.array().length, "a partial read keeps the size");
        buffer.filled(ReadBuffer.SMALL);
        assertEquals(ReadBuffer.LARGE, buffer.array().length);
        buffer.filled(ReadBuffer.LARGE);
        assertEquals(ReadBuffer.BULK, buffer.array().length);
        buffer.filled(ReadBuffer.BULK);
        assertEquals(ReadBuffer.BULK, buffer.array().length, "bulk is the largest");

        buffer.release();
        assertEquals(ReadBuffer.SMALL, buffer.array().length);
    }

    @Test
    void takeHandsOverAFullBufferAndCopiesAPartialOne() {
        ReadBuffer buffer = new ReadBuffer();
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
        assertEquals(ReadBuffer.BULK, buffer.array().length);
        assertTrue(buffer.isLarge());
    }
}
