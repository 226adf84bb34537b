package com.socketworkbench.engine.websocket;

import static com.socketworkbench.engine.websocket.WsUrl.TEXT;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * A {@link WsSession}'s writing side: a bounded queue of frames and the virtual thread ({@code ws-writer
 * host:port}) that writes them in order, so sending never blocks the caller. Each frame is reported as an outgoing
 * {@link WsEvent.Frame} as it is written, a fragmented message as one {@link WsEvent.Message} after its last frame.
 * Entries may be queued before the thread starts; they go out once it does.
 */
final class FrameWriter {
    /** One entry of the queue: frames written in order, then the socket closed when asked. */
    private record Outgoing(List<WsFrame> frames, WsMessage message, boolean closeAfter, List<WsVerdict> verdicts) {
        Outgoing(List<WsFrame> frames, WsMessage message, boolean closeAfter) {
            this(frames, message, closeAfter, List.of());
        }
    }

    private static final Outgoing STOP = new Outgoing(List.of(), null, false);

    private final String authority;
    private final Consumer<WsEvent> emit;
    private final Runnable closeSocket;
    private final Consumer<String> failed;
    private final BlockingQueue<Outgoing> outgoing = new ArrayBlockingQueue<>(WsSession.SEND_QUEUE);
    private Thread thread;

    /**
     * @param emit        reports what was written
     * @param closeSocket closes the connection (after a close frame that ends it, or a failed write)
     * @param failed      told why writing failed, before the connection is closed
     */
    FrameWriter(String authority, Consumer<WsEvent> emit, Runnable closeSocket, Consumer<String> failed) {
        this.authority = authority;
        this.emit = emit;
        this.closeSocket = closeSocket;
        this.failed = failed;
    }

    /** Whether {@link #start} was called; only the session thread calls both. */
    boolean started() {
        return thread != null;
    }

    /** Queues frames the user asked for; refused with the reason in words when the queue is full. */
    void enqueue(List<WsFrame> frames, WsMessage message) {
        if (!outgoing.offer(new Outgoing(frames, message, false))) {
            throw new IllegalStateException(TEXT.get("send.queueFull", WsSession.SEND_QUEUE));
        }
    }

    /**
     * Queues an expert frame the user built, reported with {@code verdicts} (how it breaks the protocol); refused
     * like {@link #enqueue} when the queue is full.
     */
    void enqueueRaw(WsFrame frame, List<WsVerdict> verdicts) {
        if (!outgoing.offer(new Outgoing(List.of(frame), null, false, List.copyOf(verdicts)))) {
            throw new IllegalStateException(TEXT.get("send.queueFull", WsSession.SEND_QUEUE));
        }
    }

    /**
     * Queues a frame the session sends by itself (a pong, a close answer); dropped when the queue is full, as a
     * stalled server gets no answers. With {@code closeAfter} the connection is closed once it is written.
     */
    void offer(WsFrame frame, boolean closeAfter) {
        outgoing.offer(new Outgoing(List.of(frame), null, closeAfter));
    }

    void start(OutputStream out) {
        thread = Thread.ofVirtual().name("ws-writer " + authority).start(() -> write(out));
    }

    /**
     * Lets what is queued go out, then ends the thread, waiting up to a second: a close frame queued by a failing
     * frame goes out first; a writer stuck on a full socket is cut off by the caller closing it.
     */
    void stop() {
        Thread running = thread;
        if (running != null && outgoing.offer(STOP)) {
            try {
                running.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void write(OutputStream out) {
        try {
            while (true) {
                Outgoing next = outgoing.take();
                if (next == STOP) {
                    return;
                }
                for (WsFrame frame : next.frames()) {
                    // Only a fragmented message has a WsMessage; a single frame is its own message.
                    int messageOpcode = next.message() == null ? frame.opcode() : next.message().opcode();
                    emit.accept(new WsEvent.Frame(Instant.now(), Direction.OUT, frame, next.verdicts(),
                            messageOpcode, null));
                    out.write(FrameEncoder.wire(frame));
                }
                out.flush();
                if (next.message() != null) {
                    emit.accept(new WsEvent.Message(Instant.now(), Direction.OUT, next.message()));
                }
                if (next.closeAfter()) {
                    closeSocket.run();
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            failed.accept(TEXT.get("closed.writeFailed", String.valueOf(e.getMessage())));
            closeSocket.run();
        }
    }
}
