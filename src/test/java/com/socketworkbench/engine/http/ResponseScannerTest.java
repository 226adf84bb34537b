package com.socketworkbench.engine.http;

import com.socketworkbench.engine.codec.ByteSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResponseScannerTest {

    private static final List<String> RESPONSES = List.of(
            "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;x=y\r\nhello\r\n3\r\nabc\r\n0\r\nT: 1\r\n\r\n",
            "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\nX: 1\r\n\r\n",
            "HTTP/1.1 304 Not Modified\r\nETag: \"a\"\r\n\r\n",
            "HTTP/1.1 200 OK\nContent-Length: 2\n\nok",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\nok\n0\n\n",
            "HTTP/1.1 301 Moved\r\nLocation: /x\r\nContent-Length: 0\r\n\r\n");

    @Test
    void byteAtATimeFindsTheSameEndAsOneBuffer() {
        for (String response : RESPONSES) {
            byte[] bytes = (response + "EXTRA").getBytes(StandardCharsets.ISO_8859_1);
            ResponseScanner whole = new ResponseScanner("GET");
            int consumed = whole.feed(bytes, 0, bytes.length);
            assertTrue(whole.isComplete(), response);
            assertEquals(response.length(), consumed, response);

            ResponseScanner single = new ResponseScanner("GET");
            int fed = 0;
            while (!single.isComplete() && fed < bytes.length) {
                fed += single.feed(bytes, fed, 1);
            }
            assertTrue(single.isComplete(), response);
            assertEquals(response.length(), single.position(), response);
            assertEquals(whole.framing(), single.framing());
            assertEquals(0, single.feed(bytes, fed, bytes.length - fed), "nothing more is consumed once complete");
        }
    }

    @Test
    void headResponseEndsAfterTheHead() {
        ResponseScanner scanner = new ResponseScanner("HEAD");
        byte[] bytes = "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        scanner.feed(bytes, 0, bytes.length);
        assertTrue(scanner.isComplete());
        assertEquals(ResponseScanner.Framing.NO_BODY, scanner.framing());
        assertEquals(200, scanner.statusCode());
        assertEquals("100", scanner.headerValue("content-length"));
    }

    @Test
    void closeDelimitedBodyNeedsTheEndOfStream() {
        ResponseScanner scanner = new ResponseScanner("GET");
        byte[] bytes = "HTTP/1.0 200 OK\r\n\r\nsome".getBytes(StandardCharsets.US_ASCII);
        scanner.feed(bytes, 0, bytes.length);
        assertFalse(scanner.isComplete());
        assertTrue(scanner.isCloseDelimited());
        scanner.endOfStream();
        assertTrue(scanner.isComplete());
        assertFalse(scanner.isFramingBroken());
    }

    /**
     * 1-byte chunks cost a size line each; reading one used to make strings and a regular expression per chunk (17
     * times the CPU of a plain body). Allocation is what that cost came with, and unlike time it does not depend on
     * the machine's load.
     */
    @Test
    void oneByteChunksAreScannedWithoutAllocatingPerChunk() {
        int chunks = 200_000;
        byte[] head = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] chunk = "1\r\nx\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[head.length + chunks * chunk.length + 5];
        System.arraycopy(head, 0, bytes, 0, head.length);
        for (int i = 0; i < chunks; i++) {
            System.arraycopy(chunk, 0, bytes, head.length + i * chunk.length, chunk.length);
        }
        System.arraycopy("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0, bytes, bytes.length - 5, 5);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

        long before = threads.getCurrentThreadAllocatedBytes();
        ResponseScanner scanner = new ResponseScanner("GET");
        for (int off = 0; off < bytes.length; off += 64 * 1024) {
            scanner.feed(bytes, off, Math.min(64 * 1024, bytes.length - off));
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertTrue(scanner.isComplete());
        assertFalse(scanner.isFramingBroken());
        assertTrue(allocated < chunks, allocated + " bytes allocated for " + chunks + " chunks");
    }

    @Test
    void mutatedResponsesNeverBreakTheParser() {
        Random random = new Random(7);
        for (int round = 0; round < 3000; round++) {
            byte[] bytes = RESPONSES.get(random.nextInt(RESPONSES.size())).getBytes(StandardCharsets.ISO_8859_1);
            int mutations = 1 + random.nextInt(4);
            for (int m = 0; m < mutations && bytes.length > 0; m++) {
                int at = random.nextInt(bytes.length);
                switch (random.nextInt(4)) {
                    case 0 -> bytes[at] = (byte) random.nextInt(256);
                    case 1 -> bytes[at] = "\r\n: 0;fF-".getBytes(StandardCharsets.US_ASCII)[random.nextInt(9)];
                    case 2 -> bytes = java.util.Arrays.copyOf(bytes, at);
                    default -> {
                        byte[] longer = new byte[bytes.length + 1];
                        System.arraycopy(bytes, 0, longer, 0, at);
                        longer[at] = (byte) "\r\n 9a"
                                .charAt(random.nextInt(5));
                        System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
                        bytes = longer;
                    }
                }
            }
            String method = random.nextInt(5) == 0 ? "HEAD" : "GET";
            ParsedResponse parsed = HttpResponseParser.parse(ByteSource.of(bytes), method, random.nextBoolean());
            for (Verdict v : parsed.verdicts()) {
                assertFalse(v.code().equals(VerdictCodes.PARSER_ERROR), v.message());
                assertTrue(v.byteOffset() >= 0 && v.byteOffset() <= bytes.length,
                        v + " outside 0.." + bytes.length + " in " + new String(bytes, StandardCharsets.ISO_8859_1));
            }
            assertTrue(parsed.headerEnd() <= bytes.length);
        }
    }
}
