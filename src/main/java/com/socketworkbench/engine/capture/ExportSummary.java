package com.socketworkbench.engine.capture;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * What an export wrote: the files, how many of the events given it carried, and how many it left out and why. The
 * caller knows what was never given to it (rows the timeline trimmed) and says so next to {@link #describe()}.
 *
 * @param format        "pcapng", "text transcript", "CSV" or "raw bytes"
 * @param files         the files written, in the order they were written
 * @param eventsWritten the events that are in the files
 * @param skipped       the events left out, by reason (only reasons that occurred; in the enum's order)
 */
public record ExportSummary(String format, List<Path> files, long eventsWritten, Map<SkipReason, Long> skipped) {

    public ExportSummary {
        Objects.requireNonNull(format, "format");
        files = List.copyOf(files);
        skipped = SkipReason.nonZero(skipped);
    }

    /** All events left out. */
    public long eventsSkipped() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * One sentence for the user: "pcapng: 412 events written to capture.pcapng; 3 left out: 2 Unix domain socket
     * rows (...), 1 listener, notice and failure rows (not packets)".
     */
    public String describe() {
        StringBuilder text = new StringBuilder(format).append(": ").append(count(eventsWritten))
                .append(" written to ");
        text.append(files.size() == 1 ? files.getFirst().getFileName().toString() : files.size() + " files");
        if (!skipped.isEmpty()) {
            StringJoiner reasons = new StringJoiner(", ");
            skipped.forEach((reason, count) -> reasons.add(count + " " + reason.words()));
            text.append("; ").append(eventsSkipped()).append(" left out: ").append(reasons);
        }
        return text.toString();
    }

    private static String count(long events) {
        return events == 1 ? "1 event" : events + " events";
    }
}
