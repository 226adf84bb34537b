package com.socketworkbench.engine.relay;

/** One end of a relay pair: the client's connection to the relay, or the relay's connection to the server. */
public enum RelaySide {
    CLIENT,
    SERVER
}
