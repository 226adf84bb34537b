package com.socketworkbench.ui.sendfile;

import com.socketworkbench.ui.tab.PanelStatus;
import com.socketworkbench.engine.repeat.SendSink;
import com.socketworkbench.engine.sendfile.FileSendOutcome;
import com.socketworkbench.engine.sendfile.FileSendPlan;
import com.socketworkbench.engine.sendfile.FileSendProgress;
import com.socketworkbench.engine.sendfile.FileSender;
import com.socketworkbench.engine.text.DurationText;
import com.socketworkbench.ui.fx.FrameTicker;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.UiExecutor;
import com.socketworkbench.ui.repeat.TabSendPath;
import com.socketworkbench.ui.repeat.WholeNumber;
import com.socketworkbench.ui.traffic.Formats;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The send file panel's state: the file's path, a rate limit (KiB/s, 0 for none) and, in the UDP tab, the datagram
 * size; each checked as typed with its message at the field. Start streams the file with a {@link FileSender} to the
 * target the tab has chosen at that moment; progress, rate and ETA are read once a frame while it runs. Cancel, the
 * tab's socket no longer being live, the tab stopping or being disposed end the send. FX thread only.
 */
public final class SendFileModel {
    /** 10 GiB/s: more than any link this tool will see, and small enough to stay exact in bytes per second. */
    static final long MAX_RATE_KIB = 10L * 1024 * 1024;

    private final TabSendPath path;
    private final UiExecutor executor;
    private final boolean datagrams;
    private final StringProperty file = new SimpleStringProperty(this, "file", "");
    private final StringProperty rateLimit = new SimpleStringProperty(this, "rateLimit", "0");
    private final StringProperty datagramSize = new SimpleStringProperty(this, "datagramSize", "1024");
    private final ReadOnlyStringWrapper fileError = new ReadOnlyStringWrapper(this, "fileError", "");
    private final ReadOnlyStringWrapper rateError = new ReadOnlyStringWrapper(this, "rateError", "");
    private final ReadOnlyStringWrapper sizeError = new ReadOnlyStringWrapper(this, "sizeError", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper rateText = new ReadOnlyStringWrapper(this, "rateText", "");
    private final ReadOnlyStringWrapper etaText = new ReadOnlyStringWrapper(this, "etaText", "");
    private final PanelStatus status = new PanelStatus();
    private final FrameTicker ticker;
    private FileSender sender;
    /** The file field has been typed in or chosen: before that an empty path is not an error to show. */
    private boolean fileTouched;

    /**
     * @param datagrams true in the UDP tab: each chunk is one datagram of the chosen size
     */
    public SendFileModel(TabSendPath path, boolean datagrams, UiExecutor executor, Subscriptions subscriptions) {
        this.path = path;
        this.datagrams = datagrams;
        this.executor = executor;
        this.ticker = executor.frameTicker(this::readProgress);
        file.addListener(observable -> fileTouched = true);
        for (Observable field : new Observable[]{file, rateLimit, datagramSize}) {
            field.addListener(observable -> validate());
        }
        subscriptions.listen(path.live(), (obs, was, live) -> {
            if (!live) {
                cancel();
            }
        });
        subscriptions.add(this::dispose);
        validate();
    }

    /** Checks every field and sets the messages; the plan when all are valid, else null. */
    private FileSendPlan validate() {
        fileError.set(fileTouched ? fileProblem() : "");
        WholeNumber rate = WholeNumber.parse(rateLimit.get(), 0, MAX_RATE_KIB);
        rateError.set(rate.problem());
        WholeNumber size = datagrams ? WholeNumber.parse(datagramSize.get(), 1, FileSendPlan.MAX_DATAGRAM)
                : new WholeNumber(0, "");
        sizeError.set(size.problem());
        if (!fileError.get().isEmpty() || !rate.ok() || !size.ok()) {
            return null;
        }
        long bytesPerSecond = rate.value() * 1024;
        return datagrams ? FileSendPlan.datagrams((int) size.value(), bytesPerSecond)
                : FileSendPlan.stream(bytesPerSecond);
    }

    private String fileProblem() {
        String text = file.get() == null ? "" : file.get().strip();
        if (text.isEmpty()) {
            return SendFileTexts.TEXT.get("file.empty");
        }
        Path chosen;
        try {
            chosen = Path.of(text);
        } catch (InvalidPathException e) {
            return SendFileTexts.TEXT.get("file.invalid", text);
        }
        if (Files.isDirectory(chosen)) {
            return SendFileTexts.TEXT.get("file.folder", text);
        }
        if (!Files.isRegularFile(chosen)) {
            return SendFileTexts.TEXT.get("file.missing", text);
        }
        if (!Files.isReadable(chosen)) {
            return SendFileTexts.TEXT.get("file.unreadable", text);
        }
        return "";
    }

    /** Start when idle, cancel when sending. */
    public void toggle() {
        if (running.get()) {
            cancel();
        } else {
            start();
        }
    }

    /** Starts sending; false (and the reason at a field or in the status) when it cannot start now. */
    public boolean start() {
        if (running.get()) {
            return false;
        }
        fileTouched = true;
        FileSendPlan plan = validate();
        if (plan == null) {
            return refuse(SendFileTexts.TEXT.get("status.fix.fields"));
        }
        if (!path.ready().get()) {
            return refuse(SendFileTexts.TEXT.get("status.not.ready", path.hint().get()));
        }
        SendSink sink = path.raw().get();
        if (sink == null) {
            return refuse(SendFileTexts.TEXT.get("status.not.ready", path.hint().get()));
        }
        FileSender started;
        try {
            started = FileSender.start(Path.of(file.get().strip()), plan, sink);
        } catch (IOException e) {
            return refuse(SendFileTexts.TEXT.get("status.open.failed", String.valueOf(e.getMessage())));
        }
        sender = started;
        running.set(true);
        status.info(SendFileTexts.TEXT.get("status.running", started.file().getFileName()));
        readProgress();
        ticker.start();
        executor.onFx(started.done(), (outcome, failure) -> finished(started, outcome));
        return true;
    }

    private boolean refuse(String why) {
        status.error(why);
        return false;
    }

    private void finished(FileSender run, FileSendOutcome outcome) {
        if (run != sender) {
            return;
        }
        ticker.stop();
        readProgress();
        running.set(false);
        etaText.set("");
        if (outcome == null) {
            return;
        }
        String name = run.file().getFileName().toString();
        String sent = Formats.bytes(outcome.sent());
        String text = switch (outcome.ending()) {
            case COMPLETED -> SendFileTexts.TEXT.get("status.completed", name, sent,
                    DurationText.of(run.progress().elapsed()));
            case CANCELLED -> SendFileTexts.TEXT.get("status.cancelled", name, sent, Formats.bytes(run.total()));
            case FAILED -> SendFileTexts.TEXT.get("status.failed", name, sent, outcome.reason());
        };
        if (outcome.ending() == FileSendOutcome.Ending.FAILED) {
            status.error(text);
        } else {
            status.info(text);
        }
    }

    private void readProgress() {
        FileSender run = sender;
        if (run == null) {
            return;
        }
        FileSendProgress now = run.progress();
        progress.set(now.fraction());
        progressText.set(SendFileTexts.TEXT.get("progress.bytes", Formats.bytes(now.sent()),
                Formats.bytes(now.total()), Math.round(now.fraction() * 100)));
        rateText.set(SendFileTexts.TEXT.get("progress.rate", Formats.bytes(Math.round(now.bytesPerSecond()))));
        etaText.set(now.eta().map(eta -> SendFileTexts.TEXT.get("progress.eta",
                DurationText.of(eta.withNanos(0)))).orElse(""));
    }

    /** Ends the send, if one goes; its outcome arrives on the FX thread within milliseconds. */
    public void cancel() {
        if (sender != null) {
            sender.cancel();
        }
    }

    private void dispose() {
        cancel();
        ticker.stop();
    }

    /** Puts a chosen file into the path field. */
    public void choose(Path chosen) {
        file.set(chosen.toString());
    }

    public boolean datagrams() {
        return datagrams;
    }

    public StringProperty fileProperty() {
        return file;
    }

    public StringProperty rateLimitProperty() {
        return rateLimit;
    }

    public StringProperty datagramSizeProperty() {
        return datagramSize;
    }

    public ReadOnlyStringProperty fileErrorProperty() {
        return fileError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rateErrorProperty() {
        return rateError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sizeErrorProperty() {
        return sizeError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    /** 0..1, read once a frame while sending. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rateTextProperty() {
        return rateText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty etaTextProperty() {
        return etaText.getReadOnlyProperty();
    }

    /** The panel's status line: what the last start or run came to. */
    public PanelStatus status() {
        return status;
    }
}
