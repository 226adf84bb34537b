package com.socketworkbench.engine.capture;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.event.Failure;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * How a recording ended.
 *
 * @param files          the files written, in order
 * @param eventsRecorded events whose packets are in the files
 * @param skipped        events that have no packets, by reason (Unix socket rows, listener and notice rows, ...)
 * @param notRecorded    events that reached the recorder after it stopped, or that were waiting when it failed
 * @param bytes          the size of all the files together
 * @param producerWaits  how many times an event had to wait for the writer because the queue was full
 * @param failure        what stopped the recording, or null when it was stopped
 * @param filesDeleted   older files deleted to keep only {@link RecorderConfig#keepFiles} (their events count in
 *                       {@code eventsRecorded}, their bytes not in {@code bytes})
 */
public record RecordingSummary(List<Path> files, long eventsRecorded, Map<SkipReason, Long> skipped,
                               long notRecorded, long bytes, long producerWaits, Failure failure, int filesDeleted) {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.capture.capture");

    public RecordingSummary {
        files = List.copyOf(files);
        skipped = SkipReason.nonZero(skipped);
    }

    public Optional<Failure> failed() {
        return Optional.ofNullable(failure);
    }

    public long eventsSkipped() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * "Recorded 1,204 events in 3 files (262,144,000 bytes); 2 left out: 2 rows without a known IP address and
     * port".
     */
    public String describe() {
        Object where = files.size() == 1 ? files.getFirst().getFileName() : TEXT.get("summary.files", files.size());
        String size = String.format("%,d", bytes);
        StringBuilder text = new StringBuilder(eventsRecorded == 1 ? TEXT.get("summary.recorded.one", where, size)
                : TEXT.get("summary.recorded.other", String.format("%,d", eventsRecorded), where, size));
        if (!skipped.isEmpty()) {
            StringJoiner reasons = new StringJoiner(", ");
            skipped.forEach((reason, count) -> reasons.add(TEXT.get("skip.count", count, reason.words())));
            text.append(TEXT.get("skip.left.out", eventsSkipped(), reasons));
        }
        if (filesDeleted > 0) {
            text.append(filesDeleted == 1 ? TEXT.get("summary.deleted.one", files.size())
                    : TEXT.get("summary.deleted.other", filesDeleted, files.size()));
        }
        if (notRecorded > 0) {
            String key = failure == null ? "summary.late" : "summary.unwritten";
            text.append(notRecorded == 1 ? TEXT.get(key + ".one") : TEXT.get(key + ".other", notRecorded));
        }
        return text.toString();
    }
}
