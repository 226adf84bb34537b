package com.socketworkbench.engine.codec;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ByteArrayLiteralsTest {

    private static final byte[] DEADBEEF = {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef};

    private static byte[] sequence(int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (0x78 + i);
        }
        return data;
    }

    @Test
    void cOnOneLine() {
        assertEquals("unsigned char data[4] = { 0xde, 0xad, 0xbe, 0xef };", ByteArrayLiterals.c(DEADBEEF));
        assertEquals("unsigned char ping[1] = { 0x00 };", ByteArrayLiterals.c(new byte[1], "ping"));
        assertEquals("unsigned char data[0] = { };", ByteArrayLiterals.c(new byte[0]));
    }

    @Test
    void cWrapsAfterTwelveValues() {
        assertEquals("unsigned char data[12] = { 0x78, 0x79, 0x7a, 0x7b, 0x7c, 0x7d, 0x7e, 0x7f, 0x80, 0x81, 0x82, 0x83 };",
                ByteArrayLiterals.c(sequence(12)));
        assertEquals("""
                unsigned char data[25] = {
                    0x78, 0x79, 0x7a, 0x7b, 0x7c, 0x7d, 0x7e, 0x7f, 0x80, 0x81, 0x82, 0x83,
                    0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8d, 0x8e, 0x8f,
                    0x90
                };""", ByteArrayLiterals.c(sequence(25)));
    }

    @Test
    void javaCastsValuesAboveSevenF() {
        assertEquals("byte[] data = { (byte) 0xde, (byte) 0xad, 0x7f };",
                ByteArrayLiterals.java(new byte[]{(byte) 0xde, (byte) 0xad, 0x7f}));
        assertEquals("byte[] data = { 0x00, (byte) 0x80, (byte) 0xff };",
                ByteArrayLiterals.java(new byte[]{0, (byte) 0x80, (byte) 0xff}));
        assertEquals("byte[] data = { };", ByteArrayLiterals.java(new byte[0]));
        assertEquals("byte[] hello = { 0x68, 0x69 };", ByteArrayLiterals.java(new byte[]{'h', 'i'}, "hello"));
    }

    @Test
    void javaWrapsLikewise() {
        assertEquals("""
                byte[] data = {
                    0x78, 0x79, 0x7a, 0x7b, 0x7c, 0x7d, 0x7e, 0x7f, (byte) 0x80, (byte) 0x81, (byte) 0x82, (byte) 0x83,
                    (byte) 0x84
                };""", ByteArrayLiterals.java(sequence(13)));
    }
}
