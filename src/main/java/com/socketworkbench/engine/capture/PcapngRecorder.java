package com.socketworkbench.engine.capture;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.event.Operation;
import com.socketworkbench.engine.net.SocketErrors;
import com.socketworkbench.engine.runtime.EngineThreads;
import com.socketworkbench.engine.runtime.GuardedSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records a tab's events to pcapng files as they happen: an {@link EventSink} the tab tees its event stream into
 * (e.g. {@code event -> { recorder.emit(event); pump.emit(event); }}), with the packets synthesized as for
 * {@link PcapngExport} and written by one background thread ({@code capture-writer-<file name>}, started through
 * {@link EngineThreads}). Files rotate at {@link RecorderConfig#maxFileBytes} ({@code capture.pcapng},
 * {@code capture-1.pcapng}, ...; see {@link RotatingCapture}).
 *
 * <p><b>Nothing is lost or reordered, so {@link #emit} may wait.</b> Events queue in the order {@code emit} is
 * called, bounded by their bytes ({@link RecorderConfig#queueBytes}). If the writer falls behind (a slow disk) and
 * the queue is full, {@code emit} waits for it on the caller's thread instead of dropping the event: unlike other
 * sinks, this one can block a socket thread, which slows the traffic (TCP pushes back on the peer). It waits only
 * for the writer and the disk, never for the UI. Do not call {@code emit} on the FX thread.
 *
 * <p>{@link #stop()} (or {@link #close()}) stops taking events, writes those queued, flushes and closes the file.
 * A failure to write (a full disk, a folder that cannot be written) stops the recording: the file is cut back to
 * its last whole event, one {@link Failure} (operation START, with the kind of {@link CaptureFileException}) goes to
 * the {@code failures} sink given at start, and {@link #completion()} completes with a summary carrying it.
 * Events arriving after the recorder stopped are counted, not recorded.
 */
public final class PcapngRecorder implements EventSink, AutoCloseable {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.capture.capture");
    private static final Logger LOG = LoggerFactory.getLogger(PcapngRecorder.class);
    private static final int BATCH = 4_096;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(60);
    /** How long the writer waits for more events before it hands the last partial disk block to the file. */
    private static final long IDLE_FLUSH_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /** At most this long between two flushes while events trickle in without a pause. */
    private static final long FLUSH_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final RecorderConfig config;
    private final EventSink failures;
    private final RotatingCapture capture;
    private final RecorderQueue queue;
    private final EngineThreads threads = new EngineThreads();
    private final CompletableFuture<RecordingSummary> completion = new CompletableFuture<>();
    private final AtomicLong refused = new AtomicLong();
    private volatile long recorded;
    private volatile long bytesOnDisk;
    private volatile Path currentFile;
    private volatile long lostAtFailure;
    private volatile boolean running = true;

    private PcapngRecorder(RecorderConfig config, EventSink failures, RotatingCapture capture) {
        this.config = config;
        this.failures = failures;
        this.capture = capture;
        this.queue = new RecorderQueue(config.queueBytes());
        this.currentFile = capture.currentFile();
        this.bytesOnDisk = capture.bytes();
    }

    /**
     * Creates the first file and starts the writer. Blocking file I/O: call it off the FX thread.
     *
     * @param failures where the Failure that stops a recording goes (the tab's event sink, so it shows in the
     *                 timeline); called on the writer thread
     * @throws CaptureFileException after emitting its Failure, when the first file cannot be created
     */
    public static PcapngRecorder start(RecorderConfig config, EventSink failures) throws CaptureFileException {
        Objects.requireNonNull(config, "config");
        EventSink guarded = new GuardedSink(Objects.requireNonNull(failures, "failures"));
        RotatingCapture capture;
        try {
            capture = RotatingCapture.open(config);
        } catch (IOException e) {
            CaptureFileException error = CaptureErrors.writing(config.file(), e);
            guarded.emit(failure(error, TEXT.get("recorder.start.failed", error.getMessage())));
            throw error;
        }
        PcapngRecorder recorder = new PcapngRecorder(config, guarded, capture);
        recorder.threads.start("capture-writer-" + config.file().getFileName(), recorder::writeLoop);
        return recorder;
    }

    /** Queues {@code event} for the file, waiting while the queue is full (see the class comment). */
    @Override
    public void emit(NetEvent event) {
        if (!queue.put(Objects.requireNonNull(event, "event"))) {
            refused.incrementAndGet();
        }
    }

    /**
     * Queues {@code event} without ever waiting, even when the queue is full (it then holds a little more than
     * {@link RecorderConfig#queueBytes}): for a thread that must not block, such as the FX thread emitting a notice or
     * a refused send. Keeps the order with {@link #emit}. Meant for rare events, never a flood.
     */
    public void emitWithoutWaiting(NetEvent event) {
        if (!queue.putWithoutWaiting(Objects.requireNonNull(event, "event"))) {
            refused.incrementAndGet();
        }
    }

    /**
     * Stops taking events; the writer writes those queued, flushes and closes the file. Returns at once; the future
     * completes when the file is closed (or the recording failed).
     */
    public CompletableFuture<RecordingSummary> stop() {
        running = false;
        queue.close();
        return completion;
    }

    /** Stops and waits (up to a minute) for the file to be closed. Blocking: call it off the FX thread. */
    @Override
    public void close() {
        try {
            stop().get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("The recording to {} did not finish within {}", config.file(), CLOSE_WAIT, e);
        }
    }

    /** Completes when the recording ends, by {@link #stop()} or by a failure (then the summary carries it). */
    public CompletableFuture<RecordingSummary> completion() {
        return completion;
    }

    /** True until stopped or failed. */
    public boolean isRecording() {
        return running && !completion.isDone();
    }

    /** The Failure that stopped the recording, once it has. */
    public Optional<Failure> failure() {
        return completion.isDone() ? completion.join().failed() : Optional.empty();
    }

    /**
     * Events given to {@link #emit} that are not and will not be in the files: those that came after the recorder
     * stopped, and after a failure those that were still waiting to be written.
     */
    public long eventsNotRecorded() {
        return refused.get() + lostAtFailure;
    }

    /** Events whose packets are in the files so far (grows as the writer flushes). */
    public long eventsRecorded() {
        return recorded;
    }

    /** The size of the files so far, as of the writer's last flush (for a status line; exact once ended). */
    public long bytesWritten() {
        return bytesOnDisk;
    }

    /** The file being written now (the first, or a later one after rotation). */
    public Path currentFile() {
        return currentFile;
    }

    public RecorderConfig config() {
        return config;
    }

    private void writeLoop() {
        List<NetEvent> batch = new ArrayList<>(BATCH);
        long flushedAt = System.nanoTime();
        try {
            while (queue.drainTo(batch, BATCH) > 0) {
                for (NetEvent event : batch) {
                    capture.write(event);
                }
                batch.clear();
                // Whole disk blocks were written as the buffer filled. The rest goes once no event follows soon, so
                // a flood does not write each block's last part twice (CaptureFileChannel), and at least every
                // FLUSH_EVERY_NANOS the writer catches up, so a slow trickle reaches the file too.
                boolean due = System.nanoTime() - flushedAt >= FLUSH_EVERY_NANOS;
                if (!queue.awaitEvent(due ? 0 : IDLE_FLUSH_NANOS)) {
                    capture.flush();
                    flushedAt = System.nanoTime();
                }
                recorded = capture.eventsOnDisk();
                bytesOnDisk = capture.bytes();
                currentFile = capture.currentFile();
            }
            capture.close();
            recorded = capture.eventsOnDisk();
            bytesOnDisk = capture.bytes();
            completion.complete(summary(null));
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    private void fail(Exception e) {
        running = false;
        queue.abort();
        CaptureFileException error = CaptureErrors.writing(capture.currentFile(), e);
        try {
            capture.abandon();
        } catch (IOException | RuntimeException again) {
            error.addSuppressed(again);
        }
        recorded = capture.eventsOnDisk();
        bytesOnDisk = capture.bytes();
        Failure failure = failure(error, TEXT.get(recorded == 1 ? "recorder.stopped.one" : "recorder.stopped.other",
                error.getMessage(), recorded, describeFiles()));
        LOG.warn("Recording to {} failed", capture.currentFile(), e);
        failures.emit(failure);
        completion.complete(summary(failure));
    }

    private String describeFiles() {
        List<Path> files = capture.files();
        return files.size() == 1 ? files.getFirst().toString() : TEXT.get("recorder.files", files.size(),
                files.getFirst());
    }

    /** Every event that got into the queue is on disk, skipped, or (after a failure) lost with the queue. */
    private RecordingSummary summary(Failure failure) {
        long lost = queue.accepted() - capture.eventsOnDisk() - capture.skippedTotal();
        lostAtFailure = lost;
        return new RecordingSummary(capture.files(), capture.eventsOnDisk(), capture.skipped(),
                lost + refused.get(), capture.bytes(), queue.waits(), failure, capture.filesDeleted());
    }

    private static Failure failure(CaptureFileException error, String message) {
        return new Failure(Instant.now(), 0, null, null, Operation.START, error.kind(), message,
                SocketErrors.technicalDetail(error.getCause() == null ? error : error.getCause()));
    }
}
