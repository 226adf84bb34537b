package com.socketworkbench.engine.websocket;

import static com.socketworkbench.engine.websocket.WsUrl.TEXT;

import com.socketworkbench.engine.text.DurationText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One deadline over the connect, the TLS handshake and the handshake response of a {@link WsSession}: a read timeout
 * alone restarts with every byte, so a server trickling its head could hold the attempt for hours. A thread of its
 * own ({@code ws-handshake-deadline host:port}) closes the connection when the time is up, which fails whatever was
 * blocked on it; the failure then says where the handshake was ({@link #words()}). Once the handshake settled the
 * thread has nothing to do.
 */
final class HandshakeDeadline {
    private static final Logger LOG = LoggerFactory.getLogger(HandshakeDeadline.class);

    /** Where the handshake is, for the words. */
    enum Phase { CONNECT, TLS, RESPONSE }

    private final Duration timeout;
    private final long deadlineNanos;
    private final CountDownLatch settled = new CountDownLatch(1);
    private final Object lock = new Object();
    /** The thread closed the connection; guarded by {@link #lock} against the handshake settling at that moment. */
    private boolean passed;
    private volatile Phase phase = Phase.CONNECT;
    /** Bytes of the handshake response read so far. */
    private volatile long responseBytes;

    private HandshakeDeadline(Duration timeout) {
        this.timeout = timeout;
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
    }

    /** Starts counting {@code timeout} for the handshake with {@code url}; {@code close} ends the connection. */
    static HandshakeDeadline start(WsUrl url, Duration timeout, Runnable close) {
        HandshakeDeadline deadline = new HandshakeDeadline(timeout);
        Thread.ofVirtual().name("ws-handshake-deadline " + url.authority()).start(() -> deadline.watch(url, close));
        return deadline;
    }

    private void watch(WsUrl url, Runnable close) {
        try {
            if (settled.await(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        synchronized (lock) {
            if (settled.getCount() == 0) {
                return;
            }
            passed = true;
        }
        LOG.debug("WebSocket handshake with {} ran past {}", url.authority(), timeout);
        close.run();
    }

    /** What is left of the deadline, at least a millisecond (a socket timeout of 0 would mean none). */
    Duration remaining() {
        return Duration.ofNanos(Math.max(TimeUnit.MILLISECONDS.toNanos(1), deadlineNanos - System.nanoTime()));
    }

    void phase(Phase now) {
        phase = now;
    }

    /** {@code in}, counting the response's bytes as they are read, so the words can say how far the server got. */
    InputStream counting(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    responseBytes++;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    responseBytes += n;
                }
                return n;
            }
        };
    }

    /** The handshake is settled, either way; true when the deadline had passed first (the connection is closed). */
    boolean settle() {
        synchronized (lock) {
            settled.countDown();
            return passed;
        }
    }

    /** The deadline's words when it passed (whatever the failure it caused looked like), else {@code otherwise}. */
    String wordsOr(String otherwise) {
        synchronized (lock) {
            return passed ? words() : otherwise;
        }
    }

    /** Why the deadline ended the attempt, saying where the handshake was. */
    String words() {
        String where = switch (phase) {
            case CONNECT -> TEXT.get("failed.deadline.connect");
            case TLS -> TEXT.get("failed.deadline.tls");
            case RESPONSE -> responseBytes == 0 ? TEXT.get("failed.deadline.noResponse")
                    : TEXT.get("failed.deadline.response", responseBytes);
        };
        return TEXT.get("failed.deadline", DurationText.of(timeout), where);
    }
}
