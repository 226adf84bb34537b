package com.socketworkbench.engine.net;

import com.socketworkbench.engine.text.Texts;
/**
 * What is at the path a Unix domain socket server wants to bind, found out by {@link UnixSocketPaths#check}. Only a
 * {@link #STALE_SOCKET} may be deleted to make room; everything else is left alone.
 */
public enum StaleSocketCheck {
    /** Nothing exists at the path: a server can bind it. */
    FREE("free"),
    /** A socket file nobody listens on (a connect is refused): left behind by a server that ended without cleanup. */
    STALE_SOCKET("stale"),
    /** A socket file some program accepts connections on. */
    IN_USE("inUse"),
    /** A regular file, a directory, a symbolic link or another kind of file that is not a socket: never deleted. */
    NOT_A_SOCKET("notASocket"),
    /** A socket file whose listener could not be probed (e.g. no permission to connect to it): never deleted. */
    UNKNOWN("unknown");

    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.net.net");
    private final String key;

    StaleSocketCheck(String key) {
        this.key = key;
    }

    /** A few plain words for the UI: "a leftover socket file: nobody is listening on it". */
    public String description() {
        return TEXT.get("stale." + key);
    }
}
