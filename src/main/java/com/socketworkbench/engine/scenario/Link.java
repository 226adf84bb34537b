package com.socketworkbench.engine.scenario;

import static com.socketworkbench.engine.scenario.ScenarioTexts.TEXT;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.text.DurationText;

import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * One connection of a running scenario, built on the engine's own socket objects so that their events (the same
 * {@link NetEvent}s a socket tab shows) go to the run's sink, while the bytes that arrive also go to its
 * {@link Inbox} for expects.
 */
abstract sealed class Link permits TcpClientLink, TcpListenLink, UdpLink {
    final ConnectionSpec spec;
    final Inbox inbox;
    private final EventSink out;

    Link(ConnectionSpec spec, Inbox inbox, EventSink out) {
        this.spec = spec;
        this.inbox = inbox;
        this.out = out;
    }

    static Link of(ConnectionSpec spec, EventSink out) {
        return switch (spec.transport()) {
            case TCP -> spec.listen() ? new TcpListenLink(spec, out) : new TcpClientLink(spec, out);
            case UDP -> new UdpLink(spec, out);
        };
    }

    /** The engine objects' sink: routes received bytes to the inbox, passes every event on. */
    final void emit(NetEvent event) {
        if (event instanceof BytesReceived received && !received.incomplete() && accepts(received)) {
            inbox.add(received.data());
        }
        route(event);
        out.emit(event);
    }

    /** Whether these bytes belong to this link (a listener takes only its first client's). */
    boolean accepts(BytesReceived received) {
        return true;
    }

    /** Anything else the link follows (accepted clients, closes). */
    void route(NetEvent event) {
    }

    /** Connects or binds; returns the local address (for a listener, the one clients connect to). */
    abstract SocketAddress open(HostPort address, RunControl control) throws StepFailure, RunControl.Stopped;

    /** Queues one payload (see {@link #queued}). */
    abstract void send(byte[] data, RunControl control) throws StepFailure, RunControl.Stopped;

    /** Closes everything the link opened; safe to call twice. */
    abstract void close();

    /**
     * The latest send not yet known to be written. A send step passes once its bytes are queued (waiting for the
     * write would cost a thread hand-off per step, a third of a request/reply); the next step on the connection, or
     * the end of the run, looks at how it went.
     */
    private CompletableFuture<?> unconfirmed;

    /** Hands a queued send over: fails now if it already failed, otherwise checked by {@link #confirmSent}. */
    final void queued(CompletableFuture<?> sent) throws StepFailure {
        unconfirmed = sent;
        if (sent.isDone()) {
            confirmSent();
        }
    }

    /** Fails when the latest send failed to be written (it stays failed for every later step on the link). */
    final void confirmSent() throws StepFailure {
        CompletableFuture<?> sent = unconfirmed;
        if (sent == null || !sent.isDone()) {
            return;
        }
        if (sent.isCompletedExceptionally()) {
            try {
                sent.join();
            } catch (RuntimeException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw sendFailed(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
            }
        }
        unconfirmed = null;
    }

    /** Waits until the latest send is written (the end of a run, a close); a failure is worded for the step. */
    final void awaitSent(long deadline, RunControl control) throws StepFailure, RunControl.Stopped {
        CompletableFuture<?> sent = unconfirmed;
        if (sent == null) {
            return;
        }
        try {
            control.await(sent, deadline);
        } catch (TimeoutException e) {
            throw new StepFailure(TEXT.get("fail.send.timeout", spec.name(),
                    DurationText.of(spec.within())));
        } catch (ExecutionException e) {
            throw sendFailed(reason(e));
        } finally {
            unconfirmed = null;
        }
    }

    /**
     * The error the connection failed with, when it did (a server that refused the TLS client certificate): a send
     * refused because the connection is closed says it. Null when there was none.
     */
    String failureReason() {
        return null;
    }

    private StepFailure sendFailed(String reason) {
        String failure = failureReason();
        return new StepFailure(failure == null || reason.contains(failure) ? TEXT.get("fail.send", spec.name(), reason)
                : TEXT.get("fail.send.because", spec.name(), reason, failure));
    }

    static String reason(ExecutionException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    static long after(Duration duration) {
        return System.nanoTime() + duration.toNanos();
    }
}
