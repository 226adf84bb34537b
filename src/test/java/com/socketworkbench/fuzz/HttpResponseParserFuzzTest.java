package com.socketworkbench.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.socketworkbench.engine.codec.ByteSource;
import com.socketworkbench.engine.http.Header;
import com.socketworkbench.engine.http.HttpResponseParser;
import com.socketworkbench.engine.http.ParsedResponse;
import com.socketworkbench.engine.http.ResponseScanner;
import com.socketworkbench.engine.http.Verdict;
import com.socketworkbench.engine.http.VerdictCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link HttpResponseParser#parse} on arbitrary bytes. The first input byte picks the request method, whether the
 * peer closed, and a prefix (nothing, a status line, a chunked head, a Content-Length head) that gets the fuzzer past
 * the status line; the rest follows it. Invariants: parse never throws and never reports its own failure; status code,
 * offsets and sizes stay within the input; headers hold no line breaks; messages hold no raw control characters;
 * completeness agrees with the verdicts; and the incremental scanner, fed in random pieces, ends where it ends when
 * fed everything at once.
 */
class HttpResponseParserFuzzTest {
    private static final String[] METHODS = {"GET", "HEAD", "POST", "CONNECT"};
    private static final String[] PREFIXES = {"", "HTTP/1.1 200 OK\r\n", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n", "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.0 404 Nope\r\n",
            "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Type: application/json; charset=utf-8\r\n"};
    private static final Set<String> INCOMPLETE = Set.of(VerdictCodes.TRUNCATED_BODY, VerdictCodes.MISSING_LAST_CHUNK,
            VerdictCodes.HEAD_INCOMPLETE, VerdictCodes.EMPTY_RESPONSE, VerdictCodes.RESPONSE_INCOMPLETE,
            VerdictCodes.TRAILERS_INCOMPLETE);
    private static final long MAX_DECODED = 1 << 20;

    @FuzzTest(maxDuration = "2m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void parse(byte[] input) {
        if (input.length == 0) {
            check(new byte[0], "GET", true);
            return;
        }
        int flags = input[0] & 0xff;
        byte[] prefix = PREFIXES[(flags >> 3) % PREFIXES.length].getBytes(StandardCharsets.ISO_8859_1);
        byte[] raw = new byte[prefix.length + input.length - 1];
        System.arraycopy(prefix, 0, raw, 0, prefix.length);
        System.arraycopy(input, 1, raw, prefix.length, input.length - 1);
        check(raw, METHODS[flags & 3], (flags & 4) != 0);
    }

    /** The same oracle on seeded random mutations of response-like text. */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void seededRandomResponses() {
        SplittableRandom random = new SplittableRandom(19);
        String[] pieces = {"HTTP/1.1 ", "200", " OK", "\r\n", "\n", "\r", ":", " ", "\t", "Content-Length: ", "5",
                "Transfer-Encoding: ", "chunked", ", ", "gzip", "0", "a", ";x=y", "hello", "\0", "\u00ff", "-1", "ffff",
                "Content-Encoding: gzip", "Content-Type: application/json", "{\"a\":1}", "\r\n\r\n", "HTTP/1.1 100 A"};
        for (int n = 0; n < 8_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = 0, length = random.nextInt(30); k < length; k++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            byte[] raw = text.toString().getBytes(StandardCharsets.ISO_8859_1);
            if (random.nextInt(4) == 0 && raw.length > 0) {
                raw[random.nextInt(raw.length)] = (byte) random.nextInt(256);
            }
            check(raw, METHODS[random.nextInt(METHODS.length)], random.nextBoolean());
        }
    }

    static void check(byte[] raw, String method, boolean closedByPeer) {
        String label = method + (closedByPeer ? " closed " : " open ") + new String(raw, StandardCharsets.ISO_8859_1);
        try (ParsedResponse response = HttpResponseParser.parse(ByteSource.of(raw), method, closedByPeer, MAX_DECODED)) {
            int code = response.statusCode();
            assertTrue(code == 0 || code >= 100 && code <= 599, () -> "status " + code + ": " + label);
            assertTrue(response.headerEnd() >= 0 && response.headerEnd() <= raw.length, () -> "head end: " + label);
            assertTrue(response.entity().length() <= raw.length, () -> "entity longer than the input: " + label);
            assertTrue(response.body().length() <= Math.max(MAX_DECODED, response.entity().length()),
                    () -> "decoded body beyond the limit: " + label);
            for (Verdict v : response.verdicts()) {
                assertFalse(v.code().equals(VerdictCodes.PARSER_ERROR), () -> v.message() + ": " + label);
                assertTrue(v.byteOffset() >= 0 && v.byteOffset() <= raw.length, () -> v + ": " + label);
                assertTrue(v.message().chars().noneMatch(c -> c < 0x20 || c == 0x7f),
                        () -> "raw control character in the message " + v + ": " + label);
            }
            for (List<Header> fields : List.of(response.headers(), response.trailers())) {
                for (Header h : fields) {
                    assertTrue(h.offset() >= 0 && h.offset() < raw.length, () -> h + ": " + label);
                    assertTrue(h.name().indexOf('\n') < 0 && h.value().indexOf('\n') < 0, () -> h + ": " + label);
                    assertTrue(h.name().indexOf(':') < 0, () -> h + ": " + label);
                }
            }
            boolean cut = response.verdicts().stream().anyMatch(v -> INCOMPLETE.contains(v.code()));
            if (response.complete()) {
                assertFalse(cut, () -> "complete, yet " + response.verdicts() + ": " + label);
            }
            if (!closedByPeer && !response.complete()) {
                assertTrue(cut || response.verdicts().stream().anyMatch(v -> v.severity()
                        == com.socketworkbench.engine.http.Severity.ERROR), () -> "incomplete without a reason: " + label);
            }
        }
        checkScannerSplits(raw, method);
    }

    /** The scanner's end and status do not depend on how the bytes arrive. */
    private static void checkScannerSplits(byte[] raw, String method) {
        ResponseScanner whole = new ResponseScanner(method);
        int consumedWhole = whole.feed(raw, 0, raw.length);
        ResponseScanner pieces = new ResponseScanner(method);
        SplittableRandom random = new SplittableRandom(Arrays.hashCode(raw));
        int consumed = 0;
        for (int at = 0; at < raw.length && !pieces.isComplete(); ) {
            int n = 1 + random.nextInt(Math.min(raw.length - at, 64));
            consumed += pieces.feed(raw, at, n);
            at += n;
        }
        assertEquals(consumedWhole, consumed, () -> "consumed: " + new String(raw, StandardCharsets.ISO_8859_1));
        assertEquals(whole.isComplete(), pieces.isComplete());
        assertEquals(whole.position(), pieces.position());
        assertEquals(whole.statusCode(), pieces.statusCode());
        assertEquals(whole.framing(), pieces.framing());
        assertEquals(whole.isFramingBroken(), pieces.isFramingBroken());
        assertTrue(whole.position() <= raw.length);
    }
}
