package com.socketworkbench.engine.capture;

import java.io.IOException;

/** Where synthesized packets go: a pcapng file, or a list in a test. */
@FunctionalInterface
interface PacketOut {
    /** One raw IP packet at {@code micros} since the epoch; {@code comment} is null or shown with the packet. */
    void packet(long micros, byte[] packet, String comment) throws IOException;
}
