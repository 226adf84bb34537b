package com.socketworkbench.engine.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The handshake's extension negotiation (RFC 6455 section 4.1), a head with bare LF line endings, the body of a
 * refused upgrade with a redirect's Location.
 */
class HandshakeFixesTest {
    private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";
    private static final String GOOD = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n";

    @Test
    void anExtensionTheRequestDidNotOfferFailsTheHandshakeByName() {
        String deflate = GOOD.replace("\r\n\r\n", "\r\nSec-WebSocket-Extensions: permessage-deflate\r\n\r\n");
        HandshakeCheck other = check(deflate, List.of("x-webkit-foo"));
        assertFalse(other.ok());
        WsVerdict verdict = other.verdicts().stream().filter(WsVerdict::fatal).findFirst().orElseThrow();
        assertEquals("extensions.unrequested", verdict.code());
        assertTrue(verdict.text().contains("permessage-deflate") && verdict.text().contains("x-webkit-foo"),
                verdict.text());
        assertFalse(check(deflate, List.of()).ok(), "nothing offered, something agreed");

        HandshakeCheck agreed = check(deflate.replace("permessage-deflate",
                "permessage-deflate; server_no_context_takeover"), List.of("permessage-deflate"));
        assertTrue(agreed.ok(), agreed.verdicts()::toString);
        assertEquals(List.of("extensions.deflate"), agreed.verdicts().stream().map(WsVerdict::code).toList());
        assertTrue(agreed.deflate().has("server_no_context_takeover"));
        assertEquals(4, agreed.rsvAllowed());

        HandshakeCheck second = check(GOOD.replace("\r\n\r\n",
                "\r\nSec-WebSocket-Extensions: permessage-deflate\r\nSec-WebSocket-Extensions: x-two\r\n\r\n"),
                List.of("permessage-deflate"));
        assertEquals("extensions.unrequested", second.verdicts().stream().filter(WsVerdict::fatal).findFirst()
                .orElseThrow().code(), "the second header is checked too");
    }

    @Test
    void theOfferedNamesAreReadFromTheTypedHeader() {
        WsOptions options = WsOptions.of(WsUrl.parse("ws://127.0.0.1/"), WsHeader.parseLines(
                "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits, x-webkit-foo; q=\"a,b\""),
                List.of(), false);
        assertEquals(List.of("permessage-deflate", "x-webkit-foo"), options.offeredExtensions());
    }

    @Test
    void aHeadWithBareLfLineEndsAndIsReadWithAWarning() throws IOException {
        String bare = GOOD.replace("\r\n", "\n");
        ResponseHead head = ResponseHead.read(new ByteArrayInputStream((bare + "\u0081\u0000")
                .getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(bare, new String(head.head(), StandardCharsets.ISO_8859_1));
        assertEquals(2, head.rest().length, "the frame after the head is kept for the frame reader");
        HandshakeCheck check = Handshake.check(head.head(), KEY, List.of(), List.of());
        assertTrue(check.ok(), check.verdicts()::toString);
        WsVerdict warning = check.verdicts().getFirst();
        assertEquals("head.bareLf", warning.code());
        assertFalse(warning.fatal());
        assertTrue(warning.text().contains("byte 32"), warning.text());
        assertEquals(GOOD.length(), ResponseHead.headEnd((GOOD + "x").getBytes(StandardCharsets.US_ASCII), 0));
        assertTrue(check(GOOD, List.of()).verdicts().isEmpty(), "CRLF heads get no warning");
    }

    @Test
    void theBodyOfARefusedUpgradeIsReadByItsFraming() throws IOException {
        String head = "HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nContent-Length: 36\r\n\r\n";
        String body = "Origin http://evil not in allow-list";
        ResponseHead sized = read(head + body + "garbage after the body");
        assertEquals(head + body, new String(sized.shown(), StandardCharsets.ISO_8859_1));

        String chunkedHead = "HTTP/1.1 401 Unauthorized\r\nTransfer-Encoding: chunked\r\n\r\n";
        String chunks = "5\r\nhello\r\n7;x=y\r\n, token\r\n0\r\n\r\n";
        assertEquals(chunkedHead + chunks, new String(read(chunkedHead + chunks).shown(),
                StandardCharsets.ISO_8859_1));

        String untilClose = "HTTP/1.0 400 Bad Request\r\n\r\n{\"error\":\"no token\"}";
        assertEquals(untilClose, new String(read(untilClose).shown(), StandardCharsets.ISO_8859_1));

        String huge = "HTTP/1.1 500 Oops\r\n\r\n" + "x".repeat(RejectedBody.MAX_BODY + 10);
        assertEquals(RejectedBody.MAX_BODY, read(huge).body().length, "capped");
        assertEquals(0, read(GOOD + "\u0081\u0000").body().length, "a 101 has frames, not a body");
    }

    @Test
    void aRedirectNamesItsLocation() {
        HandshakeCheck check = check("HTTP/1.1 301 Moved Permanently\r\nLocation: wss://example.test/ws\r\n"
                + "Content-Length: 0\r\n\r\n", List.of());
        WsVerdict verdict = check.verdicts().getFirst();
        assertEquals("status.redirect", verdict.code());
        assertTrue(verdict.fatal());
        assertTrue(verdict.text().contains("Location: wss://example.test/ws"), verdict.text());
    }

    private static ResponseHead read(String reply) throws IOException {
        return ResponseHead.read(new ByteArrayInputStream(reply.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static HandshakeCheck check(String head, List<String> offeredExtensions) {
        return Handshake.check(head.getBytes(StandardCharsets.US_ASCII), KEY, List.of(), offeredExtensions);
    }
}
