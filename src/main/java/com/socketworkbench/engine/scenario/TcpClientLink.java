package com.socketworkbench.engine.scenario;

import static com.socketworkbench.engine.scenario.ScenarioTexts.TEXT;

import com.socketworkbench.engine.event.CloseReason;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.tcp.CloseMode;
import com.socketworkbench.engine.tcp.TcpClient;
import com.socketworkbench.engine.tcp.TcpClientConfig;
import com.socketworkbench.engine.text.DurationText;

import java.net.SocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@code tcp: host:port}: a {@link TcpClient} connected at the start of the run. */
final class TcpClientLink extends Link {
    private TcpClient client;
    /** The message of the connection's first failure, for the close that follows it. */
    private volatile String firstFailure;
    /** Completed by the connection's close event, which follows its failures. */
    private final CompletableFuture<Void> ended = new CompletableFuture<>();

    TcpClientLink(ConnectionSpec spec, EventSink out) {
        super(spec, new StreamInbox(), out);
    }

    @Override
    void route(NetEvent event) {
        if (event instanceof Failure failure) {
            if (firstFailure == null) {
                firstFailure = failure.message(); // the cause: later ones (a send refused) follow from it
            }
        } else if (event instanceof ConnectionClosed closed) {
            // Closed after an error: the error says why (a TLS 1.3 server refusing the client certificate does so
            // at the first read, after the handshake passed), which "closed after an error" alone does not.
            String failure = firstFailure;
            boolean failed = closed.reason() == CloseReason.ERROR || closed.reason() == CloseReason.RESET;
            inbox.closed(failed && failure != null
                    ? TEXT.get("fail.closed.because", closed.reason().description(), failure)
                    : closed.reason().description());
            ended.complete(null);
        }
    }

    @Override
    SocketAddress open(HostPort address, RunControl control) throws StepFailure, RunControl.Stopped {
        client = new TcpClient(new TcpClientConfig(address.host(), address.port(), spec.connectTimeout())
                .withTls(spec.tls()), this::emit);
        // With TLS the handshake follows the connect and may take as long again.
        java.time.Duration limit = spec.tls() == null ? spec.connectTimeout()
                : spec.connectTimeout().plus(spec.tls().handshakeTimeout());
        try {
            control.await(client.connect(), after(limit.plusSeconds(1)));
            return client.localSocketAddress();
        } catch (TimeoutException e) {
            throw new StepFailure(TEXT.get("fail.connect", spec.name(), address,
                    TEXT.get("fail.connect.timeout", DurationText.of(spec.connectTimeout()))));
        } catch (ExecutionException e) {
            throw new StepFailure(TEXT.get("fail.connect", spec.name(), address, reason(e)));
        }
    }

    /**
     * A send refused because the connection just closed may come before the engine's report of why: that report
     * (the Failure, then the close) is waited for, briefly.
     */
    @Override
    String failureReason() {
        try {
            ended.get(1, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException stillOpen) {
            // A send that failed on an open connection: its own reason is all there is.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return firstFailure;
    }

    @Override
    void send(byte[] data, RunControl control) throws StepFailure {
        queued(client.send(data));
    }

    /** Sends what is queued, then FIN, like the TCP Client tab's Disconnect. */
    @Override
    void close() {
        if (client != null) {
            client.close(CloseMode.GRACEFUL);
            client.close();
        }
    }
}
