package com.socketworkbench.engine.scenario;

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
 */
public record ConnectionSpec(String name, Transport transport, boolean listen, Template address,
                             Duration connectTimeout, Duration within, SourceLocation location) {

    public enum Transport { TCP, UDP }

    /** The address as written in the file. */
    public String addressText() {
        return address.source();
    }
}
