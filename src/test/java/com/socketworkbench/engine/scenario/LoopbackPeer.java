package com.socketworkbench.engine.scenario;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * A plain JDK TCP peer on 127.0.0.1 (any free port) for scenario tests and the benchmark: echoes, answers lines, or
 * stays silent after an optional banner. Each client is served on its own virtual thread; {@link #close()} ends all.
 * Also counts whether a client closed its side (read end of stream), so tests can check the run closed everything.
 */
public final class LoopbackPeer implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private volatile int endsOfStream;

    private LoopbackPeer(Handler handler) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("loopback-peer-accept").start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    socket.setTcpNoDelay(true);
                    clients.add(socket);
                    Thread.ofVirtual().name("loopback-peer").start(() -> serve(socket, handler));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    /** What the peer does with one client. */
    @FunctionalInterface
    public interface Handler {
        void serve(InputStream in, OutputStream out, LoopbackPeer peer) throws IOException;
    }

    /** Sends back every byte it reads. */
    public static LoopbackPeer echo() throws IOException {
        return new LoopbackPeer((in, out, peer) -> {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                peer.record(buffer, n);
                out.write(buffer, 0, n);
            }
        });
    }

    /** Reads lines (ending in LF; CR kept) and writes {@code answer}'s reply to each (null: no reply). */
    public static LoopbackPeer lines(UnaryOperator<String> answer) throws IOException {
        return new LoopbackPeer((in, out, peer) -> {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                peer.record(new byte[]{(byte) b}, 1);
                line.write(b);
                if (b == '\n') {
                    String reply = answer.apply(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                    if (reply != null) {
                        out.write(reply.getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                }
            }
        });
    }

    /** Writes {@code banner} once, then only reads (never answers). */
    public static LoopbackPeer silent(byte[] banner) throws IOException {
        return new LoopbackPeer((in, out, peer) -> {
            out.write(banner);
            out.flush();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                peer.record(buffer, n);
            }
        });
    }

    private void serve(Socket socket, Handler handler) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            handler.serve(in, out, this);
            endsOfStream++;
        } catch (IOException e) {
            // The test closed the peer, or the client reset: either way this client is done.
        }
    }

    private synchronized void record(byte[] data, int n) {
        received.write(data, 0, n);
    }

    /** Everything clients sent, in arrival order. */
    public synchronized String received() {
        return received.toString(StandardCharsets.UTF_8);
    }

    /** How many clients closed their side (the peer read end of stream). */
    public int endsOfStream() {
        return endsOfStream;
    }

    public int port() {
        return server.getLocalPort();
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket client : clients) {
            client.close();
        }
    }
}
