package com.socketworkbench.engine.net;

import com.socketworkbench.engine.event.Failure;

import java.io.IOException;
import java.util.Objects;

/**
 * A socket operation failed; carries the {@link Failure} the engine emitted for it, so a caller that gets the
 * exception (a synchronous bind, a failed future) knows the operation failed and can see why, but never needs to
 * report it again (see the contract in {@link com.socketworkbench.engine.event}).
 */
public class SocketErrorException extends IOException {
    private final transient Failure failure;

    public SocketErrorException(Failure failure) {
        this(failure, null);
    }

    public SocketErrorException(Failure failure, Throwable cause) {
        super(Objects.requireNonNull(failure, "failure").message(), cause);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }
}
