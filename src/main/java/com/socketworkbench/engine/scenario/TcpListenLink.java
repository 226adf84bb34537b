package com.socketworkbench.engine.scenario;

import static com.socketworkbench.engine.scenario.ScenarioTexts.TEXT;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.ConnectionAccepted;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.net.SocketErrorException;
import com.socketworkbench.engine.tcp.CloseMode;
import com.socketworkbench.engine.tcp.TcpServer;
import com.socketworkbench.engine.tcp.TcpServerConfig;
import com.socketworkbench.engine.text.DurationText;

import java.net.SocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * {@code listen: {tcp: host:port}}: a {@link TcpServer} bound at the start of the run; the first client it accepts is
 * the connection's peer (the step that first uses the connection waits for it, up to {@code connectTimeout}).
 * Later clients are accepted by the server but take no part.
 */
final class TcpListenLink extends Link {
    private final CompletableFuture<Long> client = new CompletableFuture<>();
    private volatile long clientId = -1;
    private TcpServer server;

    TcpListenLink(ConnectionSpec spec, EventSink out) {
        super(spec, new StreamInbox(), out);
    }

    @Override
    boolean accepts(BytesReceived received) {
        return received.connectionId() == clientId;
    }

    @Override
    void route(NetEvent event) {
        if (event instanceof ConnectionAccepted accepted && clientId < 0) {
            // Set before any of its bytes: a connection's events come one after the other on its own thread.
            clientId = accepted.connectionId();
            client.complete(clientId);
        } else if (event instanceof ConnectionClosed closed && closed.connectionId() == clientId) {
            inbox.closed(closed.reason().description());
        }
    }

    @Override
    SocketAddress open(HostPort address, RunControl control) throws StepFailure {
        server = new TcpServer(new TcpServerConfig(address.host(), address.port()), this::emit);
        try {
            return server.start();
        } catch (SocketErrorException e) {
            throw new StepFailure(TEXT.get("fail.listen", spec.name(), address, e.getMessage()));
        }
    }

    /** The accepted client's id, waiting for it when none has connected yet. */
    private long client(RunControl control) throws StepFailure, RunControl.Stopped {
        try {
            return control.await(client, after(spec.connectTimeout()));
        } catch (TimeoutException e) {
            throw new StepFailure(TEXT.get("fail.accept.timeout", spec.name(),
                    DurationText.of(spec.connectTimeout())));
        } catch (ExecutionException e) {
            throw new StepFailure(TEXT.get("fail.accept", spec.name(), reason(e)));
        }
    }

    /** Makes sure a client is there before an expect waits on its bytes. */
    void awaitClient(RunControl control) throws StepFailure, RunControl.Stopped {
        client(control);
    }

    @Override
    void send(byte[] data, RunControl control) throws StepFailure, RunControl.Stopped {
        long id = client(control);
        queued(server.send(id, data));
    }

    /** Closes the client gracefully and stops listening. */
    @Override
    void close() {
        if (server != null) {
            if (clientId >= 0) {
                server.close(clientId, CloseMode.GRACEFUL);
            }
            server.close();
        }
    }
}
