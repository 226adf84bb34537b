package com.socketworkbench.engine.http;

import com.socketworkbench.engine.text.Texts;

import com.socketworkbench.engine.codec.ByteSource;
import com.socketworkbench.engine.runtime.EngineThreads;
import com.socketworkbench.engine.text.DurationText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One exchange of an {@link HttpExchanger} from start to result, on the exchange's own thread: takes the kept
 * connection or opens one ({@link ConnectionOpener}), writes the request ({@link RequestWriter}), reads and stores
 * the response while {@link ResponseScanner} says where it ends, and keeps the connection when it can serve the
 * next request. A kept connection the server had closed meanwhile is replaced once, since the request never
 * reached it; one with bytes waiting that nobody asked for is replaced too, so they cannot pass for the answer.
 * The whole exchange runs within its {@link ExchangeDeadline}. Every way it ends is an {@link HttpExchange}; a
 * failure is its message, an Error on this thread included.
 */
final class ExchangeRun {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.http.http");
    private static final Logger LOG = LoggerFactory.getLogger(ExchangeRun.class);
    private static final int READ_BUFFER = 64 * 1024;
    /** Bytes past the response's end that are kept to show what else the server sent. */
    private static final int MAX_EXTRA_BYTES = READ_BUFFER;
    /** How much of unsolicited bytes a notice quotes. */
    private static final int UNSOLICITED_QUOTE = 40;

    private final long id;
    private final HttpTarget target;
    private final PreparedRequest request;
    private final RequestOptions options;
    private final ConnectionSlot slot;
    private final ConnectionOpener.TrustSource trust;
    private final ExchangeClock clock;
    private final RequestWriter writer;
    private final EngineThreads threads;
    private boolean reused;
    /** The connection in use, closed by {@link #abandon()} when the exchange ends by an Error. */
    private volatile HttpConnection current;
    private ExchangeDeadline deadline;
    /** Why a kept connection was not reused (bytes nobody asked for were waiting on it); null when it was not. */
    private Verdict unsolicited;

    ExchangeRun(long id, HttpTarget target, PreparedRequest request, RequestOptions options,
                ExchangeListener listener, ConnectionSlot slot, ConnectionOpener.TrustSource trust,
                EngineThreads threads) {
        this.id = id;
        this.threads = threads;
        this.target = target;
        this.request = request;
        this.options = options;
        this.slot = slot;
        this.trust = trust;
        this.clock = new ExchangeClock(listener);
        this.writer = new RequestWriter(id, threads);
    }

    private record Outcome(HttpExchange exchange, boolean staleReusedConnection) {
    }

    /** Runs the exchange to its result. Whatever happens on the way, an Error included, it returns a result. */
    HttpExchange execute() {
        deadline = ExchangeDeadline.start(id, options.deadline(), slot, clock, threads);
        try {
            return run();
        } catch (Throwable t) {
            // An OutOfMemoryError or a bug: the exchange still ends, and its connection with it.
            abandon();
            LOG.error("Exchange {} with {} ended by {}", id, target, t.toString(), t);
            return failed(TEXT.get("failure.internal", t.getClass().getSimpleName()
                    + (t.getMessage() == null ? "" : ": " + t.getMessage())));
        } finally {
            deadline.stop();
        }
    }

    /** Closes the connection in use, if any; the exchange is over without a result of its own. */
    void abandon() {
        HttpConnection connection = current;
        if (connection != null) {
            connection.closeQuietly();
        }
        slot.clearActive();
    }

    private HttpExchange run() {
        HttpConnection connection = takeKeptUnlessTampered();
        for (int attempt = 0; attempt < 2; attempt++) {
            reused = connection != null;
            if (connection == null) {
                try {
                    connection = new ConnectionOpener(target, options, slot, trust, clock).open();
                } catch (ExchangeFailure e) {
                    return failed(e.getMessage());
                }
            } else {
                clock.phase(ExchangeListener.REUSING_CONNECTION);
                clock.tlsInfo = connection.tls();
                if (!slot.setActive(connection.socket())) {
                    connection.closeQuietly();
                    return failed(slot.stopMessage());
                }
            }
            current = connection;
            Outcome outcome = exchange(connection);
            if (outcome.staleReusedConnection()) {
                // The server had closed the idle connection; the request never reached it, so send it afresh.
                LOG.debug("Kept-alive connection to {} was closed by the server; reconnecting", target);
                connection.closeQuietly();
                connection = null;
                clock.reset();
                writer.reset();
                continue;
            }
            return outcome.exchange();
        }
        return failed(TEXT.get("failure.closedBeforeSend", target.authority()));
    }

    /**
     * The kept connection for this request, unless bytes are waiting on it: nothing was asked on an idle connection,
     * so they are a late or injected response that the next read would take for this request's answer. Such a
     * connection is closed (as curl does) and the notice goes with this exchange's response.
     */
    private HttpConnection takeKeptUnlessTampered() {
        HttpConnection connection = slot.takeKept(target, options);
        if (connection == null) {
            return null;
        }
        int unread = connection.unreadBytes();
        if (unread == 0) {
            return connection;
        }
        String start = "";
        if (connection.transport() == connection.socket()) {
            // Plain TCP: the bytes are there to read without waiting; under TLS they may be part of a record.
            try {
                byte[] quote = connection.in().readNBytes(Math.min(unread, UNSOLICITED_QUOTE));
                start = TEXT.get("verdict.unsolicited.start", HeadParser.printable(new String(quote,
                        StandardCharsets.ISO_8859_1)) + (unread > quote.length ? "…" : ""));
            } catch (IOException e) {
                LOG.debug("Reading the unsolicited bytes failed: {}", e.getMessage());
            }
        }
        connection.closeQuietly();
        LOG.info("{} unsolicited bytes were waiting on the idle connection to {}; it was closed", unread, target);
        unsolicited = Verdict.warning(VerdictCodes.UNSOLICITED_DATA, 0, TEXT.get("verdict.unsolicited", unread,
                start));
        return null;
    }

    private Outcome exchange(HttpConnection connection) {
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

    private Outcome sendAndReceive(HttpConnection connection, Spool raw) {
        clock.phase(ExchangeListener.SENDING);
        long start = System.nanoTime();
        String writeFailure = null;
        try {
            writer.write(connection, request, options.readTimeout());
        } catch (IOException e) {
            if (slot.stopRequested()) {
                connection.closeQuietly();
                return new Outcome(failed(slot.stopMessage()), false);
            }
            if (reused && writer.bytesSent() == 0) {
                connection.closeQuietly();
                return new Outcome(null, true);
            }
            writeFailure = e instanceof RequestWriter.WriteAbortedException
                    ? e.getMessage()
                    : TEXT.get("failure.writeBroke", writer.bytesSent(), request.length(),
                    e.getMessage());
            if (e instanceof RequestWriter.WriteAbortedException) {
                connection.closeQuietly();
                return new Outcome(failed(writeFailure), false);
            }
            // A server may answer early (413, 401) and close; read whatever it sent before giving up.
        }
        clock.written = ExchangeClock.since(start);
        long writtenAt = System.nanoTime();
        clock.phase(ExchangeListener.WAITING);

        ResponseScanner scanner = new ResponseScanner(request.method());
        List<Verdict> clientVerdicts = new ArrayList<>();
        if (unsolicited != null) {
            clientVerdicts.add(unsolicited);
        }
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
                    clock.firstByte = ExchangeClock.since(writtenAt);
                    clock.phase(ExchangeListener.RECEIVING);
                }
                int keep = (int) Math.min(n, max - received);
                int used = scanner.feed(buffer, 0, keep);
                if (scanner.stoppedAtLimit()) {
                    // The response ends at the limit; what followed in this read is neither part of it nor kept.
                    keep = used;
                }
                raw.write(buffer, 0, keep);
                received += keep;
                clock.bytes(received);
                if (scanner.stoppedAtLimit()) {
                    break;
                }
                if (keep < n || (received >= max && !scanner.isComplete())) {
                    clientVerdicts.add(Verdict.error(VerdictCodes.RESPONSE_TOO_LARGE, max, TEXT.get(
                            "verdict.responseTooLarge", max)));
                    break;
                }
                if (scanner.isComplete()) {
                    received += drainAvailable(connection, raw, buffer, Math.min(MAX_EXTRA_BYTES, max - received));
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            String timeout = received == 0
                    ? TEXT.get("failure.readTimeout.nothing", DurationText.of(options.readTimeout()))
                    : TEXT.get("failure.readTimeout.stopped", received, DurationText.of(options.readTimeout()));
            clientVerdicts.add(Verdict.error(VerdictCodes.READ_TIMEOUT, received, timeout));
            failure = failure == null ? timeout : failure;
        } catch (IOException e) {
            if (slot.deadlinePassed()) {
                failure = TEXT.get("failure.deadline.received",
                        ExchangeDeadline.describe(deadline.limit()), received);
                clientVerdicts.add(Verdict.error(VerdictCodes.EXCHANGE_DEADLINE, received, failure));
            } else if (slot.stopRequested()) {
                failure = ExchangeFailure.CANCELLED;
                clientVerdicts.add(Verdict.info(VerdictCodes.CANCELLED, received, TEXT.get("verdict.cancelled",
                        received)));
            } else if (reused && received == 0) {
                connection.closeQuietly();
                return new Outcome(null, true);
            } else {
                closedByPeer = true;
                String broken = isReset(e)
                        ? TEXT.get("failure.reset", received)
                        : TEXT.get("failure.read", received, e.getMessage());
                clientVerdicts.add(Verdict.error(VerdictCodes.CONNECTION_RESET, received, broken));
                failure = failure == null ? broken : failure;
            }
        }
        // The network part is over: parsing and decoding what arrived is not cut short by the deadline.
        deadline.stop();
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
            return new Outcome(failed(TEXT.get("failure.store", e.getMessage())), false);
        }
        ParsedResponse response = HttpResponseParser.parse(rawBytes, request.method(), closedByPeer, max)
                .withVerdicts(clientVerdicts);
        if (failure == null && switchedToWebSocket(response)) {
            slot.clearActive();
            // Past the 101 the connection is no longer HTTP's: it goes, open, to whoever continues the session.
            long headEnd = scanner.position();
            slot.keepUpgraded(new UpgradedConnection(connection.socket(), connection.in(), connection.out(), target,
                    clock.tlsInfo, request.headBytes(), rawBytes.readAt(0, (int) headEnd),
                    rawBytes.readAt(headEnd, (int) (rawBytes.length() - headEnd))));
        } else if (failure == null && reusable(scanner, response, received == scanner.position())) {
            slot.keep(connection);
        } else {
            slot.clearActive();
            connection.closeQuietly();
        }
        clock.phase(ExchangeListener.DONE);
        return new Outcome(new HttpExchange(target, request, Optional.of(response), rawBytes, clock.timing(),
                writer.bytesSent(), received, clock.tlsInfo, Optional.ofNullable(failure), clock.startedAt, reused),
                false);
    }

    /** Bytes the server already sent past the response's end (kept: the raw view shows everything). */
    private static long drainAvailable(HttpConnection connection, Spool raw, byte[] buffer, long room)
            throws IOException {
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
        if (HeaderHelper.hasToken(response.headerValues("Connection"), "close") || requestSaysClose()) {
            return false;
        }
        return response.httpVersion().equals("HTTP/1.1")
                || (response.httpVersion().equals("HTTP/1.0")
                && HeaderHelper.hasToken(response.headerValues("Connection"), "keep-alive"));
    }

    private boolean requestSaysClose() {
        return HeaderHelper.hasToken(HeaderHelper.valuesIn(request.headBytes(), "Connection"), "close");
    }

    /** A 101 to a request that asked to upgrade to WebSocket: the connection now carries WebSocket frames. */
    private boolean switchedToWebSocket(ParsedResponse response) {
        return response.statusCode() == 101
                && HeaderHelper.hasToken(HeaderHelper.valuesIn(request.headBytes(), "Upgrade"), "websocket");
    }

    private HttpExchange failed(String message) {
        slot.clearActive();
        clock.phase(ExchangeListener.DONE);
        return new HttpExchange(target, request, Optional.empty(), ByteSource.of(new byte[0]), clock.timing(),
                writer.bytesSent(), 0, clock.tlsInfo, Optional.of(message), clock.startedAt, reused);
    }

    private static boolean isReset(IOException e) {
        String message = e.getMessage();
        return e instanceof SocketException && message != null
                && message.toLowerCase(Locale.ROOT).contains("reset");
    }

    private static int timeoutMillis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }
}
