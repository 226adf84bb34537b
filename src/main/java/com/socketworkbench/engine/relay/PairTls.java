package com.socketworkbench.engine.relay;

import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.Operation;
import com.socketworkbench.engine.net.SocketErrors;
import com.socketworkbench.engine.tls.TlsFailures;
import com.socketworkbench.engine.tls.TlsHandshakeTimeoutException;
import com.socketworkbench.engine.tls.TlsSockets;

import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Instant;

import static com.socketworkbench.engine.relay.RelayText.TEXT;

/**
 * TLS termination for a TCP pair, on the pair's own thread: the relay is the TLS server toward the client
 * ({@link RelayConfig#withClientTls}) and/or the TLS client toward the target ({@link RelayConfig#withServerTls}).
 * What is forwarded, held and reported is the plaintext. A handshake that fails is a Failure in the words of
 * {@link TlsFailures} and the pair ends with the client closed.
 */
final class PairTls {
    private PairTls() {
    }

    /** Handshakes with the client; false when it failed (reported) or the pair ended meanwhile. */
    static boolean towardClient(TcpPair pair, Relay relay) {
        SocketChannel channel = pair.clientChannel();
        SSLSocket socket = null;
        try {
            socket = TlsSockets.server(relay.clientTls(), relay.config().clientTls(), channel.socket());
            TlsSockets.handshake(socket, relay.config().clientTls().handshakeTimeout());
            pair.clientSecured(RelaySocket.tls(channel, socket));
            pair.notice(TEXT.get("notice.tls.client", TlsSockets.details(socket, false).summary()));
            return !pair.isFinished();
        } catch (IOException | RuntimeException e) {
            if (!pair.isFinished()) {
                pair.handshakeFailed(failure(pair, Operation.ACCEPT, e, null, socket), TEXT.get("closed.tls.client"));
            }
            return false;
        }
    }

    /** Handshakes with the target over the connected {@code upstream}; false when it failed or the pair ended. */
    static boolean towardServer(TcpPair pair, Relay relay, SocketChannel upstream, InetSocketAddress target) {
        SSLSocket socket = null;
        try {
            socket = TlsSockets.client(relay.serverTls(), relay.config().serverTls(), upstream.socket(),
                    target.getHostString(), target.getPort());
            TlsSockets.handshake(socket, relay.config().serverTls().handshakeTimeout());
            pair.serverSecured(RelaySocket.tls(upstream, socket));
            pair.notice(TEXT.get("notice.tls.server", TlsSockets.details(socket,
                    relay.config().serverTls().verify()).summary()));
            return !pair.isFinished();
        } catch (IOException | RuntimeException e) {
            if (!pair.isFinished()) {
                pair.handshakeFailed(failure(pair, Operation.CONNECT, e, target.getHostString(), socket),
                        TEXT.get("closed.tls.server"));
            }
            return false;
        }
    }

    /**
     * The Failure for a handshake that failed, after a Notice per certificate the peer presented (subject, issuer,
     * dates, names, fingerprint), as the TCP tabs report it: what was refused, to check or pin.
     *
     * @param host   the target's host toward the server; null toward the client
     * @param socket the TLS socket, or null when the failure came before it existed
     */
    private static Failure failure(TcpPair pair, Operation operation, Throwable e, String host, SSLSocket socket) {
        if (socket != null) {
            for (String line : TlsFailures.chainLines(TlsFailures.presentedChain(e, socket), host != null,
                    Instant.now())) {
                pair.notice(line);
            }
        }
        FailureKind kind = e instanceof TlsHandshakeTimeoutException ? FailureKind.CONNECT_TIMEOUT
                : SocketErrors.classify(e) == FailureKind.CONNECTION_RESET ? FailureKind.CONNECTION_RESET
                : FailureKind.IO_ERROR;
        return new Failure(Instant.now(), pair.pairId(), pair.relayAddress(), pair.clientAddress(), operation, kind,
                TlsFailures.explain(e, host, socket), SocketErrors.technicalDetail(e));
    }
}
