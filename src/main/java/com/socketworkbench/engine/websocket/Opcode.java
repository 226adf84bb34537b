package com.socketworkbench.engine.websocket;

/** The opcodes of RFC 6455 section 5.2, and what they are called on screen (protocol words, not translated). */
public final class Opcode {
    public static final int CONTINUATION = 0x0;
    public static final int TEXT = 0x1;
    public static final int BINARY = 0x2;
    public static final int CLOSE = 0x8;
    public static final int PING = 0x9;
    public static final int PONG = 0xA;

    private Opcode() {
    }

    /** Close, ping and pong (and the reserved 0xB–0xF): the high bit of the opcode. */
    public static boolean isControl(int opcode) {
        return (opcode & 0x8) != 0;
    }

    /** 0x3–0x7 and 0xB–0xF have no meaning without an extension that defines them. */
    public static boolean isReserved(int opcode) {
        return !(opcode == CONTINUATION || opcode == TEXT || opcode == BINARY || opcode == CLOSE || opcode == PING
                || opcode == PONG);
    }

    /** "text", "binary", "continuation", "ping", "pong", "close", or "0x3" for a reserved one. */
    public static String name(int opcode) {
        return switch (opcode) {
            case CONTINUATION -> "continuation";
            case TEXT -> "text";
            case BINARY -> "binary";
            case CLOSE -> "close";
            case PING -> "ping";
            case PONG -> "pong";
            default -> "0x" + Integer.toHexString(opcode).toUpperCase(java.util.Locale.ROOT);
        };
    }
}
