package com.socketworkbench.engine.capture;

import java.io.IOException;

/** Where synthesized packets go: a pcapng file, or a list in a test. */
@FunctionalInterface
interface PacketOut {
    /**
     * One raw IP packet at {@code micros} since the epoch: {@code headers} followed by {@code length} bytes of
     * {@code payload} from {@code offset} (kept apart so a payload is never copied into a packet array);
     * {@code comment} is null or shown with the packet.
     */
    void packet(long micros, byte[] headers, byte[] payload, int offset, int length, String comment)
            throws IOException;

    /**
     * True when this out finishes the transport checksum over the payload as it copies it
     * ({@link IpPackets#finishTransportChecksum}): the headers then carry only the partial sum in the checksum
     * field. False (the default): the headers are complete.
     */
    default boolean sumsPayload() {
        return false;
    }
}
