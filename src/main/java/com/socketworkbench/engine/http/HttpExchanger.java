package com.socketworkbench.engine.http;

import com.socketworkbench.engine.text.Texts;

import com.socketworkbench.engine.runtime.EngineThreads;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Sends prepared requests over plain sockets (TLS via SSLSocket) and records the exact response bytes. One per HTTP
 * tab: one exchange at a time, an optional kept-alive connection for the next request to the same target.
 *
 * <p>Each exchange runs on its own named virtual thread {@code http-exchange-<n>} ({@link ExchangeRun}), with one
 * more for its deadline ({@code http-deadline-<n>}) and one watching a large request's write; no thread exists while
 * the exchanger is idle, and {@link #close()} waits for them. However the exchange thread ends, an Error included,
 * its future completes and its connection is closed: the exchanger is never left busy.
 */
public final class HttpExchanger implements AutoCloseable {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.http.http");

    private static final AtomicLong EXCHANGE_IDS = new AtomicLong();
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    private final KeyStore trustStore;
    private final EngineThreads threads = new EngineThreads();
    private final ConnectionSlot slot = new ConnectionSlot();
    private final Object lock = new Object();
    private X509ExtendedTrustManager trustManager;
    private CompletableFuture<HttpExchange> current;
    private boolean closed;

    /** Verifies servers against the platform's trusted certificate authorities. */
    public HttpExchanger() {
        this(null);
    }

    /**
     * @param trustStore the certificates to trust instead of the platform's (e.g. a private CA); null for the
     *                   platform's
     */
    public HttpExchanger(KeyStore trustStore) {
        this.trustStore = trustStore;
    }

    /**
     * Starts an exchange. The future always completes normally with an {@link HttpExchange} (a failure is described
     * in {@link HttpExchange#failure()}), except when the exchanger is closed or busy (IllegalStateException).
     * Cancelling the future cancels the exchange.
     */
    public CompletableFuture<HttpExchange> send(HttpTarget target, PreparedRequest request, RequestOptions options,
                                               ExchangeListener listener) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(options, "options");
        ExchangeListener safeListener = listener == null ? ExchangeListener.NONE : listener;
        CompletableFuture<HttpExchange> future = new CompletableFuture<>();
        synchronized (lock) {
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException(TEXT.get("failure.tabClosed")));
            }
            if (current != null && !current.isDone()) {
                return CompletableFuture.failedFuture(new IllegalStateException(
                        TEXT.get("failure.busy")));
            }
            current = future;
            long id = EXCHANGE_IDS.incrementAndGet();
            slot.begin(id);
            ExchangeRun run = new ExchangeRun(id, target, request, options, safeListener, slot, this::trustManager,
                    threads);
            try {
                threads.start("http-exchange-" + id, () -> complete(future, run));
            } catch (RuntimeException | Error e) {
                // No thread, no exchange: the caller sees the failure instead of a future that never completes.
                future.completeExceptionally(e);
                return future;
            }
        }
        future.whenComplete((result, error) -> {
            if (error instanceof CancellationException) {
                cancel();
            }
        });
        return future;
    }

    /**
     * Runs the exchange and completes its future. {@link ExchangeRun#execute()} returns a result whatever happens; if
     * even making that result fails (the heap is exhausted), the future fails with the cause, the connection is
     * closed, and the Error goes on to the thread's own handler.
     */
    private static void complete(CompletableFuture<HttpExchange> future, ExchangeRun run) {
        HttpExchange exchange;
        try {
            exchange = run.execute();
        } catch (Throwable t) {
            run.abandon();
            future.completeExceptionally(t);
            throw t;
        }
        if (!future.complete(exchange)) {
            exchange.close();
        }
    }

    /** Whether {@code failure} is the one a cancel ends an exchange with (the user's own doing, not an error). */
    public static boolean isCancellation(String failure) {
        return ExchangeFailure.CANCELLED.equals(failure);
    }

    /** Stops the running exchange by closing its socket; its future completes with a "Cancelled" failure. */
    public void cancel() {
        slot.cancel();
    }

    public boolean isBusy() {
        synchronized (lock) {
            return current != null && !current.isDone();
        }
    }

    /** The target of the kept-alive connection, if one is open. */
    public Optional<HttpTarget> openConnectionTarget() {
        return slot.keptTarget();
    }

    /**
     * The connection the last exchange's 101 switched to WebSocket (its request asked for {@code Upgrade:
     * websocket}), once: the caller owns it from then on and must close it. Untaken, it is closed when the next
     * exchange starts, the connection is closed or the exchanger closes.
     */
    public Optional<UpgradedConnection> takeUpgraded() {
        return slot.takeUpgraded();
    }

    /** Closes the kept-alive connection, if any; the next request opens a new one. */
    public void closeConnection() {
        slot.closeKept();
    }

    /** Cancels a running exchange, closes the kept connection and waits (briefly) for the exchange's threads. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
        slot.close();
        cancel();
        closeConnection();
        threads.awaitTermination(CLOSE_WAIT);
    }

    /** Bytes that arrived unasked on the kept-alive connection (0 without one); for tests. */
    int keptConnectionUnreadBytes() {
        return slot.keptUnreadBytes();
    }

    /** The exchange threads still running; for tests. */
    List<Thread> liveThreads() {
        return threads.live();
    }

    private X509ExtendedTrustManager trustManager() throws GeneralSecurityException {
        synchronized (lock) {
            if (trustManager == null) {
                trustManager = TlsSupport.trustManager(trustStore);
            }
            return trustManager;
        }
    }
}
