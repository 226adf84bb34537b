package com.socketworkbench.engine.tcp;

import com.socketworkbench.engine.event.CloseReason;

import java.util.concurrent.CompletableFuture;

/** What a connection's writer thread takes from its FIFO: data, or an instruction that must wait for the data. */
sealed interface Outgoing {

    /**
     * {@code block} written {@code times} times, each time cut into writes of {@code segmentBytes} (0 = the whole
     * block in one write), with {@code gapNanos} between consecutive writes.
     */
    record Payload(byte[] block, int times, int segmentBytes, long gapNanos, CompletableFuture<Void> done)
            implements Outgoing {

        /** The whole block in one write. */
        Payload(byte[] block, CompletableFuture<Void> done) {
            this(block, 1, 0, 0, done);
        }

        long totalBytes() {
            return (long) block.length * times;
        }
    }

    /** Shut down output (half-close) once everything before it is written. */
    record ShutdownOutput() implements Outgoing {
    }

    /** Close the connection once everything before it is written. */
    record Close(CloseReason reason, String detail) implements Outgoing {
    }

    /** The connection is finished; the writer ends. */
    record Stop() implements Outgoing {
    }
}
