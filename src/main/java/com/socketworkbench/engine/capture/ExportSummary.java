package com.socketworkbench.engine.capture;

import com.socketworkbench.engine.text.Texts;
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
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.capture.capture");

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
        StringBuilder text = new StringBuilder(TEXT.get("summary.export", format, count(eventsWritten),
                files.size() == 1 ? files.getFirst().getFileName() : TEXT.get("summary.files", files.size())));
        if (!skipped.isEmpty()) {
            StringJoiner reasons = new StringJoiner(", ");
            skipped.forEach((reason, count) -> reasons.add(TEXT.get("skip.count", count, reason.words())));
            text.append(TEXT.get("skip.left.out", eventsSkipped(), reasons));
        }
        return text.toString();
    }

    private static String count(long events) {
        return events == 1 ? TEXT.get("summary.events.one") : TEXT.get("summary.events.other", events);
    }
}
