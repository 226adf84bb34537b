package com.socketworkbench.engine.websocket;

import com.socketworkbench.engine.event.CloseReason;
import com.socketworkbench.engine.http.TlsInfo;

import java.net.SocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What a {@link WsSession} reports, in order, from its threads. */
public sealed interface WsEvent {

    Instant time();

    /** Connecting to the URL's host (before the TCP connect). */
    record Connecting(Instant time, WsUrl url) implements WsEvent {
    }

    /**
     * The session continues a connection another tab opened and upgraded (no connect of its own): {@code local} and
     * {@code remote} are its socket's ends ("127.0.0.1:50312").
     */
    record Continuing(Instant time, WsUrl url, String local, String remote) implements WsEvent {
    }

    /** The TLS handshake of a wss connection succeeded. */
    record TlsEstablished(Instant time, TlsInfo info) implements WsEvent {
    }

    /** The opening handshake request, as sent. */
    record HandshakeSent(Instant time, byte[] raw) implements WsEvent {
    }

    /** The server's response head, as received, and what its checks found (no session when not {@code ok()}). */
    record HandshakeReceived(Instant time, byte[] raw, HandshakeCheck check) implements WsEvent {
    }

    /**
     * The session is open: frames may flow.
     *
     * @param local  this end of the connection
     * @param remote the server's end (the proxy-free peer: the socket's remote address)
     */
    record Opened(Instant time, String protocol, SocketAddress local, SocketAddress remote) implements WsEvent {
    }

    /**
     * One frame each way. Verdicts are about frames the server sent, and about expert frames we sent
     * ({@link RawFrame}): that they are raw, and how they break RFC 6455.
     *
     * @param messageOpcode the opcode of the message the frame belongs to, so a continuation frame reads as the
     *                      text or binary it continues; the frame's own opcode for the others
     * @param inflated      a received frame of a permessage-deflate message: its payload inflated; else null
     */
    record Frame(Instant time, Direction direction, WsFrame frame, List<WsVerdict> verdicts, int messageOpcode,
                 byte[] inflated) implements WsEvent {
        public Frame {
            Objects.requireNonNull(frame, "frame");
            verdicts = List.copyOf(verdicts);
        }

        /** A frame that is its own message (or whose message is not known). */
        public Frame(Instant time, Direction direction, WsFrame frame, List<WsVerdict> verdicts) {
            this(time, direction, frame, verdicts, frame.opcode(), null);
        }
    }

    /** A message of several frames, put back together. */
    record Message(Instant time, Direction direction, WsMessage message) implements WsEvent {
    }

    /** The connection could not be made or the handshake failed (the reason in plain words); it is closed. */
    record Failed(Instant time, String reason) implements WsEvent {
    }

    /**
     * The connection is closed.
     *
     * @param clean  the close handshake completed both ways
     * @param how    who or what ended it, in the socket tabs' terms (views that show a session beside them)
     * @param reason how it ended, in plain words
     */
    record Closed(Instant time, boolean clean, CloseReason how, String reason) implements WsEvent {
    }
}
