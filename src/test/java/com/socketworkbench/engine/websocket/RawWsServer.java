package com.socketworkbench.engine.websocket;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scripted server on loopback for what Netty would never send: it reads the handshake request, writes the head
 * the script makes from the client's key (a correct 101 by default) and then the crafted bytes, and keeps what the
 * client sends afterwards (its close frame) until the client closes or 5 s pass.
 */
public final class RawWsServer implements AutoCloseable {
    private static final Pattern KEY = Pattern.compile("Sec-WebSocket-Key: (\\S+)\r\n");
    private final ServerSocket server;
    private final CompletableFuture<byte[]> fromClient = new CompletableFuture<>();

    /** Milliseconds between the head's bytes, each sent alone; 0 sends the head at once. */
    private final int trickle;

    private RawWsServer(Function<String, byte[]> head, byte[] after, int trickle) throws IOException {
        this.trickle = trickle;
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("raw-ws-server").start(() -> serve(head, after));
    }

    private RawWsServer(Function<String, byte[]> head, byte[] after) throws IOException {
        this(head, after, 0);
    }

    /** A correct 101 sent one byte every {@code millis} ms, as a server too slow (or hostile) would. */
    public static RawWsServer trickle(int millis) throws IOException {
        return new RawWsServer(RawWsServer::goodHead, new byte[0], millis);
    }

    /** A correct 101, then {@code after}. */
    public static RawWsServer frames(byte[] after) throws IOException {
        return new RawWsServer(RawWsServer::goodHead, after);
    }

    /** A head made by the script from the client's key, then {@code after}. */
    public static RawWsServer head(Function<String, byte[]> head, byte[] after) throws IOException {
        return new RawWsServer(head, after);
    }

    public static byte[] goodHead(String key) {
        return ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + Handshake.acceptFor(key) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    }

    public String url() {
        return "ws://127.0.0.1:" + server.getLocalPort() + "/raw";
    }

    /** What the client sent after the handshake, once it closed (or 5 s passed). */
    public CompletableFuture<byte[]> fromClient() {
        return fromClient;
    }

    private void serve(Function<String, byte[]> head, byte[] after) {
        try (Socket socket = server.accept()) {
            socket.setSoTimeout(5000);
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            while (!request.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    fromClient.complete(new byte[0]);
                    return;
                }
                request.write(b);
            }
            Matcher key = KEY.matcher(request.toString(StandardCharsets.ISO_8859_1));
            byte[] headBytes = head.apply(key.find() ? key.group(1) : "");
            if (trickle > 0) {
                for (byte b : headBytes) {
                    socket.getOutputStream().write(b);
                    socket.getOutputStream().flush();
                    Thread.sleep(trickle);
                }
            } else {
                socket.getOutputStream().write(headBytes);
            }
            socket.getOutputStream().write(after);
            socket.getOutputStream().flush();
            ByteArrayOutputStream rest = new ByteArrayOutputStream();
            byte[] buffer = new byte[1024];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    rest.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // Whatever arrived is the answer.
            }
            fromClient.complete(rest.toByteArray());
        } catch (IOException e) {
            fromClient.completeExceptionally(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fromClient.completeExceptionally(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
