package com.socketworkbench.engine.codec;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ByteSourceTest {

    private static final byte[] DATA = {1, 2, 3, 4, 5, 6, 7, 8};

    @Test
    void arraySourceReadsWithoutCopyingTheArray() {
        byte[] data = DATA.clone();
        ByteSource src = ByteSource.of(data);
        assertEquals(8, src.length());
        byte[] dst = new byte[10];
        assertEquals(3, src.read(5, dst, 1, 5));
        assertArrayEquals(new byte[]{0, 6, 7, 8, 0, 0, 0, 0, 0, 0}, dst);
        data[0] = 42;
        assertEquals(42, src.readAt(0, 1)[0]);
    }

    @Test
    void endOfDataAndEmptyReads() {
        ByteSource src = ByteSource.of(DATA);
        byte[] dst = new byte[4];
        assertEquals(-1, src.read(8, dst, 0, 4));
        assertEquals(-1, src.read(100, dst, 0, 4));
        assertEquals(0, src.read(3, dst, 0, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> src.read(0, dst, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> src.read(-1, dst, 0, 1));
    }

    @Test
    void readAllAndReadAtStopAtTheEnd() {
        ByteSource src = ByteSource.of(DATA);
        assertArrayEquals(DATA, src.readAll(100));
        assertArrayEquals(new byte[]{1, 2, 3}, src.readAll(3));
        assertArrayEquals(new byte[]{7, 8}, src.readAt(6, 10));
        assertArrayEquals(new byte[0], src.readAt(8, 10));
        assertArrayEquals(new byte[0], src.readAt(20, 10));
    }

    @Test
    void sliceSource() {
        ByteSource src = ByteSource.of(DATA, 2, 4);
        assertEquals(4, src.length());
        assertArrayEquals(new byte[]{3, 4, 5, 6}, src.readAll(Integer.MAX_VALUE));
        assertThrows(IndexOutOfBoundsException.class, () -> ByteSource.of(DATA, 6, 4));
    }
}
