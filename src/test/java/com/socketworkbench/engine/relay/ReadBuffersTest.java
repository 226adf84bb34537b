package com.socketworkbench.engine.relay;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A direction's buffer doubles up to the largest size; all directions together grow within the relay's budget. */
class ReadBuffersTest {
    private final ReadBuffers buffers = new ReadBuffers();
    private final List<SocketChannel> channels = new ArrayList<>();

    @AfterEach
    void close() throws IOException {
        for (SocketChannel channel : channels) {
            channel.close();
        }
    }

    private RelaySocket side() throws IOException {
        SocketChannel channel = SocketChannel.open(); // never connected: only its buffers are asked for
        channels.add(channel);
        return RelaySocket.plain(channel);
    }

    @Test
    void aBufferDoublesUpToTheLargestAndGivesBackWhatItGrew() throws IOException {
        RelaySocket side = side();
        ByteBuffer buffer = buffers.first(side);
        assertEquals(ReadBuffers.FIRST_BYTES, buffer.capacity());
        assertTrue(buffer.isDirect(), "a plain side reads into a direct buffer");
        while (buffer.capacity() < ReadBuffers.MAX_BYTES) {
            int before = buffer.capacity();
            buffer = buffers.grow(side, buffer);
            assertEquals(before * 2, buffer.capacity());
        }
        assertSame(buffer, buffers.grow(side, buffer), "the largest size stays");
        assertEquals(ReadBuffers.MAX_BYTES - ReadBuffers.FIRST_BYTES, buffers.grownBytes());
        buffers.release(buffer);
        assertEquals(0, buffers.grownBytes());
    }

    @Test
    void manyBulkDirectionsTogetherStayWithinTheBudget() throws IOException {
        List<ByteBuffer> largest = new ArrayList<>();
        int directions = (int) (ReadBuffers.BUDGET_BYTES / ReadBuffers.MAX_BYTES) + 4;
        for (int i = 0; i < directions; i++) {
            RelaySocket side = side();
            ByteBuffer buffer = buffers.first(side);
            ByteBuffer next;
            while ((next = buffers.grow(side, buffer)) != buffer) {
                buffer = next;
            }
            largest.add(buffer);
        }
        assertTrue(buffers.grownBytes() <= ReadBuffers.BUDGET_BYTES, "grown: " + buffers.grownBytes());
        assertTrue(largest.getLast().capacity() < ReadBuffers.MAX_BYTES, "the last ones keep smaller buffers");
        largest.forEach(buffers::release);
        assertEquals(0, buffers.grownBytes());
    }
}
