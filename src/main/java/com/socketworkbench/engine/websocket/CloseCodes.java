package com.socketworkbench.engine.websocket;

/** Close status codes (RFC 6455 section 7.4) and which of them may appear in a close frame. */
public final class CloseCodes {
    public static final int NORMAL = 1000;
    public static final int GOING_AWAY = 1001;
    public static final int PROTOCOL_ERROR = 1002;
    public static final int INVALID_DATA = 1007;
    public static final int TOO_BIG = 1009;
    /** "No status received": never sent, only what a close frame without a payload means. */
    public static final int NO_STATUS = 1005;
    /** "Abnormal closure": never sent, what a connection gone without a close frame means. */
    public static final int ABNORMAL = 1006;

    private CloseCodes() {
    }

    /**
     * Whether {@code code} may be sent in a close frame: 1000–1003, 1007–1014 (the registered ones) and 3000–4999
     * (libraries and applications). 1004, 1005, 1006 and 1015 are reserved, below 1000 unused, 1016–2999 for
     * future standards, 5000 and up undefined.
     */
    public static boolean isValidOnWire(int code) {
        return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
    }
}
