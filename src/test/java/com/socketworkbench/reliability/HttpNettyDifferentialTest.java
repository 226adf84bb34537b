package com.socketworkbench.reliability;

import com.socketworkbench.engine.codec.ByteSource;
import com.socketworkbench.engine.http.Header;
import com.socketworkbench.engine.http.HttpResponseParser;
import com.socketworkbench.engine.http.ParsedResponse;
import com.socketworkbench.engine.http.ResponseScanner;
import com.socketworkbench.engine.http.Severity;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our response parser against Netty's {@link HttpResponseDecoder} on a generated set of well-formed responses
 * (Content-Length, chunked with and without extensions and trailers, close-delimited, bodyless statuses, bodies with
 * every byte value): status, reason, header names and values in order, trailers and body bytes must agree. Netty is
 * fed in random splits, and so is our incremental scanner, which must find the same end.
 */
class HttpNettyDifferentialTest {
    private static final int RESPONSES = 400;
    private static final int[] STATUSES = {200, 201, 202, 203, 204, 206, 301, 302, 304, 307, 400, 401, 403, 404, 409,
            418, 422, 429, 500, 502, 503, 599};
    private static final List<String> COMMON_NAMES = List.of("Server", "Date", "Content-Type", "Cache-Control", "ETag",
            "Set-Cookie", "Vary", "X-Request-Id", "Access-Control-Allow-Origin", "Location", "Link");
    private static final String TCHARS = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    enum Framing { CONTENT_LENGTH, CHUNKED, CLOSE_DELIMITED, NONE }

    /** A generated response and what any correct parser must make of it. */
    record Generated(byte[] wire, int status, String reason, List<Map.Entry<String, String>> headers,
                     List<Map.Entry<String, String>> trailers, byte[] body, Framing framing) {
    }

    /** What Netty decoded. */
    record Decoded(int status, String reason, List<Map.Entry<String, String>> headers,
                   List<Map.Entry<String, String>> trailers, byte[] body) {
    }

    @Test
    void ourParserAndNettyAgreeOnEveryGeneratedResponse() {
        SplittableRandom random = new SplittableRandom(20_260_611);
        int[] byFraming = new int[Framing.values().length];
        for (int n = 0; n < RESPONSES; n++) {
            Generated g = generate(random);
            byFraming[g.framing().ordinal()]++;
            String label = "response " + n + " (" + g.framing() + "): "
                    + new String(g.wire(), 0, Math.min(200, g.wire().length), StandardCharsets.ISO_8859_1);
            int[] splits = splits(random, g.wire().length);

            Decoded netty = decodeWithNetty(g, splits, label);
            assertEquals(g.status(), netty.status(), label);
            assertEquals(g.headers(), netty.headers(), label);
            assertArrayEquals(g.body(), netty.body(), label);

            try (ParsedResponse ours = HttpResponseParser.parse(ByteSource.of(g.wire()), "GET", true)) {
                assertEquals(netty.status(), ours.statusCode(), label);
                assertEquals(netty.reason(), ours.reason(), label);
                assertEquals(netty.headers(), entries(ours.headers()), label);
                assertEquals(netty.trailers(), entries(ours.trailers()), label);
                assertEquals(HexFormat.of().formatHex(netty.body()),
                        HexFormat.of().formatHex(ours.body().readAll(Integer.MAX_VALUE)), label);
                assertTrue(ours.complete(), label);
                assertTrue(ours.verdicts().stream().allMatch(v -> v.severity() == Severity.INFO),
                        () -> label + " has verdicts " + ours.verdicts());
            }
            assertScannerEndsWhereTheResponseEnds(g, splits, label);
        }
        for (Framing framing : Framing.values()) {
            assertTrue(byFraming[framing.ordinal()] >= RESPONSES / 20, "too few " + framing + " responses generated");
        }
    }

    private static Decoded decodeWithNetty(Generated g, int[] splits, String label) {
        EmbeddedChannel channel = new EmbeddedChannel(new HttpResponseDecoder());
        List<HttpObject> objects = new ArrayList<>();
        try {
            for (int k = 0; k + 1 < splits.length; k++) {
                channel.writeInbound(Unpooled.wrappedBuffer(g.wire(), splits[k], splits[k + 1] - splits[k]));
                drain(channel, objects);
            }
            channel.finish();
            drain(channel, objects);

            HttpResponse response = null;
            List<Map.Entry<String, String>> trailers = List.of();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (HttpObject object : objects) {
                assertTrue(object.decoderResult().isSuccess(), () -> label + ": Netty rejects it: "
                        + object.decoderResult());
                if (object instanceof HttpResponse r) {
                    response = r;
                }
                if (object instanceof HttpContent content) {
                    ByteBuf buf = content.content();
                    byte[] bytes = new byte[buf.readableBytes()];
                    buf.getBytes(buf.readerIndex(), bytes);
                    body.writeBytes(bytes);
                }
                if (object instanceof LastHttpContent last) {
                    trailers = strings(last.trailingHeaders().entries());
                }
            }
            assertTrue(response != null, label + ": Netty found no response");
            return new Decoded(response.status().code(), response.status().reasonPhrase(),
                    strings(response.headers().entries()), trailers, body.toByteArray());
        } finally {
            objects.forEach(ReferenceCountUtil::release);
            channel.finishAndReleaseAll();
        }
    }

    /** Netty's entries as plain String pairs (its names and values may be other CharSequences). */
    private static List<Map.Entry<String, String>> strings(List<Map.Entry<String, String>> entries) {
        return entries.stream().map(e -> Map.entry(String.valueOf(e.getKey()), String.valueOf(e.getValue()))).toList();
    }

    private static void drain(EmbeddedChannel channel, List<HttpObject> into) {
        Object message;
        while ((message = channel.readInbound()) != null) {
            into.add((HttpObject) message);
        }
    }

    /** The incremental scanner, fed in the same splits, completes at the last byte (or at close). */
    private static void assertScannerEndsWhereTheResponseEnds(Generated g, int[] splits, String label) {
        ResponseScanner scanner = new ResponseScanner("GET");
        int consumed = 0;
        for (int k = 0; k + 1 < splits.length; k++) {
            consumed += scanner.feed(g.wire(), splits[k], splits[k + 1] - splits[k]);
        }
        assertEquals(g.wire().length, consumed, label);
        if (g.framing() == Framing.CLOSE_DELIMITED) {
            assertTrue(!scanner.isComplete() && scanner.isCloseDelimited(), label);
            scanner.endOfStream();
        }
        assertTrue(scanner.isComplete(), label);
        assertEquals(g.wire().length, scanner.position(), label);
        assertEquals(g.status(), scanner.statusCode(), label);
    }

    private static List<Map.Entry<String, String>> entries(List<Header> headers) {
        return headers.stream().map(h -> Map.entry(h.name(), h.value())).toList();
    }

    // ---------------------------------------------------------------- generation

    private static Generated generate(SplittableRandom random) {
        int status = STATUSES[random.nextInt(STATUSES.length)];
        boolean bodyless = status == 204 || status == 304;
        Framing framing = bodyless ? Framing.NONE : Framing.values()[random.nextInt(3)];
        String version = framing == Framing.CLOSE_DELIMITED && random.nextBoolean() ? "HTTP/1.0" : "HTTP/1.1";
        String reason = reason(random);
        byte[] body = bodyless ? new byte[0] : body(random);

        List<Map.Entry<String, String>> headers = new ArrayList<>();
        int count = random.nextInt(8);
        for (int k = 0; k < count; k++) {
            headers.add(Map.entry(headerName(random), headerValue(random)));
        }
        if (status >= 300 && status < 400 && status != 304) {
            headers.add(random.nextInt(headers.size() + 1), Map.entry("Location", "/elsewhere?x=" + random.nextInt()));
        }
        switch (framing) {
            case CONTENT_LENGTH -> headers.add(random.nextInt(headers.size() + 1),
                    Map.entry(random.nextBoolean() ? "Content-Length" : "content-length", Integer.toString(body.length)));
            case CHUNKED -> headers.add(random.nextInt(headers.size() + 1), Map.entry("Transfer-Encoding", "chunked"));
            case CLOSE_DELIMITED, NONE -> {
            }
        }
        List<Map.Entry<String, String>> trailers = new ArrayList<>();
        if (framing == Framing.CHUNKED && random.nextBoolean()) {
            for (int k = 0, n = 1 + random.nextInt(3); k < n; k++) {
                trailers.add(Map.entry("X-Trailer-" + k, headerValue(random)));
            }
        }

        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        write(wire, version + " " + status + " " + reason + "\r\n");
        for (Map.Entry<String, String> h : headers) {
            write(wire, h.getKey() + ":" + (random.nextInt(4) == 0 ? "" : " ") + h.getValue()
                    + (random.nextInt(4) == 0 ? " \t" : "") + "\r\n");
        }
        write(wire, "\r\n");
        if (framing == Framing.CHUNKED) {
            writeChunked(wire, body, trailers, random);
        } else {
            wire.writeBytes(body);
        }
        return new Generated(wire.toByteArray(), status, reason, headers, trailers, body, framing);
    }

    private static void writeChunked(ByteArrayOutputStream wire, byte[] body, List<Map.Entry<String, String>> trailers,
                                     SplittableRandom random) {
        for (int at = 0; at < body.length; ) {
            int n = Math.min(body.length - at, 1 + random.nextInt(1500));
            String size = Integer.toHexString(n);
            write(wire, (random.nextBoolean() ? size.toUpperCase() : size)
                    + (random.nextInt(5) == 0 ? ";ext=" + random.nextInt(100) : "") + "\r\n");
            wire.write(body, at, n);
            write(wire, "\r\n");
            at += n;
        }
        write(wire, "0\r\n");
        for (Map.Entry<String, String> t : trailers) {
            write(wire, t.getKey() + ": " + t.getValue() + "\r\n");
        }
        write(wire, "\r\n");
    }

    private static String reason(SplittableRandom random) {
        String[] words = {"OK", "Not Found", "Created", "I'm a teapot", "Server Error", "Moved", "Whatever-You-Say",
                "Gone Fishing"};
        return words[random.nextInt(words.length)];
    }

    private static String headerName(SplittableRandom random) {
        if (random.nextBoolean()) {
            return COMMON_NAMES.get(random.nextInt(COMMON_NAMES.size()));
        }
        StringBuilder name = new StringBuilder("X-");
        for (int k = 0, n = 1 + random.nextInt(12); k < n; k++) {
            name.append(TCHARS.charAt(random.nextInt(TCHARS.length())));
        }
        return name.toString();
    }

    /** Visible ASCII, inner spaces and tabs, and obs-text (bytes 0x80 to 0xff); never blank at either end. */
    private static String headerValue(SplittableRandom random) {
        StringBuilder value = new StringBuilder();
        int n = 1 + random.nextInt(40);
        for (int k = 0; k < n; k++) {
            int kind = random.nextInt(10);
            char c = kind == 0 && k > 0 && k < n - 1 ? (random.nextBoolean() ? ' ' : '\t')
                    : kind == 1 ? (char) (0x80 + random.nextInt(0x80))
                    : (char) (0x21 + random.nextInt(0x7e - 0x21 + 1));
            value.append(c);
        }
        return value.toString();
    }

    private static byte[] body(SplittableRandom random) {
        int length = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> 256;
            case 2 -> random.nextInt(5_000);
            default -> random.nextInt(70_000);
        };
        byte[] body = new byte[length];
        if (length == 256) {
            for (int k = 0; k < 256; k++) {
                body[k] = (byte) k;
            }
        } else {
            random.nextBytes(body);
        }
        return body;
    }

    /** Split points: 0, up to four random cuts, and the end. */
    private static int[] splits(SplittableRandom random, int length) {
        int[] cuts = new int[2 + random.nextInt(5)];
        cuts[cuts.length - 1] = length;
        for (int k = 1; k < cuts.length - 1; k++) {
            cuts[k] = random.nextInt(length + 1);
        }
        Arrays.sort(cuts);
        return cuts;
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
