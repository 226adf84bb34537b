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

    /** Sends one payload and waits until it is written. */
    abstract void send(byte[] data, long deadline, RunControl control) throws StepFailure, RunControl.Stopped;

    /** Closes everything the link opened; safe to call twice. */
    abstract void close();

    /** Waits for a send to be written; a failure is worded for the step. */
    final void awaitSent(CompletableFuture<?> sent, long deadline, RunControl control)
            throws StepFailure, RunControl.Stopped {
        try {
            control.await(sent, deadline);
        } catch (TimeoutException e) {
            throw new StepFailure(TEXT.get("fail.send.timeout", spec.name(),
                    DurationText.of(spec.within())));
        } catch (ExecutionException e) {
            throw new StepFailure(TEXT.get("fail.send", spec.name(), reason(e)));
        }
    }

    static String reason(ExecutionException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    static long after(Duration duration) {
        return System.nanoTime() + duration.toNanos();
    }
}
