package com.socketworkbench.engine.capture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The capture file channel writes exactly the bytes given, in order, with direct I/O (whole aligned blocks, the
 * rest kept for later) and without: after a write of everything the file holds every byte so far and nothing more,
 * after a partial write only a prefix of them, and after close all of them.
 */
class CaptureFileChannelTest {
    private static final int CAPACITY = 256 * 1024;

    @TempDir
    Path folder;

    @ParameterizedTest(name = "direct I/O tried: {0}")
    @ValueSource(booleans = {true, false})
    void theFileHoldsExactlyTheBytesWrittenAfterEveryFullWriteAndAtClose(boolean tryDirect) throws Exception {
        Path file = folder.resolve("capture.pcapng");
        SplittableRandom random = new SplittableRandom(7);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        int fullWrites = 0;
        try (CaptureFileChannel channel = CaptureFileChannel.create(file, tryDirect)) {
            ByteBuffer buffer = channel.newBuffer(CAPACITY);
            for (int step = 0; step < 400; step++) {
                // Mostly small blocks (a datagram's), sometimes a large one (a bulk read's segments).
                byte[] block = new byte[random.nextInt(10) == 0 ? random.nextInt(1, 140_000) : random.nextInt(1, 600)];
                random.nextBytes(block);
                if (block.length > buffer.remaining()) {
                    long inFile = channel.write(buffer, false);
                    assertTrue(buffer.position() < CaptureFileChannel.MAX_ALIGNMENT, "only a block's rest is kept");
                    assertPrefix(expected.toByteArray(), file, inFile);
                }
                buffer.put(block);
                expected.write(block);
                if (random.nextInt(25) == 0) {
                    long inFile = channel.write(buffer, true);
                    fullWrites++;
                    assertEquals(expected.size(), inFile, "a full write reports every byte");
                    assertArrayEquals(expected.toByteArray(), Files.readAllBytes(file), "the file after a full write");
                }
            }
            channel.write(buffer, true);
        }
        assertTrue(fullWrites > 5, "the sequence has full writes in the middle: " + fullWrites);
        assertArrayEquals(expected.toByteArray(), Files.readAllBytes(file));
    }

    @Test
    void withoutDirectIoEveryWriteIsWhole() throws Exception {
        Path file = folder.resolve("plain.pcapng");
        try (CaptureFileChannel channel = CaptureFileChannel.create(file, false)) {
            ByteBuffer buffer = channel.newBuffer(CAPACITY);
            assertFalse(channel.isDirect());
            buffer.put(new byte[] {1, 2, 3});
            assertEquals(3, channel.write(buffer, false));
            assertEquals(0, buffer.position());
            assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(file));
        }
    }

    @Test
    void closingFreesTheBufferAndASecondCloseDoesNothing() throws Exception {
        CaptureFileChannel channel = CaptureFileChannel.create(folder.resolve("closed.pcapng"), true);
        ByteBuffer buffer = channel.newBuffer(CAPACITY);
        buffer.put((byte) 1);
        channel.write(buffer, true);
        channel.close();
        assertThrows(IllegalStateException.class, () -> buffer.get(0), "the buffer's memory is freed at close");
        channel.close();
        assertArrayEquals(new byte[] {1}, Files.readAllBytes(folder.resolve("closed.pcapng")));
    }

    @Test
    void withDirectIoAPartialWriteKeepsTheRestOfABlockUntilAFullWrite() throws Exception {
        Path file = folder.resolve("direct.pcapng");
        try (CaptureFileChannel channel = CaptureFileChannel.create(file, true)) {
            ByteBuffer buffer = channel.newBuffer(CAPACITY);
            byte[] bytes = new byte[CaptureFileChannel.MAX_ALIGNMENT + 100];
            Arrays.fill(bytes, (byte) 0x5A);
            buffer.put(bytes);
            long inFile = channel.write(buffer, false);
            if (!channel.isDirect()) {
                assertEquals(bytes.length, inFile, "without direct I/O (this file system) everything is written");
                return;
            }
            assertEquals(bytes.length - buffer.position(), inFile, "whole blocks written, the rest kept");
            assertTrue(buffer.position() > 0, "a rest of " + buffer.position() + " bytes is kept");
            assertEquals(inFile, Files.size(file), "no padding in the file");
            assertEquals(bytes.length, channel.write(buffer, true));
            assertArrayEquals(bytes, Files.readAllBytes(file));
            buffer.put(new byte[] {1, 2});
            assertEquals(bytes.length + 2L, channel.write(buffer, true), "the rest is written again with what follows");
            byte[] all = Files.readAllBytes(file);
            assertEquals(bytes.length + 2, all.length);
            assertEquals(1, all[bytes.length]);
            assertEquals(2, all[bytes.length + 1]);
        }
    }

    private static void assertPrefix(byte[] expected, Path file, long inFile) throws Exception {
        byte[] actual = Files.readAllBytes(file);
        assertEquals(inFile, actual.length, "the file holds what the channel reports");
        assertArrayEquals(Arrays.copyOf(expected, actual.length), actual, "a prefix of the bytes written");
    }
}
