package com.socketworkbench.engine.tcp;

import com.socketworkbench.engine.event.CloseReason;

import java.util.concurrent.CompletableFuture;

/** What a connection's writer thread takes from its FIFO: data, or an instruction that must wait for the data. */
sealed interface Outgoing {

    record Payload(byte[] data, CompletableFuture<Void> done) implements Outgoing {
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
