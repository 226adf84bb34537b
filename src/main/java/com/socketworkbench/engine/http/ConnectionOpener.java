package com.socketworkbench.engine.http;

import com.socketworkbench.engine.text.Texts;

import com.socketworkbench.engine.text.DurationText;
import com.socketworkbench.engine.tls.TlsContexts;
import com.socketworkbench.engine.tls.TlsSetupException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Opens the connection of one exchange: resolves the host, connects to its addresses in turn, and for https does
 * the TLS handshake. Each phase is timed on the {@link ExchangeClock}; every socket is registered with the
 * {@link ConnectionSlot} first, so that a cancel closes it; a failure ends with a message for the user.
 */
final class ConnectionOpener {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.http.http");

    /** The exchanger's trust manager, made on first use. */
    @FunctionalInterface
    interface TrustSource {
        X509ExtendedTrustManager get() throws GeneralSecurityException;
    }

    private final HttpTarget target;
    private final RequestOptions options;
    private final ConnectionSlot slot;
    private final TrustSource trust;
    private final ExchangeClock clock;

    ConnectionOpener(HttpTarget target, RequestOptions options, ConnectionSlot slot, TrustSource trust,
                     ExchangeClock clock) {
        this.target = target;
        this.options = options;
        this.slot = slot;
        this.trust = trust;
        this.clock = clock;
    }

    HttpConnection open() throws ExchangeFailure {
        clock.phase(ExchangeListener.RESOLVING);
        long start = System.nanoTime();
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(target.host());
        } catch (UnknownHostException e) {
            throw new ExchangeFailure(TEXT.get("failure.resolve", target.host()));
        }
        clock.dns = ExchangeClock.since(start);
        if (slot.stopRequested()) {
            throw new ExchangeFailure(slot.stopMessage());
        }
        clock.phase(ExchangeListener.CONNECTING);
        start = System.nanoTime();
        Socket socket = connectAny(addresses);
        clock.connect = ExchangeClock.since(start);
        try {
            socket.setTcpNoDelay(true);
            if (!target.isHttps()) {
                return new HttpConnection(socket, socket, socket.getInputStream(), socket.getOutputStream(), target,
                        options.insecureTls(), null, Optional.empty());
            }
            clock.phase(ExchangeListener.TLS_HANDSHAKE);
            return handshake(socket, System.nanoTime());
        } catch (IOException e) {
            HttpConnection.closeQuietly(socket);
            throw new ExchangeFailure(slot.stopRequested() ? slot.stopMessage()
                    : TEXT.get("failure.afterConnect", target.authority(), e.getMessage()));
        }
    }

    private HttpConnection handshake(Socket socket, long start) throws ExchangeFailure {
        Path caFile = HttpConnection.verifyingCaFile(target, options);
        TlsSupport.CapturingTrustManager capturing;
        try {
            capturing = new TlsSupport.CapturingTrustManager(options.insecureTls() ? null : verifyingTrust(caFile),
                    caFile);
        } catch (GeneralSecurityException e) {
            HttpConnection.closeQuietly(socket);
            throw new ExchangeFailure(TEXT.get("failure.tlsUnavailable", e.getMessage()));
        } catch (TlsSetupException e) {
            HttpConnection.closeQuietly(socket);
            throw new ExchangeFailure(TEXT.get("failure.caFile", e.getMessage()));
        }
        Duration handshakeTimeout = options.readTimeout();
        try {
            SSLSocket ssl = TlsSupport.handshake(socket, target, capturing, !options.insecureTls(), handshakeTimeout);
            if (!slot.setActive(ssl)) {
                HttpConnection.closeQuietly(ssl);
                throw new ExchangeFailure(slot.stopMessage());
            }
            clock.tls = ExchangeClock.since(start);
            clock.tlsInfo = Optional.of(TlsSupport.info(ssl.getSession(), options.insecureTls(), caFile));
            return new HttpConnection(ssl, socket, ssl.getInputStream(), ssl.getOutputStream(), target,
                    options.insecureTls(), caFile, clock.tlsInfo);
        } catch (IOException | GeneralSecurityException e) {
            HttpConnection.closeQuietly(socket);
            clock.tls = ExchangeClock.since(start);
            TlsInfo partial = capturing.partialInfo();
            if (!partial.chain().isEmpty() || !partial.protocol().isEmpty()) {
                clock.tlsInfo = Optional.of(partial);
            }
            if (slot.stopRequested()) {
                throw new ExchangeFailure(slot.stopMessage());
            }
            throw new ExchangeFailure(TlsSupport.explain(e, capturing, target, handshakeTimeout));
        }
    }

    /**
     * The exchanger's trust, or with a CA file the system's trusted certificates plus the file's: read afresh for
     * each new connection (on this exchange's thread), so a CA that was just regenerated is the one trusted.
     */
    private X509ExtendedTrustManager verifyingTrust(Path caFile) throws GeneralSecurityException, TlsSetupException {
        return caFile == null ? trust.get() : TlsSupport.trustManager(TlsContexts.systemAnd(caFile));
    }

    private Socket connectAny(InetAddress[] addresses) throws ExchangeFailure {
        IOException last = null;
        InetSocketAddress lastAddress = null;
        int timeout = (int) Math.max(1, Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis()));
        for (InetAddress address : addresses) {
            Socket socket = new Socket();
            if (!slot.setActive(socket)) {
                HttpConnection.closeQuietly(socket);
                throw new ExchangeFailure(slot.stopMessage());
            }
            lastAddress = new InetSocketAddress(address, target.port());
            try {
                socket.connect(lastAddress, timeout);
                return socket;
            } catch (IOException e) {
                HttpConnection.closeQuietly(socket);
                if (slot.stopRequested()) {
                    throw new ExchangeFailure(slot.stopMessage());
                }
                last = e;
            }
        }
        throw new ExchangeFailure(connectFailure(last, lastAddress));
    }

    private String connectFailure(IOException e, InetSocketAddress address) {
        String where = address == null ? target.authority() : describe(address);
        if (e instanceof SocketTimeoutException) {
            return TEXT.get("failure.connectTimeout", where, DurationText.of(options.connectTimeout()));
        }
        if (e instanceof ConnectException) {
            return TEXT.get("failure.refused", where);
        }
        if (e instanceof NoRouteToHostException) {
            return TEXT.get("failure.noRoute", where);
        }
        return TEXT.get("failure.connect", where, e == null ? TEXT.get("failure.noAddress") : e.getMessage());
    }

    private static String describe(InetSocketAddress address) {
        String host = address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
