package com.socketworkbench.engine.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RawRequestBuilderTest {

    private static final RequestOptions RAW = RequestOptions.DEFAULTS.withNormalizeCrlf(false)
            .withFixContentLength(false);

    private static PreparedRequest prepare(String text, RequestOptions options) {
        return RawRequestBuilder.prepare(text, StandardCharsets.UTF_8, options);
    }

    private static String wire(PreparedRequest request) {
        return new String(request.bytes(), StandardCharsets.UTF_8);
    }

    private static boolean warns(PreparedRequest request, String fragment) {
        return request.warnings().stream().anyMatch(w -> w.contains(fragment));
    }

    @Test
    void headBecomesCrlfAndBodyStaysAsTyped() {
        PreparedRequest r = prepare("POST /p HTTP/1.1\nHost: h\nContent-Length: 7\n\na\nb\r\nc\n", RequestOptions.DEFAULTS);
        assertEquals("POST /p HTTP/1.1\r\nHost: h\r\nContent-Length: 7\r\n\r\na\nb\r\nc\n", wire(r));
        assertEquals(48, r.headEnd());
        assertEquals("POST", r.method());
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void withoutNormalisationBytesAreExact() {
        String text = "GET / HTTP/1.1\nHost: h\r\n\nbody?";
        PreparedRequest r = prepare(text, RAW);
        assertEquals(text, wire(r));
        assertEquals(25, r.headEnd());
        assertTrue(warns(r, "Bare LF line endings will be sent"), r.warnings().toString());
        assertTrue(warns(r, "GET request with a body of 5 bytes"), r.warnings().toString());
    }

    @Test
    void contentLengthIsReplacedOrAdded() {
        PreparedRequest replaced = prepare("POST / HTTP/1.1\nHost: h\ncontent-length: 3\n\nhello world",
                RequestOptions.DEFAULTS);
        assertEquals("POST / HTTP/1.1\r\nHost: h\r\ncontent-length: 11\r\n\r\nhello world", wire(replaced));
        assertTrue(warns(replaced, "Content-Length set to 11 (was 3)"));

        PreparedRequest added = prepare("PUT / HTTP/1.1\nHost: h\n\n{}", RequestOptions.DEFAULTS);
        assertEquals("PUT / HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\n{}", wire(added));

        PreparedRequest duplicates = prepare("POST / HTTP/1.1\nHost: h\nContent-Length: 1\nContent-Length: 7\n\nab",
                RequestOptions.DEFAULTS);
        assertEquals("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\nab", wire(duplicates));

        PreparedRequest none = prepare("GET / HTTP/1.1\nHost: h\n\n", RequestOptions.DEFAULTS);
        assertEquals("GET / HTTP/1.1\r\nHost: h\r\n\r\n", wire(none));
    }

    @Test
    void contentLengthCountsBytesInTheChosenCharset() {
        PreparedRequest utf8 = prepare("POST / HTTP/1.1\nHost: h\n\n€", RequestOptions.DEFAULTS);
        assertTrue(wire(utf8).contains("Content-Length: 3\r\n"));
        PreparedRequest gbk = RawRequestBuilder.prepare("POST / HTTP/1.1\nHost: h\n\n中文", Charset.forName("GBK"),
                RequestOptions.DEFAULTS);
        assertEquals(4, gbk.bodyLength());
        assertTrue(new String(gbk.head(), StandardCharsets.US_ASCII).contains("Content-Length: 4\r\n"));
    }

    @Test
    void transferEncodingIsLeftAlone() {
        PreparedRequest r = prepare("POST / HTTP/1.1\nHost: h\nTransfer-Encoding: chunked\n\n2\r\nok\r\n0\r\n\r\n",
                RequestOptions.DEFAULTS);
        assertTrue(!wire(r).contains("Content-Length"));
        assertTrue(wire(r).endsWith("\r\n\r\n2\r\nok\r\n0\r\n\r\n"));
    }

    @Test
    void mismatchIsReportedWhenNotFixing() {
        PreparedRequest r = prepare("POST / HTTP/1.1\nHost: h\nContent-Length: 3\n\nhello world", RAW);
        assertTrue(warns(r, "Content-Length says 3 but the body has 11 bytes"), r.warnings().toString());
        assertTrue(wire(r).contains("Content-Length: 3\n"));
    }

    @Test
    void missingBlankLineIsAddedWhenNormalising() {
        assertEquals("GET / HTTP/1.1\r\nHost: h\r\n\r\n", wire(prepare("GET / HTTP/1.1\nHost: h",
                RequestOptions.DEFAULTS)));
        PreparedRequest raw = prepare("GET / HTTP/1.1\nHost: h", RAW);
        assertEquals("GET / HTTP/1.1\nHost: h", wire(raw));
        assertTrue(warns(raw, "does not end with an empty line"));
    }

    @Test
    void problemsAreWarned() {
        PreparedRequest r = prepare("GET / HTTP/1.1\nNoColon\nBad Name: x\n\n", RequestOptions.DEFAULTS);
        assertTrue(warns(r, "No Host header"), r.warnings().toString());
        assertTrue(warns(r, "Line 2 is not a header"), r.warnings().toString());
        assertTrue(warns(r, "Line 3: the header name \"Bad Name\""), r.warnings().toString());
        assertTrue(warns(prepare("GET /\nHost: h\n\n", RequestOptions.DEFAULTS), "The request line should be"));
    }

    @Test
    void leadingEmptyLinesAreRemovedWhenNormalising() {
        PreparedRequest r = prepare("\n\nGET / HTTP/1.1\nHost: h\n\n", RequestOptions.DEFAULTS);
        assertEquals("GET / HTTP/1.1\r\nHost: h\r\n\r\n", wire(r));
        assertEquals("GET", r.method());
    }

    @Test
    void anatomyMarksEveryPart() {
        String text = "POST /a?b=1 HTTP/1.1\nHost: h\r\nX-Odd\n\nbody";
        Anatomy anatomy = RawRequestBuilder.anatomy(text);
        assertEquals(List.of(
                new Anatomy.Span(Anatomy.Part.METHOD, 0, 4),
                new Anatomy.Span(Anatomy.Part.TARGET, 5, 11),
                new Anatomy.Span(Anatomy.Part.VERSION, 12, 20),
                new Anatomy.Span(Anatomy.Part.HEADER_NAME, 21, 25),
                new Anatomy.Span(Anatomy.Part.HEADER_VALUE, 27, 28),
                new Anatomy.Span(Anatomy.Part.INVALID_LINE, 30, 35),
                new Anatomy.Span(Anatomy.Part.BLANK_LINE, 36, 37),
                new Anatomy.Span(Anatomy.Part.BODY, 37, 41)), anatomy.spans());
        assertEquals(new Anatomy.Span(Anatomy.Part.REQUEST_LINE, 0, 20), anatomy.requestLine().orElseThrow());
        assertEquals(Anatomy.Part.HEADER_VALUE, anatomy.partAt(27).orElseThrow());
        assertEquals("body", text.substring(anatomy.spans(Anatomy.Part.BODY).getFirst().start()));
        assertTrue(RawRequestBuilder.anatomy("").spans().isEmpty());
    }
}
