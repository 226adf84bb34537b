package com.socketworkbench.engine.sendfile;

import com.socketworkbench.engine.repeat.SendSink;
import com.socketworkbench.engine.repeat.StoppableWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Streams a file to a {@link SendSink} in chunks of {@link FileSendPlan#chunkBytes()}, on one virtual thread named
 * {@code send-file-N}. Only the chunks in flight are in memory (at most {@link FileSendPlan#window()} of them): the
 * sender waits for the oldest send's future before it reads the next chunk, so a 1 GB file goes through a small heap
 * and the engine's send queue never holds more than the window.
 *
 * <p>With a rate limit, the chunk that starts at byte {@code offset} is due at {@code start + offset / rate}: the
 * average rate from the start never exceeds the limit by more than one chunk. {@link #cancel()} takes effect within
 * milliseconds (sends already queued still go out). A read error or a failed send ends the run with the reason.
 */
public final class FileSender {
    private static final Logger log = LoggerFactory.getLogger(FileSender.class);
    private static final AtomicLong NAMES = new AtomicLong();

    private final Path file;
    private final FileSendPlan plan;
    private final SendSink sink;
    private final long total;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong sends = new AtomicLong();
    private final CompletableFuture<FileSendOutcome> done = new CompletableFuture<>();
    private final FileChannel channel;
    private volatile long started;
    private volatile long finished;
    private volatile boolean cancelled;
    private volatile Thread thread;

    private FileSender(Path file, FileSendPlan plan, SendSink sink) throws IOException {
        this.file = Objects.requireNonNull(file, "file");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.total = channel.size();
    }

    /**
     * Opens {@code file} and starts sending it.
     *
     * @throws IOException the file cannot be opened (its message says why)
     */
    public static FileSender start(Path file, FileSendPlan plan, SendSink sink) throws IOException {
        FileSender sender = new FileSender(file, plan, sink);
        sender.started = System.nanoTime();
        sender.thread = Thread.ofVirtual().name("send-file-" + NAMES.incrementAndGet()).unstarted(sender::run);
        sender.thread.start();
        return sender;
    }

    private void run() {
        FileSendOutcome outcome;
        try (FileChannel in = channel) {
            outcome = loop(in);
        } catch (IOException e) {
            outcome = outcome(FileSendOutcome.Ending.FAILED,
                    FileSendPlan.TEXT.get("read.failed", file.getFileName(), String.valueOf(e.getMessage())));
        } catch (RuntimeException | Error e) {
            log.warn("Sending {} ended by an error", file, e);
            outcome = outcome(FileSendOutcome.Ending.FAILED, String.valueOf(e.getMessage()));
        }
        finished = System.nanoTime();
        done.complete(outcome);
    }

    private record InFlight(CompletableFuture<?> written, int bytes) {
    }

    private FileSendOutcome loop(FileChannel in) throws IOException {
        ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
        long offset = 0;
        while (offset < total) {
            if (plan.bytesPerSecond() > 0 && !StoppableWait.until(
                    started + (long) (offset * 1e9 / plan.bytesPerSecond()), this::isCancelled)) {
                return outcome(FileSendOutcome.Ending.CANCELLED, "");
            }
            if (inFlight.size() >= plan.window()) {
                FileSendOutcome ended = settle(inFlight.poll());
                if (ended != null) {
                    return ended;
                }
            }
            if (cancelled) {
                return outcome(FileSendOutcome.Ending.CANCELLED, "");
            }
            byte[] chunk = read(in, offset, (int) Math.min(plan.chunkBytes(), total - offset));
            if (chunk == null) {
                return outcome(FileSendOutcome.Ending.FAILED, FileSendPlan.TEXT.get("file.shrank", file.getFileName()));
            }
            CompletableFuture<?> written;
            try {
                written = sink.send(chunk);
            } catch (RuntimeException e) {
                written = CompletableFuture.failedFuture(e);
            }
            inFlight.add(new InFlight(written, chunk.length));
            sends.incrementAndGet();
            offset += chunk.length;
        }
        while (!inFlight.isEmpty()) {
            FileSendOutcome ended = settle(inFlight.poll());
            if (ended != null) {
                return ended;
            }
        }
        return outcome(FileSendOutcome.Ending.COMPLETED, "");
    }

    /** Waits for one send; null when it was written, otherwise how the run ends. */
    private FileSendOutcome settle(InFlight oldest) {
        if (!StoppableWait.forFuture(oldest.written(), this::isCancelled)) {
            return outcome(FileSendOutcome.Ending.CANCELLED, "");
        }
        String failure = StoppableWait.failureOf(oldest.written());
        if (!failure.isEmpty()) {
            return outcome(FileSendOutcome.Ending.FAILED, failure);
        }
        sent.addAndGet(oldest.bytes());
        return null;
    }

    /** {@code length} bytes from {@code position}, or null when the file ended before (it shrank). */
    private static byte[] read(FileChannel in, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            int read = in.read(buffer, position + buffer.position());
            if (read < 0) {
                return null;
            }
        }
        return buffer.array();
    }

    private FileSendOutcome outcome(FileSendOutcome.Ending ending, String reason) {
        return new FileSendOutcome(ending, sent.get(), sends.get(), reason);
    }

    private boolean isCancelled() {
        return cancelled;
    }

    /** Stops reading and sending; the thread ends within milliseconds. Idempotent. */
    public void cancel() {
        cancelled = true;
        Thread running = thread;
        if (running != null) {
            LockSupport.unpark(running);
        }
    }

    /** Bytes written, the total, and the time since the start (until the end once it has ended). */
    public FileSendProgress progress() {
        long end = done.isDone() ? finished : System.nanoTime();
        return new FileSendProgress(sent.get(), total, Duration.ofNanos(end - started));
    }

    public Path file() {
        return file;
    }

    public long total() {
        return total;
    }

    public FileSendPlan plan() {
        return plan;
    }

    /** Completes once the thread has ended, with how the send ended. */
    public CompletableFuture<FileSendOutcome> done() {
        return done;
    }

    public boolean isRunning() {
        return !done.isDone();
    }
}
