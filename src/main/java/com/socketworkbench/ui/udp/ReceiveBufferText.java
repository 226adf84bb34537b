package com.socketworkbench.ui.udp;

import java.util.Locale;

/** Explains the receive buffer the system granted next to the one asked for. */
final class ReceiveBufferText {
    private ReceiveBufferText() {
    }

    /** Before binding: what will be asked for. */
    static String requested(int requestedBytes) {
        return String.format(Locale.ROOT, "asks for %,d B when started", requestedBytes);
    }

    /**
     * After binding. Linux reports twice the request (half is kept for its own bookkeeping), capped at twice
     * net.core.rmem_max, so "less than asked" means the cap applied.
     */
    static String granted(int requestedBytes, int effectiveBytes, boolean linux) {
        String granted = String.format(Locale.ROOT, "granted %,d B", effectiveBytes);
        if (effectiveBytes < requestedBytes) {
            return granted + (linux ? " — capped by net.core.rmem_max" : " — capped by the system's limit");
        }
        if (linux && effectiveBytes == 2L * requestedBytes) {
            return granted + " (Linux counts its bookkeeping too: twice the request)";
        }
        return granted;
    }

    static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    }
}
