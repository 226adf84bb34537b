package com.socketworkbench.engine.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A JDK TLS peer on 127.0.0.1 (any free port): accepts up to a bounded number of clients, each on its own thread,
 * and echoes what they send. Handshake failures and what each client sent are recorded for the test.
 */
public final class JdkTlsServer implements AutoCloseable {
    private static final int MAX_CLIENTS = 32;
    private final SSLServerSocket listener;
    private final Thread acceptor;
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final List<SSLSocket> clients = new CopyOnWriteArrayList<>();

    /** @param configure sets versions, client auth, ALPN on the listener before it accepts */
    public JdkTlsServer(SSLContext context, Consumer<SSLServerSocket> configure) throws IOException {
        listener = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50,
                InetAddress.getLoopbackAddress());
        configure.accept(listener);
        acceptor = Thread.ofVirtual().start(this::acceptLoop);
    }

    public JdkTlsServer(SSLContext context) throws IOException {
        this(context, l -> { });
    }

    public int port() {
        return listener.getLocalPort();
    }

    public List<Throwable> failures() {
        return List.copyOf(failures);
    }

    public List<SSLSocket> clients() {
        return List.copyOf(clients);
    }

    private void acceptLoop() {
        for (int i = 0; i < MAX_CLIENTS; i++) {
            try {
                SSLSocket socket = (SSLSocket) listener.accept();
                socket.setSoTimeout(10_000);
                clients.add(socket);
                Thread.ofVirtual().start(() -> echo(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void echo(SSLSocket socket) {
        try (socket) {
            socket.startHandshake();
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            failures.add(e);
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : clients) {
            s.close();
        }
        acceptor.interrupt();
    }
}
