package com.socketworkbench.ui.udp;

import java.util.Locale;

/** Explains the receive buffer the system granted next to the one asked for. */
final class ReceiveBufferText {
    private ReceiveBufferText() {
    }

    /** Before binding: what will be asked for. */
    static String requested(int requestedBytes) {
        return UdpText.TEXT.get("buffer.asks", UdpText.count(requestedBytes));
    }

    /**
     * After binding. Linux reports twice the request (half is kept for its own bookkeeping), capped at twice
     * net.core.rmem_max, so "less than asked" means the cap applied.
     */
    static String granted(int requestedBytes, int effectiveBytes, boolean linux) {
        String granted = UdpText.TEXT.get("buffer.granted", UdpText.count(effectiveBytes));
        if (effectiveBytes < requestedBytes) {
            return UdpText.TEXT.get(linux ? "buffer.capped.linux" : "buffer.capped.other", granted);
        }
        if (linux && effectiveBytes == 2L * requestedBytes) {
            return UdpText.TEXT.get("buffer.doubled", granted);
        }

        return granted;
    }

    static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    }
}
