package com.socketworkbench.engine.http;

import com.socketworkbench.engine.codec.ByteSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpResponseParserTest {

    private static ParsedResponse parse(String raw) {
        return parse(raw, "GET", true);
    }

    private static ParsedResponse parse(String raw, String method, boolean closed) {
        return HttpResponseParser.parse(ByteSource.of(raw.getBytes(StandardCharsets.ISO_8859_1)), method, closed);
    }

    private static String text(ByteSource source) {
        return new String(source.readAll(Integer.MAX_VALUE), StandardCharsets.ISO_8859_1);
    }

    private static Verdict verdict(ParsedResponse r, String code) {
        return r.verdict(code).orElseThrow(() -> new AssertionError("no " + code + " in " + r.verdicts()));
    }

    @Test
    void wellFormedResponseHasNoVerdicts() {
        ParsedResponse r = parse("HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 5\r\n"
                + "\r\nhello", "GET", false);
        assertEquals(200, r.statusCode());
        assertEquals("OK", r.reason());
        assertEquals("HTTP/1.1", r.httpVersion());
        assertEquals("2xx success", r.statusClassExplained());
        assertEquals("hello", text(r.body()));
        assertEquals(StandardCharsets.UTF_8, r.charset().orElseThrow());
        assertEquals(List.of(), r.verdicts());
        assertTrue(r.complete());
        assertEquals(79, r.headerEnd());
        assertEquals(17, r.headers().get(0).offset());
    }

    @Test
    void noStatusLine() {
        ParsedResponse r = parse("hello");
        Verdict v = verdict(r, VerdictCodes.NO_STATUS_LINE);
        assertEquals(0, v.byteOffset());
        assertTrue(v.message().endsWith("it begins with \"hello\""), v.message());
        assertEquals(0, r.statusCode());
        assertEquals("hello", text(r.body()));
    }

    @Test
    void badStatusCode() {
        Verdict v = verdict(parse("HTTP/1.1 99x OK\r\nContent-Length: 0\r\n\r\n"), VerdictCodes.BAD_STATUS_CODE);
        assertEquals(9, v.byteOffset());
        assertTrue(v.message().contains("\"99x\""), v.message());
        assertEquals(9, verdict(parse("HTTP/1.1 600 Huh\r\n\r\n"), VerdictCodes.BAD_STATUS_CODE).byteOffset());
    }

    @Test
    void headerWithoutColon() {
        ParsedResponse r = parse("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nNoColonHere\r\n\r\n");
        Verdict v = verdict(r, VerdictCodes.HEADER_NO_COLON);
        assertEquals(36, v.byteOffset());
        assertTrue(v.message().startsWith("Header line at byte 36 has no colon"), v.message());
    }

    @Test
    void obsFoldIsJoinedAndFlagged() {
        ParsedResponse r = parse("HTTP/1.1 200 OK\r\nX-A: one\r\n two\r\nContent-Length: 0\r\n\r\n");
        assertEquals(27, verdict(r, VerdictCodes.OBS_FOLD).byteOffset());
        assertEquals("one two", r.header("X-A").orElseThrow());
    }

    @Test
    void duplicateContentLength() {
        ParsedResponse same = parse("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nok");
        assertEquals(Severity.WARNING, verdict(same, VerdictCodes.DUPLICATE_CONTENT_LENGTH).severity());
        assertEquals(36, verdict(same, VerdictCodes.DUPLICATE_CONTENT_LENGTH).byteOffset());
        assertEquals("ok", text(same.body()));
        ParsedResponse different = parse("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nok");
        Verdict v = verdict(different, VerdictCodes.CONFLICTING_CONTENT_LENGTH);
        assertEquals(Severity.ERROR, v.severity());
        assertEquals(36, v.byteOffset());
    }

    @Test
    void invalidContentLength() {
        assertEquals(17, verdict(parse("HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\n"),
                VerdictCodes.INVALID_CONTENT_LENGTH).byteOffset());
        assertEquals(17, verdict(parse("HTTP/1.1 200 OK\r\nContent-Length: ten\r\n\r\n"),
                VerdictCodes.INVALID_CONTENT_LENGTH).byteOffset());
    }

    @Test
    void contentLengthWithTransferEncoding() {
        ParsedResponse r = parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 99\r\n\r\n"
                + "2\r\nok\r\n0\r\n\r\n");
        assertEquals(45, verdict(r, VerdictCodes.CONTENT_LENGTH_WITH_TRANSFER_ENCODING).byteOffset());
        assertEquals("ok", text(r.body()));
    }

    @Test
    void chunkedBodyIsDechunked() {
        ParsedResponse r = parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: yes\r\n\r\n", "GET", false);
        assertEquals("hello world", text(r.body()));
        assertEquals("yes", r.trailers().getFirst().value());
        assertTrue(r.complete());
        assertEquals(List.of(), r.verdicts());
    }

    @Test
    void chunkSizeNotHex() {
        Verdict v = verdict(parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n"),
                VerdictCodes.CHUNK_SIZE_INVALID);
        assertEquals(47, v.byteOffset());
    }

    @Test
    void chunkSizeOverflow() {
        assertEquals(47, verdict(parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "8000000000000000\r\nx"), VerdictCodes.CHUNK_SIZE_OVERFLOW).byteOffset());
        assertEquals(47, verdict(parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "1".repeat(5000) + "\r\n"), VerdictCodes.CHUNK_SIZE_OVERFLOW).byteOffset());
        ParsedResponse zeros = parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "0".repeat(40) + "2\r\nok\r\n0\r\n\r\n");
        assertEquals("ok", text(zeros.body()));
    }

    @Test
    void missingLastChunk() {
        Verdict v = verdict(parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n"),
                VerdictCodes.MISSING_LAST_CHUNK);
        assertEquals(57, v.byteOffset());
    }

    @Test
    void truncatedBody() {
        ParsedResponse r = parse("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello");
        Verdict v = verdict(r, VerdictCodes.TRUNCATED_BODY);
        assertEquals(44, v.byteOffset());
        assertTrue(v.message().contains("5 bytes shorter"), v.message());
        assertFalse(r.complete());
        assertEquals("hello", text(r.body()));
    }

    @Test
    void bareLf() {
        ParsedResponse r = parse("HTTP/1.1 200 OK\nContent-Length: 2\n\nok");
        assertEquals(15, verdict(r, VerdictCodes.BARE_LF).byteOffset());
        assertEquals(Severity.WARNING, verdict(r, VerdictCodes.BARE_LF).severity());
        assertEquals("ok", text(r.body()));
        assertEquals(200, r.statusCode());
    }

    @Test
    void bodyOnNoBodyResponses() {
        assertEquals(19, verdict(parse("HTTP/1.1 204 No\r\n\r\nbody"), VerdictCodes.BODY_ON_NO_BODY_RESPONSE)
                .byteOffset());
        assertEquals(19, verdict(parse("HTTP/1.1 304 No\r\n\r\nbody"), VerdictCodes.BODY_ON_NO_BODY_RESPONSE)
                .byteOffset());
        ParsedResponse head = parse("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nbody", "HEAD", true);
        assertEquals(38, verdict(head, VerdictCodes.BODY_ON_NO_BODY_RESPONSE).byteOffset());
        assertEquals(0, head.body().length());
    }

    @Test
    void headIncomplete() {
        Verdict v = verdict(parse("HTTP/1.1 200 OK\r\nContent-Le"), VerdictCodes.HEAD_INCOMPLETE);
        assertEquals(27, v.byteOffset());
        assertEquals(0, verdict(parse(""), VerdictCodes.EMPTY_RESPONSE).byteOffset());
    }

    @Test
    void headersTooLarge() {
        String big = "HTTP/1.1 200 OK\r\n" + ("X-Filler: " + "a".repeat(90) + "\r\n").repeat(700) + "\r\n";
        ParsedResponse r = parse(big);
        assertEquals(ResponseScanner.MAX_HEAD_BYTES, verdict(r, VerdictCodes.HEADERS_TOO_LARGE).byteOffset());
        assertEquals(200, r.statusCode());
    }

    @Test
    void gzipBodyIsDecodedAndBrokenGzipIsReported() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write("compressed words".getBytes(StandardCharsets.UTF_8));
        }
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: " + zipped.size() + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + zipped.size()];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(zipped.toByteArray(), 0, all, head.length, zipped.size());
        ParsedResponse ok = HttpResponseParser.parse(ByteSource.of(all), "GET", true);
        assertEquals("compressed words", text(ok.body()));
        assertEquals(zipped.size(), ok.entity().length());
        assertEquals(List.of(), ok.verdicts());

        ParsedResponse broken = parse("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 9\r\n\r\nnot gzip!");
        Verdict v = verdict(broken, VerdictCodes.DECODING_FAILED);
        assertEquals(62, v.byteOffset());
        assertEquals("not gzip!", text(broken.body()));
    }

    @Test
    void invalidJsonIsInfo() {
        ParsedResponse r = parse("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n{\"a\": }");
        Verdict v = verdict(r, VerdictCodes.INVALID_JSON);
        assertEquals(Severity.INFO, v.severity());
        assertTrue(r.json());
        ParsedResponse good = parse("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 8\r\n\r\n{\"a\": 1}");
        assertTrue(good.verdict(VerdictCodes.INVALID_JSON).isEmpty());
    }

    @Test
    void interimResponseIsSkipped() {
        ParsedResponse r = parse("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok");
        assertEquals(201, r.statusCode());
        assertEquals("ok", text(r.body()));
        assertEquals(Severity.INFO, verdict(r, VerdictCodes.INTERIM_RESPONSE).severity());
    }

    @Test
    void closeDelimitedBodyAndIncompleteRead() {
        ParsedResponse closed = parse("HTTP/1.0 200 OK\r\n\r\nuntil close", "GET", true);
        assertEquals("until close", text(closed.body()));
        assertTrue(closed.complete());
        ParsedResponse cut = parse("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhel", "GET", false);
        assertEquals(42, verdict(cut, VerdictCodes.RESPONSE_INCOMPLETE).byteOffset());
    }

    @Test
    void garbageNeverThrows() {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 300; i++) {
            byte[] bytes = new byte[random.nextInt(200)];
            random.nextBytes(bytes);
            if (i % 2 == 0 && bytes.length > 20) {
                System.arraycopy("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 17);
            }
            ParsedResponse r = HttpResponseParser.parse(ByteSource.of(bytes), "GET", random.nextBoolean());
            assertTrue(r.verdicts().stream().noneMatch(v -> v.code().equals(VerdictCodes.PARSER_ERROR)),
                    r.verdicts().toString());
        }
    }

}
