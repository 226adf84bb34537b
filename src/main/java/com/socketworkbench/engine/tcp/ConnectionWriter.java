package com.socketworkbench.engine.tcp;

import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.engine.event.CloseReason;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.Notice;
import com.socketworkbench.engine.event.Operation;
import com.socketworkbench.engine.net.Endpoints;
import com.socketworkbench.engine.net.SocketErrorException;
import com.socketworkbench.engine.net.SocketErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;

/**
 * The writing side of a {@link TcpConnection}, on its writer thread: drains the connection's FIFO in order, writing
 * each payload as its plan says (every write its own BytesSent), and carries out a half-close or close once
 * everything queued before it is written.
 */
final class ConnectionWriter {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionWriter.class);

    private final TcpConnection connection;
    private final StreamIo io;
    private final ConnectionCounters counters;
    /** The payload being written, for settling its future if this thread dies; writer thread only. */
    private Outgoing.Payload inHand;

    ConnectionWriter(TcpConnection connection, StreamIo io, ConnectionCounters counters) {
        this.connection = connection;
        this.io = io;
        this.counters = counters;
    }

    void run() {
        try {
            drain();
        } catch (RuntimeException | Error e) {
            // Whatever stops this thread ends the connection: a writer that just died would leave it counted, its
            // descriptor open, its queue growing and the send in hand never settled.
            stoppedUnexpectedly(e);
        }
    }

    private void drain() {
        while (true) {
            Outgoing next;
            try {
                next = connection.nextOutgoing();
            } catch (InterruptedException e) {
                connection.finish(CloseReason.ERROR, TcpText.TEXT.get("detail.writer.interrupted"));
                return;
            }
            switch (next) {
                case Outgoing.Payload payload -> {
                    inHand = payload;
                    write(payload);
                    inHand = null;
                }
                case Outgoing.ShutdownOutput ignored -> shutdownOutput();
                case Outgoing.Close close -> connection.finish(close.reason(), close.detail());
                case Outgoing.Stop ignored -> {
                    return;
                }
            }
        }
    }

    private void stoppedUnexpectedly(Throwable e) {
        Outgoing.Payload payload = inHand;
        inHand = null;
        String what = TcpConnection.describe(e);
        Failure failure = null;
        try {
            LOG.error("Writing connection {} failed unexpectedly", connection.id(), e);
            if (connection.isOpen()) {
                failure = new Failure(Instant.now(), connection.id(), connection.local(), connection.remote(),
                        Operation.SEND, FailureKind.IO_ERROR, TcpText.TEXT.get("send.failed",
                        Endpoints.describe(connection.remote()), what),
                        SocketErrors.technicalDetail(e));
                connection.emitWhileOpen(failure);
            }
        } finally {
            try {
                connection.finish(CloseReason.ERROR, TcpText.TEXT.get("detail.writer.failed", what));
            } finally {
                if (payload != null) {
                    payload.done().completeExceptionally(failure == null ? connection.notSent(payload.totalBytes())
                            : new SocketErrorException(failure, e));
                }
            }
        }
    }

    /** Writes a payload as planned: every write is its own BytesSent, paused from the previous one by the gap. */
    private void write(Outgoing.Payload payload) {
        byte[] block = payload.block();
        long unsent = payload.totalBytes();
        connection.dequeued(unsent);
        int segment = payload.segmentBytes() == 0 ? block.length : payload.segmentBytes();
        boolean first = true;
        for (int time = 0; time < payload.times(); time++) {
            for (int offset = 0; offset < block.length; offset += segment) {
                if (!first && payload.gapNanos() > 0 && !connection.pause(payload.gapNanos())) {
                    payload.done().completeExceptionally(connection.notSent(unsent));
                    return;
                }
                first = false;
                int length = Math.min(segment, block.length - offset);
                ByteBuffer buffer = ByteBuffer.wrap(block, offset, length);
                try {
                    while (buffer.hasRemaining()) {
                        counters.bytesOut.add(io.write(buffer));
                    }
                } catch (IOException e) {
                    writeFailed(payload, unsent - (length - buffer.remaining()), e);
                    return;
                }
                unsent -= length;
                counters.messagesOut.increment();
                byte[] sent = length == block.length ? block : Arrays.copyOfRange(block, offset, offset + length);
                connection.emitWhileOpen(new BytesSent(Instant.now(), connection.id(), connection.local(),
                        connection.remote(), sent));
            }
        }
        payload.done().complete(null);
    }

    private void writeFailed(Outgoing.Payload payload, long unsent, IOException e) {
        TcpConnection.Ending ending = connection.ending();
        CloseReason endedBy = ending.endedBy();
        boolean peerGone = endedBy == CloseReason.PEER_CLOSED || endedBy == CloseReason.RESET;
        if (endedBy != null && !peerGone) {
            payload.done().completeExceptionally(connection.notSent(unsent));
            return; // closed on our side, already reported
        }
        FailureKind kind = SocketErrors.classify(e);
        if (kind != FailureKind.BROKEN_PIPE && kind != FailureKind.CONNECTION_RESET && peerGone) {
            kind = endedBy == CloseReason.RESET ? FailureKind.CONNECTION_RESET : FailureKind.BROKEN_PIPE;
        }
        // Right after a handshake where the server asked for a certificate we lack: its refusal, not the socket's.
        String tlsReason = connection.explainEarlyTlsClose(e);
        String message = tlsReason != null ? TcpText.TEXT.get("unsent.other", tlsReason, unsent) : switch (kind) {
            case BROKEN_PIPE -> TcpText.TEXT.get("unsent.broken.pipe", unsent);
            case CONNECTION_RESET -> TcpText.TEXT.get("unsent.reset", unsent);
            default -> TcpText.TEXT.get("unsent.other", SocketErrors.toFailure(e, Operation.SEND, connection.id(),
                    connection.local(), connection.remote()).message(), unsent);
        };
        Failure failure = new Failure(Instant.now(), connection.id(), connection.local(), connection.remote(),
                Operation.SEND, kind, message, SocketErrors.technicalDetail(e));
        connection.emit(failure);
        payload.done().completeExceptionally(new SocketErrorException(failure, e));
        boolean peerProblem = kind == FailureKind.BROKEN_PIPE || kind == FailureKind.CONNECTION_RESET;
        // A reset outranks the end of stream the reader may have seen: once the writer has consumed the socket's
        // ECONNRESET, the reader's next read returns end of stream, and the peer did not close gracefully.
        CloseReason reason = tlsReason != null ? CloseReason.ERROR
                : kind == FailureKind.CONNECTION_RESET ? CloseReason.RESET
                : ending.requested() == CloseReason.PEER_CLOSED ? CloseReason.PEER_CLOSED
                : peerProblem ? CloseReason.RESET : CloseReason.ERROR;
        connection.finish(reason, message);
    }

    private void shutdownOutput() {
        try {
            io.shutdownOutput();
            connection.emitWhileOpen(new Notice(Instant.now(), connection.id(), connection.local(),
                    connection.remote(), connection.isUnix() ? TcpText.TEXT.get("shutdown.unix")
                    : connection.isTls() ? TcpText.TEXT.get("shutdown.tls") : TcpText.TEXT.get("shutdown.tcp")));

        } catch (IOException e) {
            if (connection.isOpen()) {
                connection.emit(SocketErrors.toFailure(e, Operation.CLOSE, connection.id(), connection.local(),
                        connection.remote()));
                connection.finish(CloseReason.ERROR, e.getMessage());
            }
        }
    }
}
