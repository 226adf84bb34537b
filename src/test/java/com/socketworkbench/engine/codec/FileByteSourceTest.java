package com.socketworkbench.engine.codec;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
class FileByteSourceTest {

    private static final int BLOCK = FileByteSource.BLOCK_SIZE;

    @TempDir
    Path dir;

    private byte[] data;
    private Path file;

    @BeforeEach
    void writeFile() throws IOException {
        data = new byte[3 * BLOCK + 100];
        new Random(1).nextBytes(data);
        file = dir.resolve("body.bin");
        Files.write(file, data);
    }

    @Test
    void readsAcrossBlockBoundaries() throws IOException {
        try (FileByteSource src = FileByteSource.open(file)) {
            assertEquals(data.length, src.length());
            for (long position : new long[]{BLOCK - 6, 2L * BLOCK - 1, BLOCK - 1, 0, 3L * BLOCK - 10}) {
                byte[] dst = new byte[40];
                assertEquals(40, src.read(position, dst, 0, 40));
                assertArrayEquals(Arrays.copyOfRange(data, (int) position, (int) position + 40), dst, "at " + position);
            }
            byte[] spanning = new byte[BLOCK + 20];
            assertEquals(spanning.length, src.read(BLOCK - 10, spanning, 0, spanning.length));
            assertArrayEquals(Arrays.copyOfRange(data, BLOCK - 10, 2 * BLOCK + 10), spanning);
        }
    }

    @Test
    void readsEverythingAndStopsAtTheEnd() throws IOException {
        try (FileByteSource src = new FileByteSource(file)) {
            assertArrayEquals(data, src.readAll(Integer.MAX_VALUE));
            byte[] dst = new byte[50];
            assertEquals(20, src.read(data.length - 20, dst, 5, 45));
            assertArrayEquals(Arrays.copyOfRange(data, data.length - 20, data.length), Arrays.copyOfRange(dst, 5, 25));
            assertEquals(-1, src.read(data.length, dst, 0, 1));
            assertEquals(-1, src.read(data.length + 5L * BLOCK, dst, 0, 1));
            assertEquals(0, src.read(0, dst, 0, 0));
        }
    }

    @Test
    void randomReadsMatchTheFile() throws IOException {
        Random random = new Random(3);
        try (FileByteSource src = FileByteSource.open(file)) {
            for (int i = 0; i < 500; i++) {
                int position = random.nextInt(data.length);
                int len = 1 + random.nextInt(300);
                byte[] expected = Arrays.copyOfRange(data, position, Math.min(data.length, position + len));
                assertArrayEquals(expected, src.readAt(position, len));
            }
        }
    }

    @Test
    void servesAHexDump() throws IOException {
        try (FileByteSource src = FileByteSource.open(file)) {
            long last = HexDump.lineCount(src.length()) - 1;
            assertEquals(HexDump.line(ByteSource.of(data), last), HexDump.line(src, last));
            assertEquals(HexDump.line(ByteSource.of(data), BLOCK / 16), HexDump.line(src, BLOCK / 16));
        }
    }

    @Test
    void manyThreadsReadAtOnce() throws Exception {
        try (FileByteSource src = FileByteSource.open(file);
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                Random random = new Random(t);
                Callable<Boolean> reader = () -> {
                    for (int i = 0; i < 300; i++) {
                        int position = random.nextInt(data.length);
                        byte[] got = src.readAt(position, 100);
                        if (!Arrays.equals(got, Arrays.copyOfRange(data, position, position + got.length))) {
                            return false;
                        }
                    }
                    return true;
                };
                results.add(pool.submit(reader));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get(5, TimeUnit.SECONDS));
            }
        }
    }

    @Test
    void seesBytesAppendedWhileOpen() throws IOException {
        try (FileByteSource src = FileByteSource.open(file)) {
            assertArrayEquals(Arrays.copyOfRange(data, data.length - 10, data.length), src.readAt(data.length - 10, 10));
            byte[] more = {9, 8, 7, 6};
            Files.write(file, more, StandardOpenOption.APPEND);
            assertEquals(data.length + 4, src.length());
            assertArrayEquals(new byte[]{data[data.length - 1], 9, 8, 7, 6}, src.readAt(data.length - 1, 10));
        }
    }

    @Test
    void anInterruptedReaderDoesNotBreakTheSourceForOthers() throws IOException {
        try (FileByteSource src = FileByteSource.open(file)) {
            assertEquals(data[0], src.readAt(0, 1)[0]);
            Thread.currentThread().interrupt();
            try {
                // A block not cached yet, so the channel is really read while interrupted.
                assertThrows(UncheckedIOException.class, () -> src.readAt(2L * BLOCK, 10));
            } finally {
                assertTrue(Thread.interrupted(), "the interrupt status stays set for the caller to see");
            }
            assertArrayEquals(Arrays.copyOfRange(data, 2 * BLOCK, 2 * BLOCK + 10), src.readAt(2L * BLOCK, 10));
            assertEquals(data.length, src.length());
        }
    }

    @Test
    void readingAfterCloseFails() throws IOException {
        FileByteSource src = FileByteSource.open(file);
        src.readAt(0, 10);
        src.close();
        src.close();
        assertThrows(UncheckedIOException.class, () -> src.readAt(0, 10));
        assertThrows(UncheckedIOException.class, src::length);
    }

    @Test
    void missingFileFailsToOpen() {
        assertThrows(IOException.class, () -> FileByteSource.open(dir.resolve("missing.bin")));
    }
}
