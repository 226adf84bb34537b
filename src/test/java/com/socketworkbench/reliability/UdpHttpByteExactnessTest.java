package com.socketworkbench.reliability;

import com.socketworkbench.engine.codec.ByteSource;
import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.engine.http.HttpExchange;
import com.socketworkbench.engine.http.HttpExchanger;
import com.socketworkbench.engine.http.ParsedResponse;
import com.socketworkbench.engine.http.PreparedRequest;
import com.socketworkbench.engine.http.RequestOptions;
import com.socketworkbench.engine.http.ScriptedServer;
import com.socketworkbench.engine.udp.UdpConfig;
import com.socketworkbench.engine.udp.UdpEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every byte value through UDP datagrams and HTTP requests and responses: what arrives is what was sent. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UdpHttpByteExactnessTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    /** Larger than the 8 MiB an exchange keeps in memory, so the raw bytes and the body go through temp files. */
    private static final int SPILLED_BODY = 9 * 1024 * 1024 + 77;

    private static byte[] allByteValues(int repeat) {
        byte[] bytes = new byte[256 * repeat];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    private static byte[] random(int length, long seed) {
        byte[] bytes = new byte[length];
        new SplittableRandom(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void datagramsCarryEveryByteValueBothWays() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (UdpEndpoint endpoint = new UdpEndpoint(UdpConfig.of("127.0.0.1", 0), sink);
             DatagramSocket peer = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            InetSocketAddress local = endpoint.start();
            peer.setSoTimeout(5_000);
            List<byte[]> payloads = List.of(allByteValues(1), allByteValues(16), new byte[0],
                    random(65_507, 8), new byte[]{0}, new byte[]{(byte) 0xff});

            for (byte[] payload : payloads) {
                endpoint.send("127.0.0.1", peer.getLocalPort(), payload).get(5, TimeUnit.SECONDS);
                DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
                peer.receive(packet);
                assertArrayEquals(payload, java.util.Arrays.copyOf(packet.getData(), packet.getLength()),
                        "engine -> JDK, " + payload.length + " bytes");
            }
            for (byte[] payload : payloads) {
                peer.send(new DatagramPacket(payload, payload.length, local));
            }
            List<BytesReceived> received = org.awaitility.Awaitility.await().atMost(RecordingSink.WAIT)
                    .until(() -> sink.of(BytesReceived.class), list -> list.size() == payloads.size());
            for (int i = 0; i < payloads.size(); i++) {
                assertArrayEquals(payloads.get(i), received.get(i).data(), "JDK -> engine, datagram " + i);
                assertFalse(received.get(i).truncated());
            }
            assertEquals(payloads.size(), sink.of(BytesSent.class).size());
        }
    }

    @Test
    void anHttpRequestBodyReachesTheServerExactly() throws Exception {
        byte[] body = allByteValues(4);
        byte[] head = ("POST /bytes HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = concat(head, body);
        byte[] response = "HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        try (ScriptedServer server = new ScriptedServer(r -> ScriptedServer.Reply.of(response, ScriptedServer.After.CLOSE));
             HttpExchanger exchanger = new HttpExchanger()) {
            try (HttpExchange exchange = exchanger.send(server.target(), PreparedRequest.ofExactBytes(request),
                    RequestOptions.DEFAULTS, null).get(20, TimeUnit.SECONDS)) {
                assertTrue(exchange.succeeded(), () -> exchange.failure().orElse(""));
                assertArrayEquals(request, server.nextRequest());
                assertEquals(request.length, exchange.bytesSent());
            }
        }
    }

    @Test
    void contentLengthResponsesKeepEveryByteInRawBytesAndBody() throws Exception {
        for (byte[] body : List.of(allByteValues(1), concat(allByteValues(3), random(SPILLED_BODY, 9)))) {
            byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: "
                    + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
            byte[] wire = concat(head, body);
            try (HttpExchange exchange = exchange(wire)) {
                ParsedResponse response = exchange.response().orElseThrow();
                assertSameBytes(wire, exchange.rawBytes(), "raw bytes");
                assertSameBytes(body, response.body(), "body");
                assertSameBytes(body, response.entity(), "entity");
                assertTrue(response.complete());
                assertTrue(response.verdicts().isEmpty(), response.verdicts()::toString);
            }
        }
    }

    @Test
    void chunkedResponsesAreDechunkedExactlyAndKeptRawExactly() throws Exception {
        byte[] body = concat(allByteValues(2), random(SPILLED_BODY, 10));
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        SplittableRandom sizes = new SplittableRandom(11);
        for (int at = 0; at < body.length; ) {
            int n = Math.min(body.length - at, 1 + sizes.nextInt(300_000));
            wire.writeBytes((Integer.toHexString(n) + (at == 0 ? ";name=value" : "") + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            wire.write(body, at, n);
            wire.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            at += n;
        }
        wire.writeBytes("0\r\nX-Checksum: done\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        byte[] raw = wire.toByteArray();
        try (HttpExchange exchange = exchange(raw)) {
            ParsedResponse response = exchange.response().orElseThrow();
            assertSameBytes(raw, exchange.rawBytes(), "raw bytes");
            assertSameBytes(body, response.body(), "de-chunked body");
            assertEquals("done", response.trailers().getFirst().value());
            assertTrue(response.verdicts().isEmpty(), response.verdicts()::toString);
        }
    }

    @Test
    void aGzipBodyDecodesToEveryByteValueAndTheEntityStaysCompressed() throws Exception {
        byte[] body = allByteValues(64);
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(body);
        }
        byte[] entity = gzipped.toByteArray();
        byte[] wire = concat(("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: " + entity.length
                + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), entity);
        try (HttpExchange exchange = exchange(wire)) {
            ParsedResponse response = exchange.response().orElseThrow();
            assertSameBytes(wire, exchange.rawBytes(), "raw bytes");
            assertSameBytes(entity, response.entity(), "entity");
            assertSameBytes(body, response.body(), "decoded body");
        }
    }

    private static HttpExchange exchange(byte[] responseBytes) throws Exception {
        byte[] request = "GET /bytes HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        try (ScriptedServer server = new ScriptedServer(r -> ScriptedServer.Reply.of(responseBytes,
                ScriptedServer.After.CLOSE));
             HttpExchanger exchanger = new HttpExchanger()) {
            HttpExchange exchange = exchanger.send(server.target(), PreparedRequest.ofExactBytes(request),
                    RequestOptions.DEFAULTS, null).get(30, TimeUnit.SECONDS);
            assertTrue(exchange.succeeded(), () -> exchange.failure().orElse(""));
            assertEquals(responseBytes.length, exchange.bytesReceived());
            return exchange;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Compares by length and SHA-256 (the bodies reach 9 MiB), reading the source in blocks as a view would. */
    private static void assertSameBytes(byte[] expected, ByteSource actual, String what) {
        assertEquals(expected.length, actual.length(), what + ": length");
        MessageDigest digest = HashingSink.sha256();
        byte[] block = new byte[100_003];
        for (long at = 0; at < actual.length(); ) {
            int n = actual.read(at, block, 0, block.length);
            assertTrue(n > 0, what + ": read returned " + n + " at " + at);
            digest.update(block, 0, n);
            at += n;
        }
        assertEquals(HexFormat.of().formatHex(HashingSink.sha256().digest(expected)),
                HexFormat.of().formatHex(digest.digest()), what + ": SHA-256");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
