package com.socketworkbench.engine.udp;

import com.socketworkbench.engine.event.Failure;

import java.io.IOException;

/** A UDP operation failed; {@link #failure()} is the event that describes it in user words (already emitted). */
public final class UdpException extends IOException {

    private final transient Failure failure;

    public UdpException(Failure failure, Throwable cause) {
        super(failure.message(), cause);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }
}
