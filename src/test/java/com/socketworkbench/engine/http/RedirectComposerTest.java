package com.socketworkbench.engine.http;

import com.socketworkbench.engine.codec.ByteSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedirectComposerTest {

    private static final HttpTarget ORIGIN = new HttpTarget("http", "127.0.0.1", 8080);
    private static final String POST = "POST /form?x=1 HTTP/1.1\nHost: 127.0.0.1:8080\nCookie: s=1\n"
            + "Content-Type: text/plain\nContent-Length: 5\n\nhello";

    private static ParsedResponse redirect(int code, String location) {
        String raw = "HTTP/1.1 " + code + " Moved\r\nLocation: " + location + "\r\nContent-Length: 0\r\n\r\n";
        return HttpResponseParser.parse(ByteSource.of(raw.getBytes(StandardCharsets.US_ASCII)), "POST", false);
    }

    @Test
    void seeOtherBecomesGetWithoutBody() {
        RedirectComposer.FollowUp next = RedirectComposer.follow(ORIGIN, POST, redirect(303, "/done")).orElseThrow();
        assertEquals(ORIGIN, next.target());
        assertEquals("GET", next.method());
        assertEquals("GET /done HTTP/1.1\nHost: 127.0.0.1:8080\nCookie: s=1\n\n", next.requestText());
    }

    @Test
    void temporaryRedirectKeepsMethodAndBody() {
        RedirectComposer.FollowUp next = RedirectComposer.follow(ORIGIN, POST, redirect(307, "other?y=2"))
                .orElseThrow();
        assertEquals("POST /other?y=2 HTTP/1.1\nHost: 127.0.0.1:8080\nCookie: s=1\nContent-Type: text/plain\n"
                + "Content-Length: 5\n\nhello", next.requestText());
    }

    @Test
    void anotherOriginGetsItsHostAndNoCredentials() {
        RedirectComposer.FollowUp next = RedirectComposer.follow(ORIGIN, POST,
                redirect(308, "https://localhost:8443/x")).orElseThrow();
        assertEquals(new HttpTarget("https", "localhost", 8443), next.target());
        assertEquals("POST /x HTTP/1.1\nHost: localhost:8443\nContent-Type: text/plain\nContent-Length: 5\n\nhello",
                next.requestText());
    }

    @Test
    void notARedirectOrUnusableLocationGivesNothing() {
        assertTrue(RedirectComposer.follow(ORIGIN, POST, redirect(200, "/x")).isEmpty());
        assertTrue(RedirectComposer.follow(ORIGIN, POST, redirect(302, "ftp://h/x")).isEmpty());
        ParsedResponse noLocation = HttpResponseParser.parse(ByteSource.of(
                "HTTP/1.1 302 Found\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)), "GET", false);
        assertTrue(RedirectComposer.follow(ORIGIN, POST, noLocation).isEmpty());
        assertTrue(noLocation.verdict(VerdictCodes.REDIRECT_WITHOUT_LOCATION).isPresent());
    }
}
