package com.socketworkbench.ui.capture;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.capture.CaptureFileException;
import com.socketworkbench.engine.capture.CaptureTransport;
import com.socketworkbench.engine.capture.ExportSummary;
import com.socketworkbench.engine.capture.PcapngRecorder;
import com.socketworkbench.engine.capture.RecorderConfig;
import com.socketworkbench.engine.capture.RecordingSummary;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.ui.fx.FrameTicker;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.UiExecutor;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.traffic.TabTraffic;
import com.socketworkbench.ui.traffic.TimelineRow;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

/**
 * A socket tab's captures: exports of its timeline and its recording. FX thread only; the file work runs through the
 * tab's {@link UiExecutor}, and the recorder is fed on the engine's threads through {@link TabTraffic#engineSink()},
 * never from here.
 *
 * <p>An export takes the rows given (all the timeline keeps, or the selected ones), writes them off the FX thread and
 * says what it wrote, what the exporter left out and, for all rows, how many earlier events the timeline had trimmed
 * and are therefore not in it. A recording starts a {@link PcapngRecorder} off the FX thread and tees the engine's
 * events into it; a frame ticker reads its progress for {@link #recordStatusProperty()} and notices a recording that
 * stopped by itself (a full disk): the state goes back to {@link RecordState#OFF} and the summary is told. Disposing
 * the tab stops the recording, and a JVM shutdown hook closes a file still being written when the app exits.
 */
public final class TabCapture {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.capture.capture");
    private static final Logger LOG = LoggerFactory.getLogger(TabCapture.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss");

    private final TabTraffic traffic;
    private final CaptureTransport transport;
    private final String kind;
    private final String comment;
    private final UiExecutor executor;
    private final RecordSettings settings;
    private final FrameTicker ticker;
    private final ReadOnlyObjectWrapper<CaptureMessage> message = new ReadOnlyObjectWrapper<>(this, "message");
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(this, "exporting");
    private final ReadOnlyObjectWrapper<RecordState> state = new ReadOnlyObjectWrapper<>(this, "state",
            RecordState.OFF);
    private final ReadOnlyStringWrapper recordStatus = new ReadOnlyStringWrapper(this, "recordStatus", "");
    private long messages;
    private PcapngRecorder recorder;
    private Thread closeAtExit;
    private boolean disposed;

    /**
     * @param kind    the tab's kind in file names, e.g. "tcp-server"
     * @param comment names the tab in a pcapng's section comment, e.g. "TCP server tab"
     */
    public TabCapture(TabTraffic traffic, CaptureTransport transport, String kind, String comment,
                      AppPreferences preferences, UiExecutor executor, Subscriptions subscriptions) {
        this.traffic = traffic;
        this.transport = transport;
        this.kind = kind;
        this.comment = comment;
        this.executor = executor;
        this.settings = new RecordSettings(preferences, kind, subscriptions);
        this.ticker = executor.frameTicker(this::tick);
        subscriptions.add(this::dispose);
    }

    // ---------------------------------------------------------------- export

    /** "tcp-server-20261202-161500.pcapng": what the export's file chooser offers. */
    public String suggestedExportName(ExportFormat format, LocalDateTime now) {
        String base = kind + "-" + STAMP.format(now);
        return format.writesFolder() ? base + "-raw" : base + "." + format.extension();
    }

    /** Where the export's chooser opens: the folder of the last export, or the user's home. */
    public Path exportFolder() {
        return settings.exportFolder();
    }

    /**
     * Exports {@code rows} (oldest first is kept; rows are put in timeline order) to {@code target} off the FX thread,
     * then tells the outcome in {@link #messageProperty()}. Ignored while another export runs.
     *
     * @param charset how the timeline decodes payloads (transcript and CSV)
     */
    public void export(ExportFormat format, ExportScope scope, List<TimelineRow> rows, Path target, Charset charset) {
        if (exporting.get()) {
            return;
        }
        List<NetEvent> events = rows.stream().sorted(Comparator.comparingLong(TimelineRow::sequence))
                .map(TimelineRow::event).toList();
        long trimmed = scope == ExportScope.ALL ? traffic.timeline().trimmed() : 0;
        ExportOptions options = new ExportOptions(transport, charset, ZoneId.systemDefault(), comment);
        exporting.set(true);
        executor.run("ui-capture-export", () -> format.write(events, target, options), summary -> {
            exporting.set(false);
            settings.rememberExportFolder(format.writesFolder() ? target : target.toAbsolutePath().getParent());
            tell(CaptureTexts.exported(summary, target, format, trimmed), false);
        }, failure -> {
            exporting.set(false);
            tell(CaptureTexts.exportFailed(format, UiExecutor.unwrap(failure)), true);
        });
    }

    /** True while an export is being written. */
    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    // ---------------------------------------------------------------- record

    /** Offers a fresh file name for the next recording (the view calls it when the record settings open). */
    public void offerRecordFile() {
        settings.offerFile(LocalDateTime.now());
    }

    /**
     * Opens the file off the FX thread with the current {@link #recordSettings()}, then tees the tab's engine events
     * into it. A file that cannot be created is a message (and the recorder's Failure row); the state goes back to
     * {@link RecordState#OFF}.
     */
    public void startRecording() {
        if (state.get() != RecordState.OFF || !settings.validProperty().get() || disposed) {
            return;
        }
        RecorderConfig config = settings.config(transport, comment);
        state.set(RecordState.STARTING);
        recordStatus.set(TEXT.get("record.opening", config.file().getFileName()));
        executor.run("ui-capture-record-start", () -> PcapngRecorder.start(config, traffic.pump()), started -> {
            if (disposed) {
                started.stop();
                return;
            }
            recorder = started;
            traffic.recordTo(started);
            closeAtExit = CloseAtExit.register(started);
            state.set(RecordState.ON);
            ticker.start();
            tick();
        }, failure -> {
            state.set(RecordState.OFF);
            recordStatus.set("");
            Throwable cause = UiExecutor.unwrap(failure);
            tell(TEXT.get("record.start.failed",
                    cause instanceof CaptureFileException file ? file.getMessage() : cause), true);
        });
    }

    /** Stops teeing, lets the writer write what is queued and close the file, then tells the summary. */
    public void stopRecording() {
        PcapngRecorder stopping = recorder;
        if (state.get() != RecordState.ON || stopping == null) {
            return;
        }
        traffic.recordTo(null);
        state.set(RecordState.STOPPING);
        executor.onFx(stopping.stop(), (summary, failure) -> ended(stopping, summary, failure));
    }

    /** Start when off, stop when on; ignored while either is under way. */
    public void toggleRecording() {
        switch (state.get()) {
            case OFF -> startRecording();
            case ON -> stopRecording();
            default -> {
            }
        }
    }

    private void tick() {
        PcapngRecorder current = recorder;
        if (current == null) {
            return;
        }
        if (state.get() == RecordState.ON && current.completion().isDone()) {
            // It stopped by itself: the writer failed (the Failure is in the timeline too).
            traffic.recordTo(null);
            RecordingSummary summary = current.completion().getNow(null);
            ended(current, summary, null);
            return;
        }
        String status = CaptureTexts.recording(current.currentFile(), current.eventsRecorded(),
                current.bytesWritten());
        if (!status.equals(recordStatus.get())) {
            recordStatus.set(status);
        }
    }

    private void ended(PcapngRecorder ended, RecordingSummary summary, Throwable failure) {
        if (recorder != ended) {
            return;
        }
        recorder = null;
        ticker.stop();
        CloseAtExit.unregister(closeAtExit);
        closeAtExit = null;
        state.set(RecordState.OFF);
        recordStatus.set("");
        if (summary == null) {
            tell(TEXT.get("record.no.summary", ended.config().file(), failure), true);
        } else {
            tell(CaptureTexts.recorded(summary, ended.config().file()), summary.failure() != null);
        }
    }

    /** The tab is going away: stop teeing and let the writer close the file in the background. */
    private void dispose() {
        disposed = true;
        ticker.stop();
        PcapngRecorder current = recorder;
        recorder = null;
        if (current != null) {
            traffic.recordTo(null);
            Thread hook = closeAtExit;
            current.stop().whenComplete((summary, failure) -> {
                CloseAtExit.unregister(hook);
                if (summary != null) {
                    LOG.info("The tab closed while recording: {}", summary.describe());
                }
            });
        }
    }

    private void tell(String text, boolean error) {
        message.set(new CaptureMessage(text, error, ++messages));
    }

    public RecordSettings recordSettings() {
        return settings;
    }

    public ReadOnlyObjectProperty<RecordState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public RecordState state() {
        return state.get();
    }

    /** "Recording to tcp-client-….pcapng · 1,234 events · 5.6 MiB" while on (read once per frame), else empty. */
    public ReadOnlyStringProperty recordStatusProperty() {
        return recordStatus.getReadOnlyProperty();
    }

    /** The last thing an export or a recording had to say (null until there is one). */
    public ReadOnlyObjectProperty<CaptureMessage> messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The recorder while one runs (tests read its counters). */
    public PcapngRecorder recorder() {
        return recorder;
    }

    public CaptureTransport transport() {
        return transport;
    }
}
