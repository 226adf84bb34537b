package com.socketworkbench.engine.scenario;

import static com.socketworkbench.engine.scenario.ScenarioTexts.TEXT;

import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.tcp.CloseMode;
import com.socketworkbench.engine.tcp.TcpClient;
import com.socketworkbench.engine.tcp.TcpClientConfig;
import com.socketworkbench.engine.text.DurationText;

import java.net.SocketAddress;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** {@code tcp: host:port}: a {@link TcpClient} connected at the start of the run. */
final class TcpClientLink extends Link {
    private TcpClient client;

    TcpClientLink(ConnectionSpec spec, EventSink out) {
        super(spec, new StreamInbox(), out);
    }

    @Override
    void route(NetEvent event) {
        if (event instanceof ConnectionClosed closed) {
            inbox.closed(closed.reason().description());
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
