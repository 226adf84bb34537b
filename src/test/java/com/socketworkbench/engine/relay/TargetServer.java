package com.socketworkbench.engine.relay;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A JDK TCP server on 127.0.0.1, port 0, as the relay's target: echoes everything (and passes a FIN back) when
 * {@code echo}, otherwise hands each accepted socket to the test ({@link #nextAccepted()}).
 */
final class TargetServer implements AutoCloseable {
    private final ServerSocket server;
    private final boolean echo;
    private final BlockingQueue<Socket> accepted = new LinkedBlockingQueue<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private TargetServer(boolean echo) throws IOException {
        this.server = new ServerSocket(0, 2048, InetAddress.getLoopbackAddress());
        this.echo = echo;
        this.acceptor = Thread.ofVirtual().name("target-accept").start(this::acceptLoop);
    }

    static TargetServer echo() throws IOException {
        return new TargetServer(true);
    }

    static TargetServer manual() throws IOException {
        return new TargetServer(false);
    }

    int port() {
        return server.getLocalPort();
    }

    InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    Socket nextAccepted() throws InterruptedException {
        Socket socket = accepted.poll(10, TimeUnit.SECONDS);
        if (socket == null) {
            throw new AssertionError("the target accepted no connection within 10 s");
        }
        return socket;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return;
            }
            sockets.add(socket);
            if (echo) {
                Thread.ofVirtual().name("target-echo").start(() -> echo(socket));
            } else {
                accepted.add(socket);
            }
        }
    }

    private static void echo(Socket socket) {
        byte[] buffer = new byte[64 * 1024];
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            int count;
            while ((count = in.read(buffer)) >= 0) {
                out.write(buffer, 0, count);
            }
            socket.shutdownOutput();
        } catch (IOException e) {
            // the peer went away; the test decides what that means
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
