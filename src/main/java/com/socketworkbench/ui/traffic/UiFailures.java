package com.socketworkbench.ui.traffic;

import com.socketworkbench.ui.fx.UiExecutor;

import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.net.SocketErrorException;
import com.socketworkbench.engine.net.SocketErrors;

import java.net.SocketAddress;
import java.time.Instant;

/**
 * Failure events for problems the engine reports by exception only (a rejected argument, "not connected"), so they
 * reach the timeline and the notification like every socket error.
 */
public final class UiFailures {
    private UiFailures() {
    }

    /**
     * True when the engine already emitted a Failure event for {@code failure} (it throws those wrapped in
     * {@link SocketErrorException}), so the UI must not add a second row.
     */
    public static boolean alreadyReported(Throwable failure) {
        return UiExecutor.unwrap(failure) instanceof SocketErrorException;
    }

    /** "Could not start the server: The maximum number of connections must be at least 1". */
    public static Failure of(Throwable failure, String couldNot, long connectionId, SocketAddress local,
                             SocketAddress remote) {
        Throwable cause = UiExecutor.unwrap(failure);
        String reason = cause.getMessage() == null || cause.getMessage().isBlank()
                ? cause.getClass().getSimpleName() : cause.getMessage();
        return new Failure(Instant.now(), connectionId, local, remote, SocketErrors.classify(cause),
                "Could not " + couldNot + ": " + reason, SocketErrors.technicalDetail(cause));
    }
}
