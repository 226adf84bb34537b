package com.socketworkbench.ui.stream;

/** What a stream tab talks over: TCP (host and port) or a Unix domain socket (a file path). */
public enum Transport {
    TCP("transport.tcp"),
    UNIX("transport.unix");

    private final String key;

    Transport(String key) {
        this.key = key;
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
        return StreamText.TEXT.get(key);

    }
}
