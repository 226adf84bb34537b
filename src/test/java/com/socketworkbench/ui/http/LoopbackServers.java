package com.socketworkbench.ui.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Real peers on 127.0.0.1 for the HTTP tab tests: a JDK HttpServer and a raw socket server that sends fixed bytes. */
final class LoopbackServers {
    static final String JSON = "{\"service\":\"inventory\",\"version\":3,\"healthy\":true,"
            + "\"items\":[{\"id\":1,\"name\":\"bolt\",\"qty\":250},{\"id\":2,\"name\":\"nut\",\"qty\":1200}],"
            + "\"region\":\"eu-central\"}";

    private LoopbackServers() {
    }

    /** What a JDK server handler saw. */
    record Received(String method, String path, Map<String, List<String>> headers, byte[] body) {
    }

    /** A JDK HttpServer on 127.0.0.1:0: "/" answers JSON, "/old" redirects to "/new", "/big" sends {@code bigSize}. */
    static final class Jdk implements AutoCloseable {
        final HttpServer server;
        final BlockingQueue<Received> received = new ArrayBlockingQueue<>(100);
        private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

        Jdk(int bigSize) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            server.setExecutor(executor);
            server.createContext("/", exchange -> {
                record(exchange);
                respond(exchange, 200, "application/json; charset=utf-8",
                        JSON.getBytes(StandardCharsets.UTF_8));
            });
            server.createContext("/old", exchange -> {
                record(exchange);
                exchange.getResponseHeaders().add("Location", "/new?from=old");
                respond(exchange, 302, "text/plain", "moved".getBytes(StandardCharsets.US_ASCII));
            });
            server.createContext("/big", exchange -> {
                record(exchange);
                exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
                exchange.sendResponseHeaders(200, bigSize);
                byte[] block = new byte[64 * 1024];
                try (OutputStream out = exchange.getResponseBody()) {
                    for (long sent = 0; sent < bigSize; ) {
                        int n = (int) Math.min(block.length, bigSize - sent);
                        for (int i = 0; i < n; i++) {
                            block[i] = (byte) ((sent + i) % 251);
                        }
                        out.write(block, 0, n);
                        sent += n;
                    }
                }
            });
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        private void record(HttpExchange exchange) throws IOException {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.offer(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    Map.copyOf(exchange.getRequestHeaders()), body));
        }

        private static void respond(HttpExchange exchange, int code, String type, byte[] body) throws IOException {
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(code, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }

        @Override
        public void close() {
            server.stop(0);
            executor.close();
        }
    }

    /**
     * Answers every connection with {@code response} after reading the request head, then closes. With a null
     * response it reads and never answers (for cancel tests).
     */
    static final class Raw implements AutoCloseable {
        final ServerSocket socket;
        private final Thread thread;

        Raw(byte[] response) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            socket.setSoTimeout(200);
            thread = Thread.ofVirtual().name("raw-http-test-server").start(() -> serve(response));
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve(byte[] response) {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!socket.isClosed() && System.nanoTime() < deadline) {
                try (Socket peer = socket.accept()) {
                    peer.setSoTimeout(10_000);
                    readHead(peer.getInputStream());
                    if (response == null) {
                        peer.getInputStream().read();
                        continue;
                    }
                    peer.getOutputStream().write(response);
                    peer.getOutputStream().flush();
                } catch (SocketTimeoutException e) {
                    // no client yet: look at the deadline and the socket again
                } catch (IOException e) {
                    return;
                }
            }
        }

        private static void readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                head.write(b);
                byte[] bytes = head.toByteArray();
                int n = bytes.length;
                if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r'
                        && bytes[n - 1] == '\n') {
                    return;
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
