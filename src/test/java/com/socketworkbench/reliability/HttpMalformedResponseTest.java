package com.socketworkbench.reliability;

import com.socketworkbench.engine.codec.ByteSource;
import com.socketworkbench.engine.http.Header;
import com.socketworkbench.engine.http.HttpResponseParser;
import com.socketworkbench.engine.http.ParsedResponse;
import com.socketworkbench.engine.http.Severity;
import com.socketworkbench.engine.http.Verdict;
import com.socketworkbench.engine.http.VerdictCodes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A table of malformed HTTP/1.x responses, from the verdict list and in the style of llhttp's test vectors, each with
 * the verdict it must produce and the byte it must point at; then a table of odd but valid responses that must parse
 * without complaint.
 */
class HttpMalformedResponseTest {
    private static final String OK = "HTTP/1.1 200 OK\r\n";
    private static final String CHUNKED = OK + "Transfer-Encoding: chunked\r\n\r\n";
    private static final Set<String> INCOMPLETE = Set.of(VerdictCodes.TRUNCATED_BODY, VerdictCodes.MISSING_LAST_CHUNK,
            VerdictCodes.HEAD_INCOMPLETE, VerdictCodes.EMPTY_RESPONSE, VerdictCodes.RESPONSE_INCOMPLETE,
            VerdictCodes.TRAILERS_INCOMPLETE);

    /**
     * One malformed response.
     *
     * @param offset where the verdict must point: the raw index of the marker text
     */
    record Vector(String name, byte[] raw, String method, boolean closedByPeer, long maxDecoded, String code,
                  Severity severity, long offset) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Vector bad(String name, String raw, String code, Severity severity, String marker) {
        return bad(name, raw, "GET", true, code, severity, marker);
    }

    private static Vector bad(String name, String raw, String method, boolean closed, String code, Severity severity,
                              String marker) {
        return new Vector(name, latin1(raw), method, closed, Long.MAX_VALUE, code, severity, offsetOf(raw, marker));
    }

    private static Vector badAt(String name, String raw, String code, Severity severity, long offset) {
        return new Vector(name, latin1(raw), "GET", true, Long.MAX_VALUE, code, severity, offset);
    }

    /** The index of {@code marker} in {@code raw}; "$" for the end, "#n" for index n. */
    private static long offsetOf(String raw, String marker) {
        if (marker.equals("$")) {
            return raw.length();
        }
        if (marker.startsWith("#")) {
            return Long.parseLong(marker.substring(1));
        }
        int at = raw.indexOf(marker);
        if (at < 0) {
            throw new IllegalArgumentException("marker '" + marker + "' not in the vector");
        }
        return at;
    }

    static Stream<Vector> malformed() {
        Severity e = Severity.ERROR;
        Severity w = Severity.WARNING;
        Severity i = Severity.INFO;
        String bigHead = OK + ("X-Filler: " + "a".repeat(990) + "\r\n").repeat(70) + "\r\n";
        String bigTrailers = CHUNKED + "0\r\n" + ("X-T: " + "b".repeat(995) + "\r\n").repeat(70) + "\r\n";
        return Stream.of(
                // status line
                bad("no status line", "hello world\r\n\r\n", VerdictCodes.NO_STATUS_LINE, e, "#0"),
                bad("lower-case protocol", "http/1.1 200 OK\r\nContent-Length: 0\r\n\r\n",
                        VerdictCodes.NO_STATUS_LINE, e, "#0"),
                bad("protocol name misspelt", "HTTX/1.1 200 OK\r\n\r\n", VerdictCodes.NO_STATUS_LINE, e, "#3"),
                bad("status code with a letter", "HTTP/1.1 2x0 OK\r\nContent-Length: 0\r\n\r\n",
                        VerdictCodes.BAD_STATUS_CODE, e, "2x0"),
                bad("four-digit status code", "HTTP/1.1 2000 OK\r\nContent-Length: 0\r\n\r\n",
                        VerdictCodes.BAD_STATUS_CODE, e, "2000"),
                bad("status code below 100", "HTTP/1.1 099 OK\r\nContent-Length: 0\r\n\r\n",
                        VerdictCodes.BAD_STATUS_CODE, e, "099"),
                bad("status code above 599", "HTTP/1.1 600 OK\r\nContent-Length: 0\r\n\r\n",
                        VerdictCodes.BAD_STATUS_CODE, e, "600"),
                bad("two spaces before the status code", "HTTP/1.1  200 OK\r\nContent-Length: 0\r\n\r\n",
                        VerdictCodes.BAD_STATUS_CODE, e, "#9"),
                bad("no status code at all", "HTTP/1.1\r\nContent-Length: 0\r\n\r\n",
                        VerdictCodes.BAD_STATUS_CODE, e, "#8"),
                bad("invalid version HTTP/1.10", "HTTP/1.10 200 OK\r\nContent-Length: 0\r\n\r\n",
                        VerdictCodes.UNSUPPORTED_VERSION, w, "#0"),
                bad("HTTP/2.0 on an HTTP/1 connection", "HTTP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n",
                        VerdictCodes.UNSUPPORTED_VERSION, w, "#0"),
                bad("CR without LF inside the status line", "HTTP/1.1 200 O\rK\r\nContent-Length: 0\r\n\r\n",
                        VerdictCodes.INVALID_STATUS_LINE, e, "\rK"),
                bad("CR alone as the status line ending", "HTTP/1.1 200 OK\rContent-Length: 0\r\n\r\n",
                        VerdictCodes.INVALID_STATUS_LINE, e, "\rContent"),
                bad("control character in the reason", "HTTP/1.1 200 O\u0001K\r\nContent-Length: 0\r\n\r\n",
                        VerdictCodes.INVALID_STATUS_LINE, w, "\u0001"),
                // header lines
                bad("header without colon", OK + "Content-Length: 0\r\nNoColonHere\r\n\r\n",
                        VerdictCodes.HEADER_NO_COLON, e, "NoColon"),
                bad("obs-fold continuation", OK + "X-A: one\r\n two\r\nContent-Length: 0\r\n\r\n",
                        VerdictCodes.OBS_FOLD, w, " two"),
                bad("obs-fold with nothing to continue", OK + " folded\r\nContent-Length: 0\r\n\r\n",
                        VerdictCodes.OBS_FOLD, e, " folded"),
                bad("space before the colon", OK + "Content-Length : 2\r\n\r\nok",
                        VerdictCodes.INVALID_HEADER_NAME, e, " :"),
                bad("tab before the colon", OK + "X-Tab\t: v\r\nContent-Length: 0\r\n\r\n",
                        VerdictCodes.INVALID_HEADER_NAME, e, "\t:"),
                bad("invalid character in a header name", OK + "Fo@o: x\r\nContent-Length: 0\r\n\r\n",
                        VerdictCodes.INVALID_HEADER_NAME, e, "@o"),
                bad("NUL in a header name", OK + "X\0Y: v\r\nContent-Length: 0\r\n\r\n",
                        VerdictCodes.INVALID_HEADER_NAME, e, "\0"),
                bad("empty header name", OK + ": v\r\nContent-Length: 0\r\n\r\n",
                        VerdictCodes.INVALID_HEADER_NAME, e, ": v"),
                bad("NUL in a header value", OK + "X: a\0b\r\nContent-Length: 0\r\n\r\n",
                        VerdictCodes.INVALID_HEADER_VALUE, w, "\0"),
                bad("CR without LF in a header value", OK + "X: a\rb\r\nContent-Length: 0\r\n\r\n",
                        VerdictCodes.INVALID_HEADER_VALUE, w, "\rb"),
                bad("bare LF line endings", "HTTP/1.1 200 OK\nContent-Length: 2\n\nok",
                        VerdictCodes.BARE_LF, w, "\nContent"),
                badAt("head larger than 64 KiB", bigHead, VerdictCodes.HEADERS_TOO_LARGE, e, 64 * 1024),
                // Content-Length
                bad("duplicate Content-Length", OK + "Content-Length: 2\r\nContent-Length: 2\r\n\r\nok",
                        VerdictCodes.DUPLICATE_CONTENT_LENGTH, w, "Content-Length: 2\r\n\r\n"),
                bad("duplicate Content-Length in one header", OK + "Content-Length: 2, 2\r\n\r\nok",
                        VerdictCodes.DUPLICATE_CONTENT_LENGTH, w, "Content-Length"),
                bad("conflicting Content-Length", OK + "Content-Length: 2\r\nContent-Length: 3\r\n\r\nok",
                        VerdictCodes.CONFLICTING_CONTENT_LENGTH, e, "Content-Length: 3"),
                bad("negative Content-Length", OK + "Content-Length: -5\r\n\r\nhello",
                        VerdictCodes.INVALID_CONTENT_LENGTH, e, "Content-Length"),
                bad("Content-Length with a leading +", OK + "Content-Length: +5\r\n\r\nhello",
                        VerdictCodes.INVALID_CONTENT_LENGTH, e, "Content-Length"),
                bad("Content-Length in hex", OK + "Content-Length: 0x5\r\n\r\nhello",
                        VerdictCodes.INVALID_CONTENT_LENGTH, e, "Content-Length"),
                bad("empty Content-Length", OK + "Content-Length:\r\n\r\nhello",
                        VerdictCodes.INVALID_CONTENT_LENGTH, e, "Content-Length"),
                bad("Content-Length too large for 63 bits", OK + "Content-Length: 99999999999999999999\r\n\r\nx",
                        VerdictCodes.INVALID_CONTENT_LENGTH, e, "Content-Length"),
                bad("very large Content-Length, connection closed", OK + "Content-Length: 999999999999999999\r\n\r\nx",
                        VerdictCodes.TRUNCATED_BODY, e, "$"),
                bad("Content-Length together with chunked",
                        OK + "Transfer-Encoding: chunked\r\nContent-Length: 99\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
                        VerdictCodes.CONTENT_LENGTH_WITH_TRANSFER_ENCODING, e, "Content-Length"),
                bad("truncated body", OK + "Content-Length: 10\r\n\r\nhello", VerdictCodes.TRUNCATED_BODY, e, "$"),
                bad("extra bytes after the body", OK + "Content-Length: 2\r\n\r\nokEXTRA",
                        VerdictCodes.EXTRA_BYTES_AFTER_RESPONSE, w, "EXTRA"),
                bad("no framing: body until close", OK + "\r\nuntil close", VerdictCodes.BODY_UNTIL_CLOSE, i,
                        "until close"),
                // Transfer-Encoding
                bad("Transfer-Encoding gzip only", OK + "Transfer-Encoding: gzip\r\n\r\nxx",
                        VerdictCodes.TRANSFER_ENCODING_NOT_CHUNKED, w, "Transfer"),
                bad("chunked not the last coding", OK + "Transfer-Encoding: chunked, gzip\r\n\r\nxx",
                        VerdictCodes.TRANSFER_ENCODING_NOT_CHUNKED, w, "Transfer"),
                bad("Transfer-Encoding identity", OK + "Transfer-Encoding: identity\r\n\r\nxx",
                        VerdictCodes.TRANSFER_ENCODING_NOT_CHUNKED, w, "Transfer"),
                bad("chunked twice", OK + "Transfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n",
                        VerdictCodes.TRANSFER_ENCODING_CHUNKED_TWICE, w, "Transfer"),
                bad("chunked twice over two headers",
                        OK + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
                        VerdictCodes.TRANSFER_ENCODING_CHUNKED_TWICE, w, "Transfer-Encoding: chunked\r\n\r\n"),
                // chunks
                bad("chunk size not hex", CHUNKED + "zz\r\nhello\r\n0\r\n\r\n", VerdictCodes.CHUNK_SIZE_INVALID, e,
                        "zz"),
                bad("chunk size with 0x prefix", CHUNKED + "0x5\r\nhello\r\n0\r\n\r\n",
                        VerdictCodes.CHUNK_SIZE_INVALID, e, "0x5"),
                bad("negative chunk size", CHUNKED + "-5\r\nhello\r\n0\r\n\r\n", VerdictCodes.CHUNK_SIZE_INVALID, e,
                        "-5"),
                bad("space inside the chunk size", CHUNKED + "1 2\r\nhello\r\n0\r\n\r\n",
                        VerdictCodes.CHUNK_SIZE_INVALID, e, "1 2\r\n"),
                bad("empty chunk size line", CHUNKED + "\r\nhello\r\n0\r\n\r\n", VerdictCodes.CHUNK_SIZE_INVALID, e,
                        "\r\nhello"),
                bad("chunk size overflowing 63 bits", CHUNKED + "8000000000000000\r\nx",
                        VerdictCodes.CHUNK_SIZE_OVERFLOW, e, "8000"),
                bad("chunk size of 5000 hex digits", CHUNKED + "1".repeat(5000) + "\r\n",
                        VerdictCodes.CHUNK_SIZE_OVERFLOW, e, "1111"),
                bad("chunk size line of 5000 non-hex bytes", CHUNKED + "g".repeat(5000) + "\r\n",
                        VerdictCodes.CHUNK_SIZE_INVALID, e, "gggg"),
                bad("chunk data longer than its size", CHUNKED + "5\r\nhelloX\r\n0\r\n\r\n",
                        VerdictCodes.CHUNK_NOT_TERMINATED, e, "X\r\n0"),
                bad("control character in a chunk extension", CHUNKED + "5;a=\0b\r\nhello\r\n0\r\n\r\n",
                        VerdictCodes.INVALID_CHUNK_EXTENSION, w, "\0"),
                bad("missing last chunk", CHUNKED + "5\r\nhello\r\n", VerdictCodes.MISSING_LAST_CHUNK, e, "$"),
                bad("invalid chunk trailer", CHUNKED + "5\r\nhello\r\n0\r\nnocolon\r\n\r\n",
                        VerdictCodes.HEADER_NO_COLON, e, "nocolon"),
                bad("trailer section cut off", CHUNKED + "5\r\nhello\r\n0\r\nX-T: v\r\n",
                        VerdictCodes.TRAILERS_INCOMPLETE, e, "$"),
                badAt("trailer section larger than 64 KiB", bigTrailers, VerdictCodes.HEADERS_TOO_LARGE, e,
                        CHUNKED.length() + 3 + 64 * 1024 + 1),
                bad("bare LF in chunk lines", CHUNKED + "5\nhello\n0\n\n", VerdictCodes.BARE_LF, w, "\nhello"),
                // bodies that must not be there, responses that end too early
                bad("body on 204", "HTTP/1.1 204 No Content\r\n\r\nbody", VerdictCodes.BODY_ON_NO_BODY_RESPONSE, e,
                        "body"),
                bad("body on 304", "HTTP/1.1 304 Not Modified\r\nContent-Length: 4\r\n\r\nbody",
                        VerdictCodes.BODY_ON_NO_BODY_RESPONSE, e, "body"),
                bad("body on a response to HEAD", OK + "Content-Length: 4\r\n\r\nbody", "HEAD", true,
                        VerdictCodes.BODY_ON_NO_BODY_RESPONSE, e, "body"),
                bad("connection closed inside the head", OK + "Content-Le", VerdictCodes.HEAD_INCOMPLETE, e, "$"),
                bad("connection closed before anything", "", VerdictCodes.EMPTY_RESPONSE, e, "#0"),
                bad("reading stopped before the end", OK + "Content-Length: 10\r\n\r\nhel", "GET", false,
                        VerdictCodes.RESPONSE_INCOMPLETE, w, "$"),
                bad("1xx followed by the final response",
                        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok",
                        VerdictCodes.INTERIM_RESPONSE, i, "#0"),
                // content
                bad("gzip that is not gzip", OK + "Content-Encoding: gzip\r\nContent-Length: 9\r\n\r\nnot gzip!",
                        VerdictCodes.DECODING_FAILED, e, "not gzip"),
                bad("unsupported Content-Encoding", OK + "Content-Encoding: br\r\nContent-Length: 2\r\n\r\nxx",
                        VerdictCodes.UNSUPPORTED_CONTENT_ENCODING, i, "Content-Encoding"),
                bad("unknown charset", OK + "Content-Type: text/plain; charset=klingon\r\nContent-Length: 0\r\n\r\n",
                        VerdictCodes.UNKNOWN_CHARSET, w, "Content-Type"),
                bad("invalid JSON", OK + "Content-Type: application/json\r\nContent-Length: 7\r\n\r\n{\"a\": }",
                        VerdictCodes.INVALID_JSON, i, "}"),
                bad("redirect without Location", "HTTP/1.1 301 Moved\r\nContent-Length: 0\r\n\r\n",
                        VerdictCodes.REDIRECT_WITHOUT_LOCATION, w, "#0"),
                gzipBomb());
    }

    /** 1 MiB of zeros gzipped to about 1 KiB, parsed with a 64 KiB limit on the decoded body. */
    private static Vector gzipBomb() {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(new byte[1024 * 1024]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String head = OK + "Content-Encoding: gzip\r\nContent-Length: " + gz.size() + "\r\n\r\n";
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.writeBytes(latin1(head));
        raw.writeBytes(gz.toByteArray());
        return new Vector("gzip body decoding beyond the limit", raw.toByteArray(), "GET", true, 64 * 1024,
                VerdictCodes.DECODED_TOO_LARGE, Severity.WARNING, head.length());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void eachMalformedResponseGetsItsVerdictAtTheRightByte(Vector vector) {
        try (ParsedResponse response = HttpResponseParser.parse(ByteSource.of(vector.raw()), vector.method(),
                vector.closedByPeer(), vector.maxDecoded())) {
            List<Verdict> found = response.verdicts().stream().filter(v -> v.code().equals(vector.code())).toList();
            assertFalse(found.isEmpty(), () -> vector.code() + " expected, got " + response.verdicts());
            Verdict verdict = found.getFirst();
            assertEquals(vector.offset(), verdict.byteOffset(), () -> "offset of " + verdict);
            assertEquals(vector.severity(), verdict.severity(), () -> "severity of " + verdict);
            assertTrue(verdict.message().chars().noneMatch(c -> c < 0x20 || c == 0x7f),
                    () -> "the message must be printable: " + verdict.message());
            for (Verdict v : response.verdicts()) {
                assertTrue(v.byteOffset() >= 0 && v.byteOffset() <= vector.raw().length, () -> "offset out of range: " + v);
                assertFalse(v.code().equals(VerdictCodes.PARSER_ERROR), () -> "the parser failed: " + v);
            }
            if (INCOMPLETE.contains(vector.code())) {
                assertFalse(response.complete(), "a response cut short is not complete");
            }
        }
    }

    /** An odd but valid response: it must parse with no error or warning, to this status, body and headers. */
    record Valid(String name, String raw, String method, int status, String body, List<String> headerNames,
                 List<String> trailerNames) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Valid> valid() {
        return Stream.of(
                new Valid("status without reason", "HTTP/1.1 200\r\nContent-Length: 2\r\n\r\nok", "GET", 200, "ok",
                        List.of("Content-Length"), List.of()),
                new Valid("empty reason", "HTTP/1.1 404 \r\nContent-Length: 0\r\n\r\n", "GET", 404, "",
                        List.of("Content-Length"), List.of()),
                new Valid("chunk extensions", CHUNKED + "5;a=b;c=\"d e\"\r\nhello\r\n0;last\r\n\r\n", "GET", 200,
                        "hello", List.of("Transfer-Encoding"), List.of()),
                new Valid("chunk trailers", OK + "Transfer-Encoding: chunked\r\nTrailer: X-A, X-B\r\n\r\n"
                        + "3\r\nabc\r\n0\r\nX-A: 1\r\nX-B: 2\r\n\r\n", "GET", 200, "abc",
                        List.of("Transfer-Encoding", "Trailer"), List.of("X-A", "X-B")),
                new Valid("chunk sizes in upper case with leading zeros", CHUNKED + "000A\r\n0123456789\r\n0\r\n\r\n",
                        "GET", 200, "0123456789", List.of("Transfer-Encoding"), List.of()),
                new Valid("space before a chunk extension", CHUNKED + "5 ;ext\r\nhello\r\n0\r\n\r\n", "GET", 200,
                        "hello", List.of("Transfer-Encoding"), List.of()),
                new Valid("obs-text in a header value", OK + "X-Name: caf\u00e9\r\nContent-Length: 0\r\n\r\n", "GET",
                        200, "", List.of("X-Name", "Content-Length"), List.of()),
                new Valid("empty header value and surrounding whitespace",
                        OK + "X-Empty:\r\nContent-Length: \t 2 \t\r\n\r\nok", "GET", 200, "ok",
                        List.of("X-Empty", "Content-Length"), List.of()),
                new Valid("header names in any case", OK + "content-LENGTH: 2\r\n\r\nok", "GET", 200, "ok",
                        List.of("content-LENGTH"), List.of()),
                new Valid("HEAD response announcing a body", OK + "Content-Length: 1000\r\n\r\n", "HEAD", 200, "",
                        List.of("Content-Length"), List.of()),
                new Valid("304 with Content-Length and no body", "HTTP/1.1 304 Not Modified\r\nContent-Length: 99"
                        + "\r\n\r\n", "GET", 304, "", List.of("Content-Length"), List.of()),
                new Valid("Content-Length 0", OK + "Content-Length: 0\r\n\r\n", "GET", 200, "",
                        List.of("Content-Length"), List.of()),
                // The gzip layer is undone after de-chunking (it used to be left in place, so the body was "zz"
                // as sent; now what is sent is real gzip and the body its content).
                new Valid("two Transfer-Encoding headers ending in chunked",
                        OK + "Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n" + gzipChunk("zz")
                                + "0\r\n\r\n", "GET",
                        200, "zz", List.of("Transfer-Encoding", "Transfer-Encoding"), List.of()),
                new Valid("HTTP/1.0 with Content-Length", "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok", "GET",
                        200, "ok", List.of("Content-Length"), List.of()),
                new Valid("101 followed by another protocol", "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket"
                        + "\r\nConnection: Upgrade\r\n\r\n\u0081\u0005hello", "GET", 101, "",
                        List.of("Upgrade", "Connection"), List.of()),
                new Valid("CONNECT tunnel established", "HTTP/1.1 200 Connection established\r\n\r\n\u0016\u0003\u0001",
                        "CONNECT", 200, "", List.of(), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void oddButValidResponsesParseWithoutComplaint(Valid vector) {
        try (ParsedResponse response = HttpResponseParser.parse(ByteSource.of(latin1(vector.raw())), vector.method(),
                true)) {
            assertTrue(response.verdicts().stream().allMatch(v -> v.severity() == Severity.INFO),
                    () -> "no error or warning expected: " + response.verdicts());
            assertTrue(response.complete());
            assertEquals(vector.status(), response.statusCode());
            assertEquals(vector.body(), new String(response.body().readAll(1 << 20), StandardCharsets.ISO_8859_1));
            assertEquals(vector.headerNames(), response.headers().stream().map(Header::name).toList());
            assertEquals(vector.trailerNames(), response.trailers().stream().map(Header::name).toList());
        }
    }

    /** {@code text} gzipped, as one chunk (size line, data, CRLF), in ISO-8859-1 characters. */
    private static String gzipChunk(String text) {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Integer.toHexString(gz.size()) + "\r\n" + gz.toString(StandardCharsets.ISO_8859_1) + "\r\n";
    }

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
