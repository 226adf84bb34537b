package com.socketworkbench.engine.http;

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
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A loopback HTTP peer on a plain JDK server socket that reads each request exactly (head up to the empty line, then
 * Content-Length bytes), records it, and answers with whatever bytes the script gives: the opposite end for testing
 * malformed responses, faults and the bytes on the wire. Shared by the engine's HTTP tests and the reliability suites.
 */
public final class ScriptedServer implements AutoCloseable {

    /** What happens to the connection after the reply. */
    public enum After {
        /** Close it (FIN). */
        CLOSE,
        /** Read the next request on it. */
        KEEP_ALIVE,
        /** Keep it open without answering anything more until the client closes it. */
        HOLD,
        /** Abort it (RST). */
        RESET
    }

    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    public record Reply(Writer writer, After after) {
        public static Reply of(String response, After after) {
            byte[] bytes = response.getBytes(StandardCharsets.ISO_8859_1);
            return new Reply(out -> out.write(bytes), after);
        }

        public static Reply of(byte[] bytes, After after) {
            return new Reply(out -> out.write(bytes), after);
        }
    }

    private final ServerSocket server;
    private final Function<byte[], Reply> script;
    private final BlockingQueue<byte[]> requests = new LinkedBlockingQueue<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    public ScriptedServer(Function<byte[], Reply> script) throws IOException {
        this.script = script;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        threads.add(Thread.ofVirtual().name("scripted-accept").start(this::acceptLoop));
    }

    public static ScriptedServer replying(String response) throws IOException {
        return new ScriptedServer(request -> Reply.of(response, After.CLOSE));
    }

    public int port() {
        return server.getLocalPort();
    }

    public HttpTarget target() {
        return new HttpTarget("http", "127.0.0.1", port());
    }

    public int acceptedConnections() {
        return accepted.get();
    }

    /** The next request's exact bytes, waiting up to 10 s. */
    public byte[] nextRequest() throws InterruptedException {
        byte[] request = requests.poll(10, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("the server received no request within 10 s");
        }
        return request;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                accepted.incrementAndGet();
                clients.add(socket);
                threads.add(Thread.ofVirtual().name("scripted-conn").start(() -> serve(socket)));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            for (int i = 0; i < 100; i++) {
                byte[] request = readRequest(in);
                if (request == null) {
                    return;
                }
                requests.add(request);
                Reply reply = script.apply(request);
                reply.writer().write(out);
                out.flush();
                switch (reply.after()) {
                    case CLOSE -> {
                        return;
                    }
                    case HOLD -> {
                        while (in.read() >= 0) {
                            // wait for the client to give up
                        }
                        return;
                    }
                    case RESET -> {
                        socket.setSoLinger(true, 0);
                        return;
                    }
                    case KEEP_ALIVE -> {
                    }
                }
            }
        } catch (IOException e) {
            // the client went away; nothing to serve
        }
    }

    /** One request: the head up to the first empty line (CRLF or bare LF), then Content-Length body bytes. */
    static byte[] readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int previous = -1;
        int beforePrevious = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                return bytes.size() == 0 ? null : bytes.toByteArray();
            }
            bytes.write(b);
            if (b == '\n' && (previous == '\n' || (previous == '\r' && beforePrevious == '\n'))) {
                break;
            }
            beforePrevious = previous;
            previous = b;
        }
        String head = bytes.toString(StandardCharsets.ISO_8859_1);
        long length = 0;
        for (String line : head.split("\r?\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(line.substring(15).strip());
            }
        }
        bytes.write(in.readNBytes((int) length));
        return bytes.toByteArray();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket client : clients) {
            client.close();
        }
        for (Thread thread : threads) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
