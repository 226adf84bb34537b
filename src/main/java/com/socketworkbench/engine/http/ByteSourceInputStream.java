package com.socketworkbench.engine.http;

import com.socketworkbench.engine.codec.ByteSource;

import java.io.InputStream;

/** Reads a {@link ByteSource} front to back, for the JDK's decompressing streams. */
final class ByteSourceInputStream extends InputStream {

    private final ByteSource source;
    private long position;

    ByteSourceInputStream(ByteSource source) {
        this.source = source;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        int n = source.read(position, b, off, len);
        if (n > 0) {
            position += n;
        }
        return n <= 0 ? -1 : n;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, source.length() - position);
    }
}
