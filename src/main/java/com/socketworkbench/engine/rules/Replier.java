package com.socketworkbench.engine.rules;

import com.socketworkbench.engine.event.BytesReceived;

/**
 * How a {@link RuleTee} sends a reply to the sender of a message: a TCP server to that connection, a TCP client
 * on its connection, a UDP endpoint to the datagram's source. Must not block (the engines' sends only queue).
 */
@FunctionalInterface
public interface Replier {
    void reply(BytesReceived to, byte[] bytes);
}
