package com.socketworkbench.engine.scenario;

import static com.socketworkbench.engine.scenario.ScenarioTexts.TEXT;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.net.SocketErrorException;
import com.socketworkbench.engine.udp.UdpConfig;
import com.socketworkbench.engine.udp.UdpEndpoint;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;

/**
 * {@code udp: host:port}: a {@link UdpEndpoint} on an ephemeral port that sends to the address; or
 * {@code listen: {udp: host:port}}: one bound to the address that answers whoever sent the latest datagram.
 * Expects see every datagram the socket receives.
 */
final class UdpLink extends Link {
    private UdpEndpoint endpoint;
    private InetSocketAddress target;
    private volatile InetSocketAddress lastSender;

    UdpLink(ConnectionSpec spec, EventSink out) {
        super(spec, new DatagramInbox(), out);
    }

    @Override
    boolean accepts(BytesReceived received) {
        if (received.remote() instanceof InetSocketAddress from) {
            lastSender = from;
        }
        return true;
    }

    @Override
    SocketAddress open(HostPort address, RunControl control) throws StepFailure {
        String bindHost;
        if (spec.listen()) {
            bindHost = address.host();
        } else {
            try {
                InetAddress resolved = InetAddress.getByName(address.host());
                target = new InetSocketAddress(resolved, address.port());
                // Loopback targets are answered from loopback; anything else needs the wildcard to be reachable.
                bindHost = resolved.isLoopbackAddress() ? resolved.getHostAddress()
                        : resolved instanceof Inet6Address ? "::" : "0.0.0.0";
            } catch (UnknownHostException e) {
                throw new StepFailure(TEXT.get("fail.connect", spec.name(), address, e.getMessage()));
            }
        }
        endpoint = new UdpEndpoint(UdpConfig.of(bindHost, spec.listen() ? address.port() : 0), this::emit);
        try {
            return endpoint.start();
        } catch (SocketErrorException e) {
            throw new StepFailure(TEXT.get("fail.listen", spec.name(), address, e.getMessage()));
        }
    }

    @Override
    void send(byte[] data, RunControl control) throws StepFailure {
        InetSocketAddress to = spec.listen() ? lastSender : target;
        if (to == null) {
            throw new StepFailure(TEXT.get("fail.udp.no.peer", spec.name()));
        }
        queued(endpoint.send(to, data));
    }

    @Override
    void close() {
        if (endpoint != null) {
            endpoint.close();
        }
    }
}
