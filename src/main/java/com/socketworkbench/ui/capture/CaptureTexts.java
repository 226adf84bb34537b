package com.socketworkbench.ui.capture;

import com.socketworkbench.engine.capture.CaptureFileException;
import com.socketworkbench.engine.capture.ExportSummary;
import com.socketworkbench.engine.capture.RecordingSummary;
import com.socketworkbench.engine.capture.SkipReason;
import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.ui.traffic.Formats;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** The sentences the capture controls show: what an export wrote and left out, how a recording went. */
final class CaptureTexts {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.capture.capture");

    private CaptureTexts() {
    }

    /**
     * "Exported 1,234 events to capture.pcapng (pcapng); 3 left out: 3 listener, notice and failure rows (not
     * packets); 5,678 earlier events were trimmed from the timeline and are not in it".
     */
    static String exported(ExportSummary summary, Path target, ExportFormat format, long trimmed) {
        String written = events(summary.eventsWritten());
        StringBuilder text = new StringBuilder();
        if (format.writesFolder()) {
            int files = summary.files().size();
            text.append(files == 1 ? TEXT.get("exported.folder.one", written, target, summary.format())
                    : TEXT.get("exported.folder.other", written, target, summary.format(), count(files)));
        } else {
            text.append(TEXT.get("exported.file", written, target, summary.format()));
        }
        if (!summary.skipped().isEmpty()) {
            text.append(TEXT.get("exported.skipped", count(summary.eventsSkipped()), reasons(summary.skipped())));
        }
        if (trimmed > 0) {
            text.append(TEXT.get(trimmed == 1 ? "exported.trimmed.one" : "exported.trimmed.other", count(trimmed)));
        }
        return text.toString();
    }

    static String exportFailed(ExportFormat format, Throwable failure) {
        String reason = failure instanceof CaptureFileException file ? file.getMessage()
                : failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return TEXT.get("export.failed", format.fileType(), reason);
    }

    /** "Recording to tcp-client-20261202-161500.pcapng · 1,234 events · 5.6 MiB". */
    static String recording(Path file, long events, long bytes) {
        return TEXT.get("recording", file.getFileName(), events(events), Formats.bytes(bytes));
    }

    /** "Recording stopped. Recorded 1,204 events in 3 files (...); ... (folder /home/me)", or the failure. */
    static String recorded(RecordingSummary summary, Path firstFile) {
        if (summary.failure() != null) {
            return summary.failure().message();
        }
        Path folder = firstFile.toAbsolutePath().getParent();
        return folder == null ? TEXT.get("recorded", summary.describe())
                : TEXT.get("recorded.folder", summary.describe(), folder);
    }

    private static String reasons(Map<SkipReason, Long> skipped) {
        StringJoiner reasons = new StringJoiner(", ");
        skipped.forEach((reason, count) -> reasons.add(TEXT.get("exported.skipped.reason", count(count),
                reason.words())));
        return reasons.toString();
    }

    private static String events(long count) {
        return TEXT.get(count == 1 ? "events.one" : "events.other", count(count));
    }

    private static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }
}
