package com.socketworkbench.engine.tls;

/**
 * Recognises the start of a TLS record in bytes that arrived on a plain (not TLS) connection: the usual loopback
 * mix-up of a TLS client on a plaintext port, or a plaintext client on a TLS port, which otherwise shows only as
 * "16 03 01 ..." with no word about it.
 */
public final class TlsRecords {
    private static final int HANDSHAKE = 0x16;
    private static final int ALERT = 0x15;
    /** The largest record length allowed: 2^14 plaintext plus the most expansion TLS 1.2 permits. */
    private static final int MAX_RECORD = 16_384 + 2_048;

    private TlsRecords() {
    }

    /**
     * A notice for the first bytes of a plain connection when they look like a TLS record header (content type
     * handshake or alert, version 3.0 to 3.4: SSL 3.0 to TLS 1.3's legacy field, and a plausible length); null
     * otherwise. Looks at five bytes at most: meant for the first read of a connection only.
     */
    public static String explainOnPlainConnection(byte[] data, int length) {
        if (length < 3 || (data[0] != HANDSHAKE && data[0] != ALERT) || data[1] != 0x03 || data[2] < 0
                || data[2] > 0x04) {
            return null;
        }
        if (length >= 5) {
            int recordLength = (data[3] & 0xFF) << 8 | data[4] & 0xFF;
            if (recordLength == 0 || recordLength > MAX_RECORD) {
                return null;
            }
        }
        return TlsText.TEXT.get(data[0] == HANDSHAKE ? "plain.sawHandshake" : "plain.sawAlert");
    }
}
