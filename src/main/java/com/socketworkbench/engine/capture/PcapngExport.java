package com.socketworkbench.engine.capture;

import com.socketworkbench.engine.event.NetEvent;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Exports a list of events (a tab's timeline, or the selected rows) as a pcapng file that Wireshark and tshark
 * open: TCP rows as synthesized IPv4/IPv6 TCP segments between the real endpoints, with a handshake, consistent
 * sequence and acknowledgement numbers and a FIN exchange or RST, so "Follow TCP stream" gives exactly the bytes of
 * each direction; UDP rows as one datagram each; times to the microsecond ({@link PacketSynthesizer} has the
 * details). Unix domain socket rows are left out, as are rows that are not traffic; the summary counts them.
 *
 * <p>The file is written whole or not at all (a temporary file moved into place). Blocking file I/O: call it off the
 * FX thread.
 */
public final class PcapngExport {

    private PcapngExport() {
    }

    /** {@link #write(List, CaptureTransport, Path, String)} without a comment. */
    public static ExportSummary write(List<? extends NetEvent> events, CaptureTransport transport, Path file)
            throws CaptureFileException {
        return write(events, transport, file, null);
    }

    /**
     * Writes {@code events}, in their order, to {@code file} (replacing it).
     *
     * @param transport what the events travelled over (the tab knows: TCP for TCP server and client tabs)
     * @param comment   added to the file's section comment, e.g. "TCP client tab 'device A'"; may be null
     * @throws CaptureFileException when the file cannot be written; nothing is left at {@code file} then
     */
    public static ExportSummary write(List<? extends NetEvent> events, CaptureTransport transport, Path file,
                                      String comment) throws CaptureFileException {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(transport, "transport");
        PacketSynthesizer synthesizer = new PacketSynthesizer(transport);
        SkipCounts skipped = new SkipCounts();
        long[] written = {0};
        AtomicFile.write(file, temporary -> {
            try (PcapngFile pcapng = PcapngFile.create(temporary, comment)) {
                for (NetEvent event : events) {
                    SkipReason reason = synthesizer.add(event, pcapng);
                    if (reason == null) {
                        written[0]++;
                    } else {
                        skipped.add(reason);
                    }
                }
            }
        });
        return new ExportSummary("pcapng", List.of(file), written[0], skipped.snapshot());
    }
}
