package com.socketworkbench.engine.http;

import com.socketworkbench.engine.codec.ByteSource;
import com.socketworkbench.engine.text.DurationText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Sends prepared requests over plain sockets (TLS via SSLSocket) and records the exact response bytes. One per HTTP
 * tab: one exchange at a time, an optional kept-alive connection for the next request to the same target.
 *
 * <p>Each exchange runs on its own named virtual thread; no thread exists while the exchanger is idle.
 */
public final class HttpExchanger implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HttpExchanger.class);
    private static final AtomicLong EXCHANGE_IDS = new AtomicLong();
    private static final int READ_BUFFER = 64 * 1024;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);
    /** Requests up to this size fit in the socket's send buffer, so their write cannot stall. */
    private static final int WATCHED_WRITE_THRESHOLD = 64 * 1024;
    private static final int WRITE_CHUNK = 16 * 1024;

    /** An open connection: the socket and what it was opened for. */
    private record Connection(Socket socket, InputStream in, OutputStream out, HttpTarget target, boolean insecure,
                              Optional<TlsInfo> tls) {
        void closeQuietly() {
            try {
                socket.close();
            } catch (IOException e) {
                log.debug("Closing {} failed: {}", target, e.getMessage());
            }
        }
    }

    private final KeyStore trustStore;
    private final Object lock = new Object();
    private X509ExtendedTrustManager trustManager;
    private Connection keptConnection;
    private Socket activeSocket;
    private Thread worker;
    private CompletableFuture<HttpExchange> current;
    private boolean cancelRequested;
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
                return CompletableFuture.failedFuture(new IllegalStateException("This HTTP tab is closed"));
            }
            if (current != null && !current.isDone()) {
                return CompletableFuture.failedFuture(new IllegalStateException(
                        "A request is still running; wait for it or cancel it first"));
            }
            current = future;
            cancelRequested = false;
            long id = EXCHANGE_IDS.incrementAndGet();
            worker = Thread.ofVirtual().name("http-exchange-" + id).unstarted(() -> {
                HttpExchange exchange = new Run(id, target, request, options, safeListener).execute();
                if (!future.complete(exchange)) {
                    exchange.close();
                }
            });
            worker.start();
        }
        future.whenComplete((result, error) -> {
            if (error instanceof CancellationException) {
                cancel();
            }
        });
        return future;
    }

    /** Stops the running exchange by closing its socket; its future completes with a "Cancelled" failure. */
    public void cancel() {
        Socket socket;
        synchronized (lock) {
            cancelRequested = true;
            socket = activeSocket;
        }
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                log.debug("Closing the socket on cancel failed: {}", e.getMessage());
            }
        }
    }

    public boolean isBusy() {
        synchronized (lock) {
            return current != null && !current.isDone();
        }
    }

    /** The target of the kept-alive connection, if one is open. */
    public Optional<HttpTarget> openConnectionTarget() {
        synchronized (lock) {
            return keptConnection == null ? Optional.empty() : Optional.of(keptConnection.target());
        }
    }

    /** Closes the kept-alive connection, if any; the next request opens a new one. */
    public void closeConnection() {
        Connection kept;
        synchronized (lock) {
            kept = keptConnection;
            keptConnection = null;
        }
        if (kept != null) {
            kept.closeQuietly();
        }
    }

    /** Cancels a running exchange, closes the kept connection and waits (briefly) for the exchange thread to end. */
    @Override
    public void close() {
        Thread running;
        synchronized (lock) {
            closed = true;
            running = worker;
        }
        cancel();
        closeConnection();
        if (running != null) {
            try {
                if (!running.join(CLOSE_WAIT)) {
                    log.warn("The HTTP exchange thread {} did not end within {}", running.getName(),
                            DurationText.of(CLOSE_WAIT));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private X509ExtendedTrustManager trustManager() throws GeneralSecurityException {
        synchronized (lock) {
            if (trustManager == null) {
                trustManager = TlsSupport.trustManager(trustStore);
            }
            return trustManager;
        }
    }

    /** Registers the socket for cancel(); false when a cancel already happened. */
    private boolean setActive(Socket socket) {
        synchronized (lock) {
            activeSocket = socket;
            return !cancelRequested;
        }
    }

    private boolean cancelRequested() {
        synchronized (lock) {
            return cancelRequested;
        }
    }

    private void keep(Connection connection) {
        synchronized (lock) {
            activeSocket = null;
            if (!closed && !cancelRequested && keptConnection == null) {
                keptConnection = connection;
                return;
            }
        }
        connection.closeQuietly();
    }

    private Connection takeKept(HttpTarget target, RequestOptions options) {
        Connection kept;
        synchronized (lock) {
            kept = keptConnection;
            keptConnection = null;
        }
        if (kept == null) {
            return null;
        }
        if (options.keepAlive() && kept.target().equals(target) && kept.insecure() == options.insecureTls()
                && !kept.socket().isClosed()) {
            return kept;
        }
        kept.closeQuietly();
        return null;
    }

    /** The request write made no progress for the read timeout; the message is for the user. */
    private static final class WriteStalledException extends IOException {
        WriteStalledException(String message) {
            super(message);
        }
    }

    /** Thrown inside a run to end it with a message for the user. */
    private static final class ExchangeFailure extends Exception {
        ExchangeFailure(String message) {
            super(message, null, false, false);
        }
    }

    /** One exchange from start to result; lives on the exchange thread. */
    private final class Run {
        private final long id;
        private final HttpTarget target;
        private final PreparedRequest request;
        private final RequestOptions options;
        private final ExchangeListener listener;
        private final Instant startedAt = Instant.now();
        private final long t0 = System.nanoTime();

        private Duration dns = Duration.ZERO;
        private Duration connect = Duration.ZERO;
        private Duration tlsTime = Duration.ZERO;
        private Duration written = Duration.ZERO;
        private Duration firstByte = Duration.ZERO;
        private Optional<TlsInfo> tls = Optional.empty();
        private long bytesSent;
        private boolean reused;

        Run(long id, HttpTarget target, PreparedRequest request, RequestOptions options, ExchangeListener listener) {
            this.id = id;
            this.target = target;
            this.request = request;
            this.options = options;
            this.listener = listener;
        }

        HttpExchange execute() {
            Connection connection = takeKept(target, options);
            for (int attempt = 0; attempt < 2; attempt++) {
                reused = connection != null;
                if (connection == null) {
                    try {
                        connection = open();
                    } catch (ExchangeFailure e) {
                        return failed(e.getMessage());
                    }
                } else {
                    phase(ExchangeListener.REUSING_CONNECTION);
                    tls = connection.tls();
                    if (!setActive(connection.socket())) {
                        connection.closeQuietly();
                        return failed("Cancelled");
                    }
                }
                Outcome outcome = exchange(connection);
                if (outcome.staleReusedConnection()) {
                    // The server had closed the idle connection; the request never reached it, so send it afresh.
                    log.debug("Kept-alive connection to {} was closed by the server; reconnecting", target);
                    connection.closeQuietly();
                    connection = null;
                    resetTimes();
                    continue;
                }
                return outcome.exchange();
            }
            return failed("The connection to " + target.authority() + " closed before the request could be sent");
        }

        private void resetTimes() {
            dns = connect = tlsTime = written = firstByte = Duration.ZERO;
            bytesSent = 0;
            tls = Optional.empty();
        }

        private Connection open() throws ExchangeFailure {
            phase(ExchangeListener.RESOLVING);
            long start = System.nanoTime();
            InetAddress[] addresses;
            try {
                addresses = InetAddress.getAllByName(target.host());
            } catch (UnknownHostException e) {
                throw new ExchangeFailure("Cannot resolve the host name \"" + target.host() + "\" (DNS lookup"
                        + " failed)");
            }
            dns = since(start);
            if (cancelRequested()) {
                throw new ExchangeFailure("Cancelled");
            }
            phase(ExchangeListener.CONNECTING);
            start = System.nanoTime();
            Socket socket = connectAny(addresses);
            connect = since(start);
            try {
                socket.setTcpNoDelay(true);
                if (!target.isHttps()) {
                    return new Connection(socket, socket.getInputStream(), socket.getOutputStream(), target,
                            options.insecureTls(), Optional.empty());
                }
                phase(ExchangeListener.TLS_HANDSHAKE);
                start = System.nanoTime();
                return handshake(socket, start);
            } catch (IOException e) {
                closeQuietly(socket);
                throw new ExchangeFailure(cancelRequested() ? "Cancelled"
                        : "Network error after connecting to " + target.authority() + ": " + e.getMessage());
            }
        }

        private Connection handshake(Socket socket, long start) throws ExchangeFailure {
            TlsSupport.CapturingTrustManager trust;
            try {
                trust = new TlsSupport.CapturingTrustManager(options.insecureTls() ? null : trustManager());
            } catch (GeneralSecurityException e) {
                closeQuietly(socket);
                throw new ExchangeFailure("TLS is not available: " + e.getMessage());
            }
            Duration handshakeTimeout = options.readTimeout();
            try {
                SSLSocket ssl = TlsSupport.handshake(socket, target, trust, !options.insecureTls(), handshakeTimeout);
                if (!setActive(ssl)) {
                    closeQuietly(ssl);
                    throw new ExchangeFailure("Cancelled");
                }
                tlsTime = since(start);
                tls = Optional.of(TlsSupport.info(ssl.getSession(), options.insecureTls()));
                return new Connection(ssl, ssl.getInputStream(), ssl.getOutputStream(), target,
                        options.insecureTls(), tls);
            } catch (IOException | GeneralSecurityException e) {
                closeQuietly(socket);
                tlsTime = since(start);
                TlsInfo partial = trust.partialInfo();
                if (!partial.chain().isEmpty() || !partial.protocol().isEmpty()) {
                    tls = Optional.of(partial);
                }
                if (cancelRequested()) {
                    throw new ExchangeFailure("Cancelled");
                }
                throw new ExchangeFailure(TlsSupport.explain(e, trust, target, handshakeTimeout));
            }
        }

        private Socket connectAny(InetAddress[] addresses) throws ExchangeFailure {
            IOException last = null;
            InetSocketAddress lastAddress = null;
            int timeout = (int) Math.max(1, Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis()));
            for (InetAddress address : addresses) {
                Socket socket = new Socket();
                if (!setActive(socket)) {
                    closeQuietly(socket);
                    throw new ExchangeFailure("Cancelled");
                }
                lastAddress = new InetSocketAddress(address, target.port());
                try {
                    socket.connect(lastAddress, timeout);
                    return socket;
                } catch (IOException e) {
                    closeQuietly(socket);
                    if (cancelRequested()) {
                        throw new ExchangeFailure("Cancelled");
                    }
                    last = e;
                }
            }
            throw new ExchangeFailure(connectFailure(last, lastAddress));
        }

        private String connectFailure(IOException e, InetSocketAddress address) {
            String where = address == null ? target.authority() : describe(address);
            if (e instanceof SocketTimeoutException) {
                return "No answer from " + where + " within " + DurationText.of(options.connectTimeout())
                        + " (connect timeout)";
            }
            if (e instanceof ConnectException) {
                return "Connection refused: nothing is listening on " + where;
            }
            if (e instanceof NoRouteToHostException) {
                return "No route to " + where + " (the network cannot reach it)";
            }
            return "Cannot connect to " + where + ": " + (e == null ? "no address" : e.getMessage());
        }

        private record Outcome(HttpExchange exchange, boolean staleReusedConnection) {
        }

        private Outcome exchange(Connection connection) {
            Spool raw = new Spool();
            boolean handedOver = false;
            try {
                Outcome outcome = sendAndReceive(connection, raw);
                handedOver = outcome.exchange() != null;
                return outcome;
            } finally {
                if (!handedOver) {
                    raw.discard();
                }
            }
        }

        private Outcome sendAndReceive(Connection connection, Spool raw) {
            phase(ExchangeListener.SENDING);
            long start = System.nanoTime();
            String writeFailure = null;
            try {
                writeRequest(connection);
            } catch (IOException e) {
                if (cancelRequested()) {
                    connection.closeQuietly();
                    return new Outcome(failed("Cancelled"), false);
                }
                if (reused && bytesSent == 0) {
                    connection.closeQuietly();
                    return new Outcome(null, true);
                }
                writeFailure = e instanceof WriteStalledException
                        ? e.getMessage()
                        : "The connection broke after " + bytesSent + " of " + request.bytes().length
                        + " request bytes were sent: " + e.getMessage();
                if (e instanceof WriteStalledException) {
                    connection.closeQuietly();
                    return new Outcome(failed(writeFailure), false);
                }
                // A server may answer early (413, 401) and close; read whatever it sent before giving up.
            }
            written = since(start);
            long writtenAt = System.nanoTime();
            phase(ExchangeListener.WAITING);

            ResponseScanner scanner = new ResponseScanner(request.method());
            List<Verdict> clientVerdicts = new ArrayList<>();
            String failure = writeFailure;
            boolean closedByPeer = false;
            long received = 0;
            long max = options.maxResponseBytes();
            byte[] buffer = new byte[READ_BUFFER];
            try {
                connection.socket().setSoTimeout(timeoutMillis(options.readTimeout()));
                while (true) {
                    int n = connection.in().read(buffer);
                    if (n < 0) {
                        closedByPeer = true;
                        break;
                    }
                    if (received == 0 && n > 0) {
                        firstByte = since(writtenAt);
                        phase(ExchangeListener.RECEIVING);
                    }
                    int keep = (int) Math.min(n, max - received);
                    raw.write(buffer, 0, keep);
                    scanner.feed(buffer, 0, keep);
                    received += keep;
                    bytes(received);
                    if (keep < n || (received >= max && !scanner.isComplete())) {
                        clientVerdicts.add(Verdict.error(VerdictCodes.RESPONSE_TOO_LARGE, max, "The response"
                                + " exceeds the maximum of " + max + " bytes; reading stopped there"));
                        break;
                    }
                    if (scanner.isComplete()) {
                        received += drainAvailable(connection, raw, buffer, max - received);
                        break;
                    }
                }
            } catch (SocketTimeoutException e) {
                String timeout = received == 0
                        ? "The server accepted the request but sent nothing within "
                        + DurationText.of(options.readTimeout()) + " (read timeout)"
                        : "The server stopped sending after " + received + " bytes; nothing more arrived within "
                        + DurationText.of(options.readTimeout()) + " (read timeout)";
                clientVerdicts.add(Verdict.error(VerdictCodes.READ_TIMEOUT, received, timeout));
                failure = failure == null ? timeout : failure;
            } catch (IOException e) {
                if (cancelRequested()) {
                    failure = "Cancelled";
                    clientVerdicts.add(Verdict.info(VerdictCodes.CANCELLED, received, "Cancelled after " + received
                            + " bytes of the response"));
                } else if (reused && received == 0) {
                    connection.closeQuietly();
                    return new Outcome(null, true);
                } else {
                    closedByPeer = true;
                    String broken = isReset(e)
                            ? "The server reset the connection after " + received + " bytes of the response"
                            : "Reading the response failed after " + received + " bytes: " + e.getMessage();
                    clientVerdicts.add(Verdict.error(VerdictCodes.CONNECTION_RESET, received, broken));
                    failure = failure == null ? broken : failure;
                }
            }
            if (reused && received == 0 && closedByPeer && failure == null) {
                connection.closeQuietly();
                return new Outcome(null, true);
            }
            if (writeFailure != null && received == 0) {
                connection.closeQuietly();
                return new Outcome(failed(writeFailure), false);
            }

            ByteSource rawBytes;
            try {
                rawBytes = raw.finish();
            } catch (IOException e) {
                connection.closeQuietly();
                return new Outcome(failed("Storing the response failed: " + e.getMessage()), false);
            }
            ParsedResponse response = HttpResponseParser.parse(rawBytes, request.method(), closedByPeer, max)
                    .withVerdicts(clientVerdicts);
            if (failure == null && reusable(scanner, response, received == scanner.position())) {
                keep(connection);
            } else {
                synchronized (lock) {
                    activeSocket = null;
                }
                connection.closeQuietly();
            }
            phase(ExchangeListener.DONE);
            return new Outcome(new HttpExchange(target, request, Optional.of(response), rawBytes, timing(), bytesSent,
                    received, tls, Optional.ofNullable(failure), startedAt, reused), false);
        }

        /**
         * Writes the request. A socket write has no timeout, so a large request to a server that stops reading is
         * watched: no progress for the read timeout closes the socket.
         */
        private void writeRequest(Connection connection) throws IOException {
            byte[] bytes = request.bytes();
            OutputStream out = connection.out();
            if (bytes.length <= WATCHED_WRITE_THRESHOLD) {
                out.write(bytes);
                out.flush();
                bytesSent = bytes.length;
                return;
            }
            AtomicLong progress = new AtomicLong();
            AtomicBoolean stalled = new AtomicBoolean();
            long timeoutMs = options.readTimeout().toMillis();
            Thread watchdog = Thread.ofVirtual().name("http-write-watch-" + id).start(() -> {
                long seen = 0;
                try {
                    while (true) {
                        Thread.sleep(timeoutMs);
                        long now = progress.get();
                        if (now == seen) {
                            stalled.set(true);
                            connection.closeQuietly();
                            return;
                        }
                        seen = now;
                    }
                } catch (InterruptedException e) {
                    // the write finished (or failed) first
                }
            });
            try {
                for (int off = 0; off < bytes.length; off += WRITE_CHUNK) {
                    int n = Math.min(WRITE_CHUNK, bytes.length - off);
                    out.write(bytes, off, n);
                    bytesSent += n;
                    progress.set(bytesSent);
                }
                out.flush();
            } catch (IOException e) {
                if (stalled.get()) {
                    throw new WriteStalledException("The server stopped accepting the request: nothing could be"
                            + " written for " + DurationText.of(options.readTimeout()) + " after " + bytesSent
                            + " of " + bytes.length + " bytes (write timeout)");
                }
                throw e;
            } finally {
                watchdog.interrupt();
                try {
                    watchdog.join(CLOSE_WAIT);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** Bytes the server already sent past the response's end (kept: the raw view shows everything). */
        private long drainAvailable(Connection connection, Spool raw, byte[] buffer, long room) throws IOException {
            long drained = 0;
            while (drained < room) {
                int available = connection.in().available();
                if (available <= 0) {
                    break;
                }
                int n = connection.in().read(buffer, 0, (int) Math.min(Math.min(available, buffer.length),
                        room - drained));
                if (n <= 0) {
                    break;
                }
                raw.write(buffer, 0, n);
                drained += n;
            }
            return drained;
        }

        private boolean reusable(ResponseScanner scanner, ParsedResponse response, boolean noExtraBytes) {
            if (!options.keepAlive() || !scanner.isComplete() || scanner.isFramingBroken()
                    || scanner.isCloseDelimited() || !noExtraBytes || !response.complete()) {
                return false;
            }
            if (hasToken(response.headerValues("Connection"), "close") || requestSaysClose()) {
                return false;
            }
            return response.httpVersion().equals("HTTP/1.1")
                    || (response.httpVersion().equals("HTTP/1.0")
                    && hasToken(response.headerValues("Connection"), "keep-alive"));
        }

        private boolean requestSaysClose() {
            String head = new String(request.bytes(), 0, request.headEnd(), java.nio.charset.StandardCharsets.ISO_8859_1)
                    .toLowerCase(Locale.ROOT);
            for (String line : head.split("\n")) {
                if (line.startsWith("connection:") && line.contains("close")) {
                    return true;
                }
            }
            return false;
        }

        private HttpExchange failed(String message) {
            synchronized (lock) {
                activeSocket = null;
            }
            phase(ExchangeListener.DONE);
            return new HttpExchange(target, request, Optional.empty(), ByteSource.of(new byte[0]), timing(), bytesSent,
                    0, tls, Optional.of(message), startedAt, reused);
        }

        private Timing timing() {
            return new Timing(dns, connect, tlsTime, written, firstByte, since(t0));
        }

        private void phase(String name) {
            try {
                listener.onPhase(name, since(t0));
            } catch (RuntimeException e) {
                log.warn("An exchange listener failed on phase {}", name, e);
            }
        }

        private void bytes(long received) {
            try {
                listener.onBytes(received);
            } catch (RuntimeException e) {
                log.warn("An exchange listener failed on progress", e);
            }
        }
    }

    private static boolean hasToken(List<String> values, String token) {
        for (String value : values) {
            for (String part : value.split(",")) {
                if (part.strip().equalsIgnoreCase(token)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isReset(IOException e) {
        String message = e.getMessage();
        return e instanceof SocketException && message != null
                && message.toLowerCase(Locale.ROOT).contains("reset");
    }

    private static int timeoutMillis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static String describe(InetSocketAddress address) {
        String host = address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("Closing a socket failed: {}", e.getMessage());
        }
    }
}
