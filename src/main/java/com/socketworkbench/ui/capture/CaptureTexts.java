package com.socketworkbench.ui.capture;

import com.socketworkbench.engine.capture.CaptureFileException;
import com.socketworkbench.engine.capture.ExportSummary;
import com.socketworkbench.engine.capture.RecordingSummary;
import com.socketworkbench.engine.capture.SkipReason;
import com.socketworkbench.ui.traffic.Formats;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** The sentences the capture controls show: what an export wrote and left out, how a recording went. */
final class CaptureTexts {

    private CaptureTexts() {
    }

    /**
     * "Exported 1,234 events to capture.pcapng (pcapng); 3 left out: 3 listener, notice and failure rows (not
     * packets); 5,678 earlier events were trimmed from the timeline and are not in it".
     */
    static String exported(ExportSummary summary, Path target, ExportFormat format, long trimmed) {
        StringBuilder text = new StringBuilder("Exported ").append(events(summary.eventsWritten())).append(" to ");
        if (format.writesFolder()) {
            int files = summary.files().size();
            text.append(files == 1 ? "1 file" : count(files) + " files").append(" in ").append(target);
        } else {
            text.append(target);
        }
        text.append(" (").append(summary.format()).append(")");
        if (!summary.skipped().isEmpty()) {
            text.append("; ").append(count(summary.eventsSkipped())).append(" left out: ")
                    .append(reasons(summary.skipped()));
        }
        if (trimmed > 0) {
            text.append("; ").append(count(trimmed)).append(trimmed == 1 ? " earlier event was" : " earlier events were")
                    .append(" trimmed from the timeline and ").append(trimmed == 1 ? "is" : "are").append(" not in it");
        }
        return text.toString();
    }

    static String exportFailed(ExportFormat format, Throwable failure) {
        String reason = failure instanceof CaptureFileException file ? file.getMessage()
                : failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return "The " + format.fileType() + " export failed: " + reason;
    }

    /** "Recording to tcp-client-20261202-161500.pcapng · 1,234 events · 5.6 MiB". */
    static String recording(Path file, long events, long bytes) {
        return "Recording to " + file.getFileName() + " · " + events(events) + " · " + Formats.bytes(bytes);
    }

    /** "Recording stopped. Recorded 1,204 events in 3 files (...); ... (folder /home/me)", or the failure. */
    static String recorded(RecordingSummary summary, Path firstFile) {
        if (summary.failure() != null) {
            return summary.failure().message();
        }
        Path folder = firstFile.toAbsolutePath().getParent();
        return "Recording stopped. " + summary.describe() + (folder == null ? "" : " (folder " + folder + ")");
    }

    private static String reasons(Map<SkipReason, Long> skipped) {
        StringJoiner reasons = new StringJoiner(", ");
        skipped.forEach((reason, count) -> reasons.add(count(count) + " " + reason.words()));
        return reasons.toString();
    }

    private static String events(long count) {
        return count == 1 ? "1 event" : count(count) + " events";
    }

    private static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }
}
