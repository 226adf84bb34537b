package com.socketworkbench.reliability;

import com.socketworkbench.engine.http.HttpTarget;

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
import java.util.function.Function;

/**
 * A loopback HTTP peer built on a plain JDK server socket: reads each request exactly (head, then Content-Length
 * bytes), records it, and answers with whatever bytes the script gives, so a test controls every byte on the wire.
 */
final class RawHttpServer implements AutoCloseable {

    /** What happens to the connection after the reply. */
    enum After { CLOSE, KEEP_OPEN, RESET }

    @FunctionalInterface
    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    record Reply(Writer writer, After after) {
        static Reply of(byte[] bytes, After after) {
            return new Reply(out -> out.write(bytes), after);
        }
    }

    private final ServerSocket server;
    private final Function<byte[], Reply> script;
    private final BlockingQueue<byte[]> requests = new LinkedBlockingQueue<>();
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    RawHttpServer(Function<byte[], Reply> script) throws IOException {
        this.script = script;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        threads.add(Thread.ofVirtual().name("raw-http-accept").start(this::acceptLoop));
    }

    HttpTarget target() {
        return new HttpTarget("http", "127.0.0.1", server.getLocalPort());
    }

    /** The next request's exact bytes, waiting up to 10 s. */
    byte[] nextRequest() throws InterruptedException {
        byte[] request = requests.poll(10, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("the server received no request within 10 s");
        }
        return request;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                clients.add(client);
                threads.add(Thread.ofVirtual().name("raw-http-conn").start(() -> serve(client)));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            while (true) {
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
                    case RESET -> {
                        client.setSoLinger(true, 0);
                        return;
                    }
                    case KEEP_OPEN -> {
                    }
                }
            }
        } catch (IOException e) {
            // The client went away; nothing to answer.
        }
    }

    /** One request: the head up to the empty line, then as many bytes as its Content-Length says; null at EOF. */
    private static byte[] readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int last4 = 0;
        int b;
        while ((b = in.read()) >= 0) {
            bytes.write(b);
            last4 = last4 << 8 | b;
            if (last4 == 0x0d0a0d0a) {
                break;
            }
        }
        if (bytes.size() == 0) {
            return null;
        }
        String head = bytes.toString(StandardCharsets.ISO_8859_1);
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                int length = Integer.parseInt(line.substring(line.indexOf(':') + 1).strip());
                bytes.writeBytes(in.readNBytes(length));
            }
        }
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
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
