package com.socketworkbench.ui.http;

import com.socketworkbench.engine.codec.ByteSource;
import com.socketworkbench.engine.http.CertSummary;
import com.socketworkbench.engine.http.HttpExchange;
import com.socketworkbench.engine.http.HttpTarget;
import com.socketworkbench.engine.http.PreparedRequest;
import com.socketworkbench.engine.http.RequestOptions;
import com.socketworkbench.engine.http.RequestTemplate;
import com.socketworkbench.engine.http.Timing;
import com.socketworkbench.engine.http.TlsInfo;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP tab's pure pieces: offsets, header insertion and escapes, body text, timing, TLS words, preview. */
class HttpHelpersTest {

    @Test
    void offsetsAcceptDecimalAndHexAndExplainMistakes() {
        assertEquals(1024, Offsets.parse("1024", 2048));
        assertEquals(1024, Offsets.parse("0x400", 2048));
        assertEquals(1024, Offsets.parse(" 400h ", 2048));
        assertEquals(1_000_000, Offsets.parse("1,000,000", 2_000_000));
        assertEquals("Offset 2,048 (0x800) is past the end: the last byte is at 2,047 (0x7ff)",
                assertThrows(IllegalArgumentException.class, () -> Offsets.parse("2048", 2048)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Offsets.parse("zz", 10)).getMessage()
                .contains("is not an offset"));
        assertEquals("There are no bytes to go to",
                assertThrows(IllegalArgumentException.class, () -> Offsets.parse("0", 0)).getMessage());
        assertEquals("34 (0x22)", Offsets.describe(34));
    }

    @Test
    void headersGoBeforeTheBlankLineWithTheHeadsOwnLineEnding() {
        assertEquals("GET / HTTP/1.1\nHost: a\nX: 1\n\nbody",
                HeaderInsertion.insert("GET / HTTP/1.1\nHost: a\n\nbody", "X: 1"));
        assertEquals("GET / HTTP/1.1\r\nX: 1\r\n\r\n", HeaderInsertion.insert("GET / HTTP/1.1\r\n\r\n", "X: 1"));
        assertEquals("GET / HTTP/1.1\nX: 1\n", HeaderInsertion.insert("GET / HTTP/1.1", "X: 1"));
        assertEquals("X: 1\n", HeaderInsertion.insert("", "X: 1"));
    }

    @Test
    void headerEscapesRoundTripControlCharacters() {
        assertEquals("a\r\nb", HeaderEscapes.unescape("a\\r\\nb"));
        assertEquals("tab\there\0 \\ A \\q \\x4", HeaderEscapes.unescape("tab\\there\\0 \\\\ \\x41 \\q \\x4"));
        assertEquals("a\\r\\nb\\x01", HeaderEscapes.escapeControls("a\r\nb\u0001"));
        assertEquals("plain", HeaderEscapes.escapeControls("plain"));
        assertEquals("a\r\nb", HeaderEscapes.unescape(HeaderEscapes.escapeControls("a\r\nb")));
    }

    @Test
    void jsonBodiesArePrettyPrintedAndLargeBodiesAreCapped() {
        BodyRendering json = BodyRendering.render(ByteSource.of("{\"a\":[1,2]}".getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8, true, true);
        assertTrue(json.pretty());
        assertEquals("{\n  \"a\": [\n    1,\n    2\n  ]\n}", json.text());
        assertEquals("JSON, pretty-printed", json.note());

        BodyRendering raw = BodyRendering.render(ByteSource.of("{\"a\":1}".getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8, true, false);
        assertEquals("{\"a\":1}", raw.text());

        BodyRendering broken = BodyRendering.render(ByteSource.of("{\"a\":".getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8, true, true);
        assertFalse(broken.pretty());
        assertTrue(broken.note().startsWith("not valid JSON"), broken.note());

        byte[] big = new byte[10_000];
        java.util.Arrays.fill(big, (byte) 'x');
        BodyRendering capped = BodyRendering.render(ByteSource.of(big), StandardCharsets.UTF_8, true, true, 4096);
        assertEquals(4096, capped.text().length());
        assertEquals("showing first 4 KiB of 10,000 bytes (the hex view shows all) · too large to pretty-print",
                capped.note());
        assertEquals("The response has no body",
                BodyRendering.render(ByteSource.of(new byte[0]), StandardCharsets.UTF_8, false, true).note());
    }

    @Test
    void timingIsAWaterfallEndingAtTheTotal() {
        Timing timing = new Timing(ms(1), ms(2), ms(3), ms(4), ms(10), ms(30));
        List<TimingRows.Row> rows = TimingRows.of(timing);
        assertEquals(List.of("DNS", "Connect", "TLS", "Request written", "First byte", "Rest of response"),
                rows.stream().map(TimingRows.Row::label).toList());
        assertEquals(ms(10), rows.get(4).start());
        assertEquals(ms(20), rows.get(5).start());
        assertEquals(ms(10), rows.get(5).length());
        assertEquals("0.5 ms", TimingRows.format(Duration.ofNanos(500_000)));
        assertEquals("12.3 ms", TimingRows.format(Duration.ofNanos(12_300_000)));
        assertEquals("1.2 s", TimingRows.format(ms(1204)));
    }

    @Test
    void tlsDetailsNameTheChainAndTheInsecureSwitch() {
        CertSummary leaf = new CertSummary("CN=localhost", "CN=Test CA", Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2027-01-01T00:00:00Z"), List.of("DNS:localhost", "IP:127.0.0.1"), "AB:CD");
        TlsInfo tls = new TlsInfo("TLSv1.3", "TLS_AES_128_GCM_SHA256", List.of(leaf), true);
        HttpExchange exchange = new HttpExchange(new HttpTarget("https", "127.0.0.1", 8443),
                PreparedRequest.ofExactBytes("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII)),
                Optional.empty(), ByteSource.of(new byte[0]), Timing.ZERO, 18, 0, Optional.of(tls), Optional.empty(),
                Instant.now(), false);
        String text = TlsText.describe(exchange, Instant.parse("2026-06-01T00:00:00Z"));
        assertTrue(text.contains("TLSv1.3"), text);
        assertTrue(text.contains("OFF: insecure TLS was on"), text);
        assertTrue(text.contains("CN=localhost"), text);
        assertTrue(text.contains("DNS:localhost, IP:127.0.0.1"), text);
        assertTrue(text.contains("2025-01-01 00:00 UTC → 2027-01-01 00:00 UTC  (valid now)"), text);
        assertTrue(text.contains("AB:CD"), text);
        assertEquals("EXPIRED", TlsText.validity(leaf, Instant.parse("2028-01-01T00:00:00Z")));

        HttpExchange failed = new HttpExchange(new HttpTarget("https", "127.0.0.1", 8443),
                exchange.request(), Optional.empty(), ByteSource.of(new byte[0]), Timing.ZERO, 0, 0,
                Optional.empty(), Optional.of("The certificate is not trusted"), Instant.now(), false);
        assertTrue(TlsText.describe(failed, Instant.now()).startsWith("The exchange failed: The certificate is not"
                + " trusted"));
    }

    @Test
    void thePreviewCountsThePartsAndWarnsAboutAForeignHostHeader() {
        HttpTarget target = new HttpTarget("http", "127.0.0.1", 8080);
        RequestPreview preview = RequestPreview.of(RequestTemplate.POST_JSON.render(target), StandardCharsets.UTF_8,
                RequestOptions.DEFAULTS, Optional.of(target));
        assertEquals(5, preview.headerCount());
        assertTrue(preview.hasBlankLine());
        assertTrue(preview.summary().equals("request line · 5 headers · blank line · body 42 bytes  →  194 bytes on the wire"),
                preview.summary());
        assertTrue(preview.warnings().isEmpty(), preview.warnings().toString());

        RequestPreview elsewhere = RequestPreview.of("GET / HTTP/1.1\nHost: example.org\n\n", StandardCharsets.UTF_8,
                RequestOptions.DEFAULTS, Optional.of(target));
        assertEquals(List.of("The Host header says \"example.org\" but the request goes to 127.0.0.1:8080 (sent as"
                + " typed)"), elsewhere.warnings());
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }
}
