package com.socketworkbench.ui.stream;

/** What a stream tab talks over: TCP (host and port) or a Unix domain socket (a file path). */
public enum Transport {
    TCP("TCP"),
    UNIX("Unix domain socket");

    private final String label;

    Transport(String label) {
        this.label = label;
    }

    /** The remembered name back to a value; TCP for anything unknown. */
    public static Transport fromName(String name) {
        for (Transport transport : values()) {
            if (transport.name().equals(name)) {
                return transport;
            }
        }
        return TCP;
    }

    @Override
    public String toString() {
        return label;
    }
}
