package com.socketworkbench.engine.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The URL bar's reading of a URL: target and request target, and the messages for what is no http(s) URL. */
class TargetUrlTest {
    @Test
    void fillsSchemeHostPortAndPathWithQuery() {
        TargetUrl url = TargetUrl.parse(" http://127.0.0.1:8080/path?q=1#frag ");
        assertEquals(new HttpTarget("http", "127.0.0.1", 8080), url.target());
        assertEquals("/path?q=1", url.requestTarget());
        assertEquals("http://127.0.0.1:8080/path?q=1", url.text());
    }

    @Test
    void defaultsPortAndPathAndScheme() {
        assertEquals(new HttpTarget("https", "example.org", 443), TargetUrl.parse("HTTPS://example.org").target());
        assertEquals("/", TargetUrl.parse("https://example.org").requestTarget());
        TargetUrl bare = TargetUrl.parse("localhost:9000/x");
        assertEquals(new HttpTarget("http", "localhost", 9000), bare.target());
        assertEquals("/x", bare.requestTarget());
        assertEquals(new HttpTarget("http", "::1", 8080), TargetUrl.parse("http://[::1]:8080/").target());
    }

    @Test
    void hostNamesWithAnUnderscoreAreAcceptedAsWsUrlAcceptsThem() {
        TargetUrl compose = TargetUrl.parse("http://my_host:8080/");
        assertEquals(new HttpTarget("http", "my_host", 8080), compose.target());
        assertEquals("/", compose.requestTarget());
        assertEquals(new HttpTarget("https", "a_b.example.com", 443),
                TargetUrl.parse("https://a_b.example.com/x?y=1").target());
        assertEquals("/x?y=1", TargetUrl.parse("https://a_b.example.com/x?y=1").requestTarget());
        assertEquals(new HttpTarget("http", "chat_server", 80), TargetUrl.parse("chat_server/ws").target());
        assertTrue(message("http://my_host:99999/").contains("65535"), message("http://my_host:99999/"));
        assertTrue(message("http://my_host:x/").contains("not a valid host and port"), message("http://my_host:x/"));
        assertTrue(message("http://my_h%41st/").contains("not a valid host and port"), message("http://my_h%41st/"));
        assertTrue(message("http://u@my_host/").contains("Authorization"), message("http://u@my_host/"));
    }

    @Test
    void badUrlsGetAClearMessage() {
        assertTrue(message("ftp://h/").contains("Only http:// and https://"), message("ftp://h/"));
        assertTrue(message("http://h:99999/").contains("65535"), message("http://h:99999/"));
        assertTrue(message("http://h:port/").contains("not a valid host and port"), message("http://h:port/"));
        assertTrue(message("http:///path").contains("no host"), message("http:///path"));
        assertTrue(message("http://a b/").contains("spaces"), message("http://a b/"));
        assertTrue(message("").contains("Type or paste a URL"));
        assertTrue(message("http://u:p@h/").contains("Authorization"));
    }

    private static String message(String typed) {
        return assertThrows(IllegalArgumentException.class, () -> TargetUrl.parse(typed)).getMessage();
    }
}
