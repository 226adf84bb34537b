package com.socketworkbench.engine.tcp;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * A TCP channel in blocking mode. Reads go through the socket adaptor's stream because only that honours
 * SO_TIMEOUT, which ends a read after the idle gap.
 */
final class InetStreamIo implements StreamIo {
    private final SocketChannel channel;
    private final Socket socket;
    private InputStream in;
    private final IdleGapReads reads;

    InetStreamIo(SocketChannel channel) {
        this.channel = channel;
        this.socket = channel.socket();
        this.reads = new IdleGapReads(socket, 0);
    }

    @Override
    public int read(byte[] buffer, long idleGapMillis) throws IOException {
        if (in == null) {
            in = socket.getInputStream();
        }
        return reads.read(in, buffer, idleGapMillis);
    }

    @Override
    public int write(ByteBuffer buffer) throws IOException {
        return channel.write(buffer);
    }

    @Override
    public SocketChannel channel() {
        return channel;
    }

    @Override
    public void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    @Override
    public boolean prepareReset() throws IOException {
        channel.setOption(StandardSocketOptions.SO_LINGER, 0);
        return true;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
