package com.socketworkbench.engine.tcp;

import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.Notice;
import com.socketworkbench.engine.event.Operation;
import com.socketworkbench.engine.net.Endpoints;
import com.socketworkbench.engine.options.ConnectionDetails;
import com.socketworkbench.engine.options.EffectiveOptions;
import com.socketworkbench.engine.options.SocketOptionsApplier;
import com.socketworkbench.engine.options.SocketOptionsSpec;

import java.time.Instant;
import java.util.List;

/**
 * The socket options of one {@link TcpConnection}: set on its channel, what the system granted remembered for the
 * read-back, and reported (a Notice of what was granted, one Failure for what was refused).
 */
final class ConnectionOptions {
    private final TcpConnection connection;
    private final StreamIo io;
    private volatile EffectiveOptions applied = new EffectiveOptions(List.of());

    ConnectionOptions(TcpConnection connection, StreamIo io) {
        this.connection = connection;
        this.io = io;
    }

    /** Sets the options of {@code spec} on the socket now; false when the connection has ended. */
    boolean apply(SocketOptionsSpec spec) {
        if (spec.isEmpty() || !connection.isOpen()) {
            return false;
        }
        applied(SocketOptionsApplier.apply(io.channel(), spec));
        return true;
    }

    /** Keeps what {@link SocketOptionsApplier#apply} granted (before connect too) and reports it as read now. */
    void applied(EffectiveOptions granted) {
        applied = granted;
        String refused = OptionsNotice.refusals(TcpText.TEXT.get("options.subject.connection",
                Endpoints.describe(connection.remote())), granted);
        if (refused != null) {
            connection.emitWhileOpen(new Failure(Instant.now(), connection.id(), connection.local(),
                    connection.remote(), Operation.OPTIONS, FailureKind.IO_ERROR, refused, ""));
        }
        String text = OptionsNotice.text(TcpText.TEXT.get("options.title.connection"), effective());

        if (text != null) {
            connection.emitWhileOpen(new Notice(Instant.now(), connection.id(), connection.local(),
                    connection.remote(), text));
        }
    }

    /** The socket's options read back now, with what was requested; empty once the connection has ended. */
    EffectiveOptions effective() {
        if (!connection.isOpen() || !io.channel().isOpen()) {
            return new EffectiveOptions(List.of());
        }
        return SocketOptionsApplier.reread(io.channel(), applied);
    }

    /** Family, type, both ends and the options; the peer as the connection reports it. */
    ConnectionDetails details() {
        ConnectionDetails described = ConnectionDetails.describe(io.channel());
        return new ConnectionDetails(described.family(), described.type(), described.role(), described.local(),
                connection.remote(), effective());
    }
}
