// Over 400 lines: one connection's states shared by its send API, its reader and its ending, under one lock.
package com.socketworkbench.engine.websocket;

import static com.socketworkbench.engine.websocket.WsUrl.TEXT;

import com.socketworkbench.engine.event.CloseReason;
import com.socketworkbench.engine.net.Endpoints;
import com.socketworkbench.engine.http.TlsClient;
import com.socketworkbench.engine.http.UpgradedConnection;
import com.socketworkbench.engine.text.DurationText;
import com.socketworkbench.engine.tls.TlsContexts;
import com.socketworkbench.engine.tls.TlsSetupException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One WebSocket connection as a client: connect (and TLS for wss), the opening handshake, then frames both ways
 * until the close handshake or a failure. The connection is read on its own named virtual thread
 * ({@code ws-session host:port}); frames are written by a {@link FrameWriter} on a second one from a bounded
 * queue, so sending never blocks the caller. Everything that happens is reported to the listener as a
 * {@link WsEvent}, in order per direction, ending with one {@link WsEvent.Closed} or {@link WsEvent.Failed}.
 *
 * <p>Client frames are masked with a fresh random key each (RFC 6455 section 5.3). A ping is answered with a pong
 * while auto-pong is on. A server's close is answered with a close carrying the same code, then the connection is
 * closed; our close waits up to the close timeout for the server's. A frame that breaks the protocol closes the
 * connection with 1002 (1007 for invalid UTF-8, 1009 for too big) and the verdict says why.
 */
public final class WsSession {
    /** Frames and messages waiting to be written; beyond this, sending is refused (a stalled server). */
    public static final int SEND_QUEUE = 1024;
    private static final Logger LOG = LoggerFactory.getLogger(WsSession.class);

    /** Where a session is. */
    public enum State { CONNECTING, OPEN, CLOSING, CLOSED }

    private final WsOptions options;
    private final Consumer<WsEvent> listener;
    /**
     * Made on the session thread: seeding a SecureRandom can take a while, and {@link #open} is called from the UI
     * thread. Frames are only masked once the session is open, after it exists.
     */
    private volatile SecureRandom random;
    private final FrameWriter writer;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Object endLock = new Object();
    private volatile State state = State.CONNECTING;
    private volatile boolean autoPong = true;
    private volatile Socket socket;
    private volatile Socket plainSocket;
    private volatile boolean closeSent;
    /** The RSV bits the agreed extensions define: an expert frame setting them breaks nothing. */
    private volatile int rsvAllowed;
    /** The server's close frame was read (the session thread only). */
    private boolean closeReceived;
    private String endReason;
    private boolean endClean;
    private CloseReason endHow;
    /** The handshake's deadline while {@link #open} connects; null for an {@link #adopt}ed connection. */
    private volatile HandshakeDeadline deadline;

    private WsSession(WsOptions options, Consumer<WsEvent> listener) {
        this.options = options;
        this.listener = listener;
        this.writer = new FrameWriter(options.url().authority(), this::emit, this::closeSocket,
                reason -> end(false, CloseReason.ERROR, reason));
    }

    /** Starts connecting on a new virtual thread and returns at once; events tell how it goes. */
    public static WsSession open(WsOptions options, Consumer<WsEvent> listener) {
        WsSession session = new WsSession(options, listener);
        Thread.ofVirtual().name("ws-session " + options.url().authority()).start(session::run);
        return session;
    }

    /**
     * Continues {@code connection}, which an HTTP exchange's upgrade request switched to WebSocket, as a session:
     * its handshake is reported and checked like one this class made, then frames flow as after {@link #open}. The
     * session owns the connection from here on. Returns at once.
     */
    public static WsSession adopt(UpgradedConnection connection, WsOptions options, Consumer<WsEvent> listener) {
        WsSession session = new WsSession(options, listener);
        session.socket = connection.socket();
        Thread.ofVirtual().name("ws-session " + options.url().authority())
                .start(() -> session.runAdopted(connection));
        return session;
    }

    public State state() {
        return state;
    }

    public void setAutoPong(boolean on) {
        autoPong = on;
    }

    /** Waits until the session ended (tests). */
    public boolean awaitEnd(long timeout, TimeUnit unit) throws InterruptedException {
        return ended.await(timeout, unit);
    }

    // ---------------------------------------------------------------- sending

    /** Sends a text message, in fragments of {@code fragmentSize} bytes when that is positive. */
    public void sendText(String text, int fragmentSize) {
        sendMessage(Opcode.TEXT, text.getBytes(StandardCharsets.UTF_8), fragmentSize);
    }

    /** Sends a binary message, in fragments of {@code fragmentSize} bytes when that is positive. */
    public void sendBinary(byte[] data, int fragmentSize) {
        sendMessage(Opcode.BINARY, data, fragmentSize);
    }

    public void sendPing(byte[] data) {
        sendControl(Opcode.PING, data);
    }

    public void sendPong(byte[] data) {
        sendControl(Opcode.PONG, data);
    }

    /**
     * Starts the close handshake: sends a close frame with {@code code} and {@code reason}, then waits up to the
     * close timeout for the server's close before closing the connection.
     */
    public void close(int code, String reason) {
        requireOpen();
        state = State.CLOSING;
        closeSent = true;
        writer.enqueue(List.of(mask(true, Opcode.CLOSE, FrameEncoder.closePayload(code, reason))), null);
        awaitServersClose();
    }

    /**
     * Sends {@code raw} exactly as built (the expert send: any FIN, RSV bits and opcode, unmasked, forbidden close
     * codes), reported with verdicts saying how it breaks RFC 6455. The normal sends keep their checks. A close
     * frame with FIN starts the close handshake as {@link #close} does, whatever its code.
     *
     * @return whether it started the close handshake
     */
    public boolean sendRaw(RawFrame raw) {
        requireOpen();
        WsFrame frame = FrameEncoder.encode(raw.fin(), raw.rsv(), raw.opcode(), raw.payload(),
                raw.masked() ? random.nextInt() : null);
        LOG.debug("Expert frame to {}: fin={} rsv={} opcode={} masked={} length={}", options.url().authority(),
                raw.fin(), raw.rsv(), raw.opcode(), raw.masked(), raw.payload().length);
        if (!raw.closes()) {
            writer.enqueueRaw(frame, raw.verdicts(rsvAllowed));
            return false;
        }
        state = State.CLOSING;
        closeSent = true;
        writer.enqueueRaw(frame, raw.verdicts(rsvAllowed));
        awaitServersClose();
        return true;
    }

    /** Waits up to the close timeout for the server's close after ours, then closes the connection. */
    private void awaitServersClose() {
        Thread.ofVirtual().name("ws-close-wait " + options.url().authority()).start(() -> {
            try {
                if (!ended.await(options.closeTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                    end(false, CloseReason.TIMEOUT, TEXT.get("closed.noAnswer", DurationText.of(options.closeTimeout())));
                    closeSocket();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Closes the TCP connection now, without a close handshake. */
    public void abort() {
        end(false, CloseReason.LOCAL_CLOSE, TEXT.get("closed.aborted"));
        closeSocket();
    }

    private void sendMessage(int opcode, byte[] data, int fragmentSize) {
        requireOpen();
        List<WsFrame> frames = new ArrayList<>();
        if (fragmentSize <= 0 || data.length <= fragmentSize) {
            frames.add(mask(true, opcode, data));
        } else {
            for (int from = 0; from < data.length; from += fragmentSize) {
                int to = Math.min(data.length, from + fragmentSize);
                frames.add(mask(to == data.length, from == 0 ? opcode : Opcode.CONTINUATION,
                        Arrays.copyOfRange(data, from, to)));
            }
        }
        writer.enqueue(frames, frames.size() > 1 ? new WsMessage(opcode, data.clone(), frames.size()) : null);
    }

    private void sendControl(int opcode, byte[] data) {
        requireOpen();
        if (data.length > 125) {
            throw new IllegalArgumentException(TEXT.get("send.control.tooLong", data.length));
        }
        writer.enqueue(List.of(mask(true, opcode, data)), null);
    }

    private WsFrame mask(boolean fin, int opcode, byte[] payload) {
        return FrameEncoder.encode(fin, opcode, payload, random.nextInt());
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException(TEXT.get("send.notOpen"));
        }
    }

    // ---------------------------------------------------------------- the session thread

    private void run() {
        random = new SecureRandom();
        WsUrl url = options.url();
        emit(new WsEvent.Connecting(Instant.now(), url));
        HandshakeDeadline deadline = HandshakeDeadline.start(url, options.timeout(), this::closeSocket);
        this.deadline = deadline;
        InputStream in;
        String key;
        byte[] leftover;
        HandshakeCheck check;
        KeyStore trust;
        try {
            trust = trust(url);
        } catch (TlsSetupException e) {
            fail(e.getMessage());
            return;
        }
        try {
            Socket plain = connect(url, deadline);
            Socket talking = plain;
            if (url.secure()) {
                deadline.phase(HandshakeDeadline.Phase.TLS);
                TlsClient.Connection tls = TlsClient.handshake(plain, url.host(), url.port(), options.insecure(),
                        trust, deadline.remaining());
                talking = tls.socket();
                socket = talking;
                emit(new WsEvent.TlsEstablished(Instant.now(), tls.info()));
            }
            deadline.phase(HandshakeDeadline.Phase.RESPONSE);
            // Each read is bounded by what is left of the deadline; the deadline's thread cuts a trickle short.
            talking.setSoTimeout((int) Math.max(1, deadline.remaining().toMillis()));
            Handshake.Request request = Handshake.request(url, options.headers(), options.protocols(), random);
            key = request.key();
            emit(new WsEvent.HandshakeSent(Instant.now(), request.raw()));
            OutputStream out = talking.getOutputStream();
            out.write(request.raw());
            out.flush();
            in = talking.getInputStream();
            ResponseHead reply = ResponseHead.read(deadline.counting(in));
            leftover = reply.rest();
            check = opened(reply.head(), reply.shown(), key, talking, out);
            if (check == null) {
                return;
            }
        } catch (TlsClient.Failure e) {
            fail(deadline.wordsOr(endReasonOr(e.getMessage())));
            return;
        } catch (HandshakeFailure e) {
            fail(deadline.wordsOr(e.getMessage()));
            return;
        } catch (SocketTimeoutException e) {
            fail(deadline.words());
            return;
        } catch (IOException e) {
            fail(deadline.wordsOr(endReasonOr(TEXT.get("failed.io", String.valueOf(e.getMessage())))));
            return;
        }
        readFrames(in, leftover, check);
    }

    /**
     * What a wss connection is verified against: the store given, else the platform's certificates plus the CA
     * file's (read here, on the session's thread), else the platform's (null).
     */
    private KeyStore trust(WsUrl url) throws TlsSetupException {
        if (!url.secure() || options.insecure() || options.trustStore() != null || options.caFile() == null) {
            return options.trustStore();
        }
        return TlsContexts.systemAnd(options.caFile());
    }

    /**
     * Checks the server's handshake head and, when it is good, starts the writer and opens the session.
     *
     * @param shown what the user sees of the response: the head, and the body of a refused upgrade
     * @return the check when the session opened; null when the handshake failed (reported, the connection closed)
     */
    private HandshakeCheck opened(byte[] head, byte[] shown, String key, Socket talking, OutputStream out)
            throws IOException {
        HandshakeCheck check = Handshake.check(head, key, options.protocols(), options.offeredExtensions());
        emit(new WsEvent.HandshakeReceived(Instant.now(), shown, check));
        if (!check.ok()) {
            // A refusal says more than the deadline (which may have cut its body short).
            fail(check.verdicts().stream().filter(WsVerdict::fatal).findFirst().orElseThrow().text());
            return null;
        }
        HandshakeDeadline running = deadline;
        if (running != null && running.settle()) {
            fail(running.words());
            return null;
        }
        talking.setSoTimeout(0);
        rsvAllowed = check.rsvAllowed();
        writer.start(out);
        state = State.OPEN;
        emit(new WsEvent.Opened(Instant.now(), check.protocol(), talking.getLocalSocketAddress(),
                talking.getRemoteSocketAddress()));
        return check;
    }

    /**
     * The session thread of {@link #adopt}: the handshake already went over the connection, so it is reported as it
     * went and checked as this session's own would be, then frames flow, the server's first ones (read with its
     * head) included.
     */
    private void runAdopted(UpgradedConnection connection) {
        random = new SecureRandom();
        Socket socket = connection.socket();
        emit(new WsEvent.Continuing(Instant.now(), options.url(), Endpoints.describe(socket.getLocalSocketAddress()),
                Endpoints.describe(socket.getRemoteSocketAddress())));
        connection.tls().ifPresent(info -> emit(new WsEvent.TlsEstablished(Instant.now(), info)));
        emit(new WsEvent.HandshakeSent(Instant.now(), connection.requestHead()));
        HandshakeCheck check;
        try {
            check = opened(connection.responseHead(), connection.responseHead(),
                    connection.requestHeader("Sec-WebSocket-Key").orElse(""), connection.socket(), connection.out());
            if (check == null) {
                return;
            }
        } catch (IOException e) {
            fail(endReasonOr(TEXT.get("failed.io", String.valueOf(e.getMessage()))));
            return;
        }
        readFrames(connection.in(), connection.afterHead(), check);
    }

    private Socket connect(WsUrl url, HandshakeDeadline deadline) throws IOException {
        InetSocketAddress address;
        try {
            address = new InetSocketAddress(java.net.InetAddress.getByName(url.host()), url.port());
        } catch (UnknownHostException e) {
            throw new HandshakeFailure(TEXT.get("failed.resolve", url.host()));
        }
        Socket plain = new Socket();
        plainSocket = plain;
        socket = plain;
        if (state == State.CLOSED) {
            plain.close();
            throw new HandshakeFailure(endReasonOr(TEXT.get("closed.aborted")));
        }
        try {
            plain.setTcpNoDelay(true);
            plain.connect(address, (int) Math.max(1, deadline.remaining().toMillis()));
        } catch (SocketTimeoutException e) {
            plain.close();
            throw new HandshakeFailure(TEXT.get("failed.connectTimeout", url.authority(),
                    DurationText.of(options.timeout())));
        } catch (IOException e) {
            plain.close();
            throw new HandshakeFailure(endReasonOr(TEXT.get("failed.connect", url.authority(),
                    String.valueOf(e.getMessage()))));
        }
        return plain;
    }

    private void readFrames(InputStream in, byte[] leftover, HandshakeCheck check) {
        FrameDecoder decoder = new FrameDecoder(options.maxFrame(), check.rsvAllowed());
        byte[] buffer = new byte[16 * 1024];
        try (MessageAssembler assembler = new MessageAssembler(options.maxMessage(), check.extensions())) {
            if (handle(decoder.feed(leftover), assembler)) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (!handle(decoder.feed(buffer, 0, n), assembler)) {
                        break;
                    }
                }
                if (n < 0) {
                    end(false, CloseReason.PEER_CLOSED, closeSent ? TEXT.get("closed.eofAfterOurClose")
                            : TEXT.get("closed.eof", decoder.midFrame() ? TEXT.get("closed.eof.midFrame") : ""));
                }
            }
        } catch (IOException e) {
            end(false, CloseReason.ERROR, TEXT.get("closed.io", String.valueOf(e.getMessage())));
        }
        finish();
    }

    /** Reports and acts on decoded frames; false once reading should stop. */
    private boolean handle(List<FrameDecoder.Decoded> decoded, MessageAssembler assembler) {
        for (FrameDecoder.Decoded each : decoded) {
            WsFrame frame = each.frame();
            if (closeReceived) {
                afterServersClose(frame);
                continue;
            }
            List<WsVerdict> verdicts = new ArrayList<>(each.verdicts());
            MessageAssembler.Outcome outcome = null;
            if (!each.fatal()) {
                outcome = assembler.accept(frame);
                verdicts.addAll(outcome.verdicts());
            }
            emit(new WsEvent.Frame(Instant.now(), Direction.IN, frame, verdicts,
                    outcome == null ? frame.opcode() : outcome.messageOpcode(),
                    outcome == null ? null : outcome.inflated()));
            if (outcome != null && outcome.message() != null) {
                emit(new WsEvent.Message(Instant.now(), Direction.IN, outcome.message()));
            }
            WsVerdict fatal = verdicts.stream().filter(WsVerdict::fatal).findFirst().orElse(null);
            if (fatal != null) {
                failConnection(fatal);
                return false;
            }
            if (frame.opcode() == Opcode.CLOSE) {
                closeReceived = true;
                serverClosed(CloseInfo.of(frame.payload()), frame.payload());
            } else if (frame.opcode() == Opcode.PING && autoPong && state == State.OPEN) {
                writer.offer(mask(true, Opcode.PONG, frame.payload()), false);
            }
        }
        // After our close was answered there is nothing more to wait for; after the server's own close, reading
        // goes on until the writer has sent our answer and closed, so frames it sends too late are seen.
        return !(closeReceived && closeSent);
    }

    /**
     * RFC 6455 section 5.5.1: after its close frame an endpoint sends nothing more. A frame that still comes is
     * shown with a verdict and the close does not count as clean. No close is sent for it: ours is already on its
     * way.
     */
    private void afterServersClose(WsFrame frame) {
        WsVerdict late = new WsVerdict(true, 0, "frame.afterClose",
                TEXT.get("verdict.frame.afterClose", Opcode.name(frame.opcode())));
        emit(new WsEvent.Frame(Instant.now(), Direction.IN, frame, List.of(late)));
        synchronized (endLock) {
            if (endClean) {
                endClean = false;
                endReason = TEXT.get("closed.afterClose", endReason);
            }
        }
    }

    private void serverClosed(CloseInfo info, byte[] payload) {
        String said = describe(info);
        if (closeSent) {
            end(true, CloseReason.LOCAL_CLOSE, TEXT.get("closed.clean.ours", said));
            closeSocket();
            return;
        }
        state = State.CLOSING;
        end(true, CloseReason.PEER_CLOSED, TEXT.get("closed.clean.theirs", said));
        // Echo the code (RFC 6455 section 5.5.1); a close without a code is answered without one.
        byte[] answer = payload.length >= 2 ? FrameEncoder.closePayload(info.code(), "") : new byte[0];
        writer.offer(mask(true, Opcode.CLOSE, answer), true);
    }

    private void failConnection(WsVerdict verdict) {
        state = State.CLOSING;
        int code = verdict.closeCode() == 0 ? CloseCodes.PROTOCOL_ERROR : verdict.closeCode();
        end(false, CloseReason.ERROR, TEXT.get("closed.protocol", verdict.text(), code));
        if (writer.started() && !closeSent) {
            closeSent = true;
            // On the wire, so the same in every language.
            String reason = switch (code) {
                case CloseCodes.INVALID_DATA -> "invalid UTF-8";
                case CloseCodes.TOO_BIG -> "message too big";
                default -> "protocol error";
            };
            writer.offer(mask(true, Opcode.CLOSE, FrameEncoder.closePayload(code, reason)), true);
        } else {
            closeSocket();
        }
    }

    private static String describe(CloseInfo info) {
        if (info.code() == CloseCodes.NO_STATUS) {
            return TEXT.get("close.described.noCode");
        }
        return info.reason().isEmpty() ? TEXT.get("close.described.code", info.code())
                : TEXT.get("close.described", info.code(), info.reason());
    }

    // ---------------------------------------------------------------- ending

    private void fail(String reason) {
        HandshakeDeadline running = deadline;
        if (running != null) {
            // Settled: its thread has nothing left to do.
            running.settle();
        }
        state = State.CLOSED;
        closeSocket();
        emit(new WsEvent.Failed(Instant.now(), reason));
        ended.countDown();
    }

    /** Remembers how the session ended; the first reason given wins. */
    private void end(boolean clean, CloseReason how, String reason) {
        synchronized (endLock) {
            if (endReason == null) {
                endReason = reason;
                endClean = clean;
                endHow = how;
            }
        }
    }

    private String endReasonOr(String fallback) {
        synchronized (endLock) {
            return endReason == null ? fallback : endReason;
        }
    }

    private void finish() {
        writer.stop();
        closeSocket();
        state = State.CLOSED;
        boolean clean;
        CloseReason how;
        String reason;
        synchronized (endLock) {
            clean = endClean;
            how = endReason == null ? CloseReason.LOCAL_CLOSE : endHow;
            reason = endReason == null ? TEXT.get("closed.aborted") : endReason;
        }
        emit(new WsEvent.Closed(Instant.now(), clean, how, reason));
        ended.countDown();
    }

    private void closeSocket() {
        if (state == State.CONNECTING) {
            state = State.CLOSED;
        }
        for (Socket each : new Socket[]{socket, plainSocket}) {
            if (each != null) {
                try {
                    each.close();
                } catch (IOException e) {
                    LOG.debug("Closing the WebSocket connection failed", e);
                }
            }
        }
    }

    private void emit(WsEvent event) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            LOG.warn("A WebSocket listener failed on {}", event.getClass().getSimpleName(), e);
        }
    }
}
