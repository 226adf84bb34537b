package com.socketworkbench.engine.repeat;

import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.tcp.TcpClient;
import com.socketworkbench.engine.tcp.TcpClientConfig;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

/**
 * A JDK listener on 127.0.0.1 (free port) that reads everything one connection sends, counting the bytes and their
 * CRC-32, and an engine {@link TcpClient} connected to it: the loopback set-up of the periodic and file send tests.
 */
public final class LoopbackPeer implements AutoCloseable {
    private final ServerSocket listener;
    private final TcpClient client;
    private final AtomicLong received = new AtomicLong();
    private final CRC32 crc = new CRC32();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private volatile Socket accepted;

    public LoopbackPeer() throws Exception {
        listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        listener.setSoTimeout(10_000);
        Thread.ofVirtual().name("test-peer").start(this::read);
        client = new TcpClient(new TcpClientConfig("127.0.0.1", listener.getLocalPort()), EventSink.NONE);
        client.connect().get(10, TimeUnit.SECONDS);
    }

    private void read() {
        try (Socket socket = listener.accept(); InputStream in = socket.getInputStream()) {
            accepted = socket;
            byte[] buffer = new byte[256 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                synchronized (crc) {
                    crc.update(buffer, 0, n);
                }
                received.addAndGet(n);
            }
        } catch (IOException e) {
            // The test closed the peer.
        } finally {
            ended.complete(null);
        }
    }

    public TcpClient client() {
        return client;
    }

    /** Sends through the engine client, as a tab's sink does. */
    public SendSink sink() {
        return client::send;
    }

    public long received() {
        return received.get();
    }

    public long crc() {
        synchronized (crc) {
            return crc.getValue();
        }
    }

    /** Closes the client and waits (bounded) until the peer has read everything up to the end of the stream. */
    public void closeClientAndDrain(Duration limit) throws Exception {
        client.close();
        ended.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws Exception {
        client.close();
        Socket socket = accepted;
        if (socket != null) {
            socket.close();
        }
        listener.close();
    }
}
