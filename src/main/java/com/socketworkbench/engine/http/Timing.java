package com.socketworkbench.engine.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How long each phase took (not cumulative: dns + connect + tls + requestWritten + firstByte <= total). Phases that
 * did not happen (a reused connection, a failure before the phase) are zero.
 *
 * @param dns            resolving the host name
 * @param connect        the TCP connect
 * @param tls            the TLS handshake
 * @param requestWritten writing the request bytes
 * @param firstByte      from the request written to the first response byte (server think time)
 * @param total          from the start to the end of the exchange
 */
public record Timing(Duration dns, Duration connect, Duration tls, Duration requestWritten, Duration firstByte,
                     Duration total) {

    public static final Timing ZERO = new Timing(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO,
            Duration.ZERO, Duration.ZERO);

    public Timing {
        Objects.requireNonNull(dns, "dns");
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(requestWritten, "requestWritten");
        Objects.requireNonNull(firstByte, "firstByte");
        Objects.requireNonNull(total, "total");
    }
}
