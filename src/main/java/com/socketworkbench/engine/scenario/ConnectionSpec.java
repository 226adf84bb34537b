package com.socketworkbench.engine.scenario;

import com.socketworkbench.engine.tls.TlsClientSettings;

import java.time.Duration;

/**
 * One named connection of a scenario.
 *
 * @param name           the name steps use ({@code to: dev})
 * @param transport      TCP or UDP
 * @param listen         true: bind the address and wait for a client (TCP) or a first datagram's sender (UDP);
 *                       false: connect to it (TCP) or send to it (UDP)
 * @param address        {@code host:port} as written; may hold variables ({@code ${srv.port}})
 * @param connectTimeout how long a connect, or a listen's wait for its client, may take
 * @param within         the default {@code within} of expects on this connection
 * @param location       where the connection was declared
 * @param tls            for a TCP client: TLS settings ({@code tls:} in the file); null for plain
 */
public record ConnectionSpec(String name, Transport transport, boolean listen, Template address,
                             Duration connectTimeout, Duration within, SourceLocation location,
                             TlsClientSettings tls) {

    /** A plain (not TLS) connection. */
    public ConnectionSpec(String name, Transport transport, boolean listen, Template address,
                          Duration connectTimeout, Duration within, SourceLocation location) {
        this(name, transport, listen, address, connectTimeout, within, location, null);
    }

    public enum Transport { TCP, UDP }

    /** The address as written in the file. */
    public String addressText() {
        return address.source();
    }
}
