package com.socketworkbench.engine.event;

/**
 * An event that carries payload bytes: bytes that arrived ({@link BytesReceived}) or bytes written
 * ({@link BytesSent}). Whatever only needs the bytes, their size or which way they went (counters, the timeline's
 * size and preview, its byte budget) handles both through this one type.
 */
public sealed interface DataEvent extends NetEvent permits BytesReceived, BytesSent {

    /** The bytes; owned by the event and never mutated, so never write into them either. */
    byte[] data();

    /** True for bytes that arrived from the peer, false for bytes written to it. */
    boolean incoming();

    /** How many socket reads contributed (more than one when framing joined reads); 1 for anything written. */
    default int reads() {
        return 1;
    }

    /** True when the payload was cut by a limit (a datagram larger than the receive buffer, say). */
    default boolean truncated() {
        return false;
    }

    /**
     * True for the provisional view of a frame still waiting for its end (see {@link BytesReceived#incomplete}):
     * counters, recordings and exports skip it, the timeline shows it marked.
     */
    default boolean incomplete() {
        return false;
    }
}
