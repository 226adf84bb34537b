package com.socketworkbench.cli;

import com.socketworkbench.engine.text.DurationText;
import com.socketworkbench.engine.tls.TlsClientSettings;
import com.socketworkbench.engine.tls.TlsContexts;
import com.socketworkbench.engine.tls.TlsFailures;
import com.socketworkbench.engine.tls.TlsSessionDetails;
import com.socketworkbench.engine.tls.TlsSetupException;
import com.socketworkbench.engine.tls.TlsSockets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

/**
 * One send and the replies within a wait, with plain blocking JDK sockets: a command line that sends once needs no
 * event loop. Replies are bounded ({@link #MAX_REPLY} bytes in all), so a peer that floods cannot fill the memory.
 */
final class OneShot {
    static final int MAX_REPLY = 1 << 20;
    private static final int DATAGRAM_MAX = 65_535;

    /** What happened after the send. */
    record Outcome(List<Reply> replies, boolean peerClosed, boolean peerReset, boolean truncated,
                   TlsSessionDetails tls) {
    }

    private OneShot() {
    }

    /**
     * @param host as typed: TLS sends it as SNI and checks the certificate against it
     * @param tls  null for plain TCP
     */
    static Outcome tcp(InetSocketAddress target, String host, byte[] payload, Duration connectTimeout, Duration wait,
                       TlsClientSettings tls) throws NetworkFailure {
        String peer = peer(target);
        SSLContext context = null;
        if (tls != null) {
            try {
                context = TlsContexts.client(tls);
            } catch (TlsSetupException e) {
                throw new NetworkFailure(e.getMessage(), e);
            }
        }
        TlsSessionDetails details = null;
        SSLSocket secure = null;
        try (Socket plain = new Socket()) {
            Socket socket = plain;
            try {
                plain.connect(target, timeoutMillis(connectTimeout));
                if (context != null) {
                    secure = TlsSockets.client(context, tls, plain, host, target.getPort());
                    socket = secure;
                    try {
                        TlsSockets.handshake(secure, tls.handshakeTimeout());
                    } catch (IOException e) {
                        // The reason, then the chain the server presented (as openssl s_client prints it even
                        // when verification fails): what to compare or pin.
                        StringBuilder message = new StringBuilder(TlsFailures.explain(e, tls.serverName(host),
                                secure));
                        for (String line : TlsFailures.chainLines(TlsFailures.presentedChain(e, secure), true,
                                java.time.Instant.now())) {
                            message.append(System.lineSeparator()).append(line);
                        }
                        throw new NetworkFailure(message.toString(), e);
                    }
                    details = TlsSockets.details(secure, tls.verify());
                }
                socket.getOutputStream().write(payload);
                socket.getOutputStream().flush();
            } catch (SocketTimeoutException timeout) {
                throw new NetworkFailure(Cli.TEXT.get("net.timeout", peer, DurationText.of(connectTimeout)), timeout);
            } catch (ConnectException refused) {
                throw new NetworkFailure(Cli.TEXT.get("net.refused", peer), refused);
            } catch (NoRouteToHostException unreachable) {
                throw new NetworkFailure(Cli.TEXT.get("net.unreachable", peer, unreachable.getMessage()), unreachable);
            }
            long sent = System.nanoTime();
            long deadline = sent + wait.toNanos();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            boolean closed = false;
            boolean reset = false;
            long lastByte = sent;
            while (received.size() < MAX_REPLY) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, Duration.ofNanos(left).toMillis())));
                int n;
                try {
                    n = in.read(buffer, 0, Math.min(buffer.length, MAX_REPLY - received.size()));
                } catch (SocketTimeoutException quiet) {
                    break;
                } catch (SocketException resetByPeer) {
                    if (secure != null && received.size() == 0) {
                        tlsRefusal(resetByPeer, tls.serverName(host), secure);
                    }
                    reset = true;
                    break;
                }
                if (n < 0) {
                    closed = true;
                    break;
                }
                received.write(buffer, 0, n);
                lastByte = System.nanoTime();
            }
            List<Reply> replies = received.size() == 0 ? List.of()
                    : List.of(new Reply(received.toByteArray(), target, Duration.ofNanos(lastByte - sent)));
            return new Outcome(replies, closed, reset, received.size() >= MAX_REPLY, details);
        } catch (IOException failed) {
            if (secure != null) {
                // An alert after the handshake: TLS 1.3 refuses a client certificate only then.
                if (failed instanceof SSLException alert) {
                    throw new NetworkFailure(TlsFailures.explain(alert, tls.serverName(host), secure), failed);
                }
                tlsRefusal(failed, tls.serverName(host), secure);
            }
            throw new NetworkFailure(Cli.TEXT.get("net.failed", peer, failed.getMessage()), failed);
        }
    }

    /**
     * Fails with the server's refusal of a missing client certificate when the connection ended right after a
     * handshake in which it asked for one (a write or reset racing its alert); returns otherwise.
     */
    private static void tlsRefusal(IOException failed, String serverName, SSLSocket secure) throws NetworkFailure {
        String why = TlsFailures.explainEarlyClose(failed, serverName, secure);
        if (why != null) {
            throw new NetworkFailure(why, failed);
        }
    }

    static Outcome udp(InetSocketAddress target, byte[] payload, Duration wait) throws NetworkFailure {
        String peer = peer(target);
        // Connected, so that an ICMP port unreachable comes back as PortUnreachableException instead of silence.
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(target);
            socket.send(new DatagramPacket(payload, payload.length));
            long sent = System.nanoTime();
            long deadline = sent + wait.toNanos();
            List<Reply> replies = new ArrayList<>();
            int total = 0;
            byte[] buffer = new byte[DATAGRAM_MAX];
            while (total < MAX_REPLY) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, Duration.ofNanos(left).toMillis())));
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(packet);
                } catch (SocketTimeoutException quiet) {
                    break;
                }
                byte[] bytes = Arrays.copyOfRange(packet.getData(), packet.getOffset(),
                        packet.getOffset() + packet.getLength());
                total += bytes.length;
                replies.add(new Reply(bytes, (InetSocketAddress) packet.getSocketAddress(),
                        Duration.ofNanos(System.nanoTime() - sent)));
            }
            return new Outcome(List.copyOf(replies), false, false, total >= MAX_REPLY, null);
        } catch (PortUnreachableException refused) {
            throw new NetworkFailure(Cli.TEXT.get("net.udp.refused", peer), refused);
        } catch (NoRouteToHostException unreachable) {
            throw new NetworkFailure(Cli.TEXT.get("net.unreachable", peer, unreachable.getMessage()), unreachable);
        } catch (IOException failed) {
            throw new NetworkFailure(Cli.TEXT.get("net.failed", peer, failed.getMessage()), failed);
        }
    }

    /** host:port as typed (an IPv6 address in brackets), for messages. */
    static String peer(InetSocketAddress target) {
        String host = target.getHostString();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + target.getPort();
    }

    /** The connect timeout for {@code Socket.connect}: 0 stays 0 (no limit, as the option says), not one millisecond. */
    static int timeoutMillis(Duration timeout) {
        if (timeout.isZero()) {
            return 0;
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }
}
