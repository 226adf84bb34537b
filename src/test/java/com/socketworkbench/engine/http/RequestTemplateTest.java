package com.socketworkbench.engine.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestTemplateTest {

    private static final HttpTarget LOCAL = new HttpTarget("http", "127.0.0.1", 8080);

    @ParameterizedTest
    @EnumSource(RequestTemplate.class)
    void everyTemplatePreparesWithoutWarnings(RequestTemplate template) {
        String text = template.render(LOCAL);
        assertFalse(text.contains("\r"), "the editor shows LF only");
        PreparedRequest request = RawRequestBuilder.prepare(text, StandardCharsets.UTF_8, RequestOptions.DEFAULTS);
        assertEquals(List.of(), request.warnings());
        assertEquals(template.method(), request.method());
        assertEquals(text.replace("\n", "\r\n").length() - (template.hasBody() ? countLf(bodyOf(text)) : 0),
                request.bytes().length);
    }

    private static String bodyOf(String text) {
        return text.substring(text.indexOf("\n\n") + 2);
    }

    private static int countLf(String s) {
        return (int) s.chars().filter(c -> c == '\n').count();
    }

    @Test
    void getHasHostWithPortAndUserAgent() {
        assertEquals("GET / HTTP/1.1\nHost: 127.0.0.1:8080\nUser-Agent: SocketWorkbench/0.1\nAccept: */*\n\n",
                RequestTemplate.GET.render(LOCAL));
        assertTrue(RequestTemplate.GET.render(HttpTarget.of("https", "example.org")).contains("\nHost: example.org\n"));
        assertTrue(RequestTemplate.GET.render(new HttpTarget("http", "::1", 80)).contains("\nHost: [::1]\n"));
    }

    @Test
    void postJsonHasTypeLengthAndBody() {
        String text = RequestTemplate.POST_JSON.render(LOCAL);
        assertTrue(text.startsWith("POST / HTTP/1.1\n"));
        assertTrue(text.contains("\nContent-Type: application/json\n"));
        String body = bodyOf(text);
        assertTrue(JsonPretty.isValid(body));
        assertTrue(text.contains("\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\n"));
        assertTrue(RequestTemplate.POST_FORM.render(LOCAL).contains("application/x-www-form-urlencoded"));
    }

    @Test
    void connectUsesAuthorityForm() {
        HttpTarget https = HttpTarget.of("https", "example.org");
        assertTrue(RequestTemplate.CONNECT.render(https).startsWith("CONNECT example.org:443 HTTP/1.1\n"
                + "Host: example.org:443\n"));
    }

    @Test
    void targetIsValidated() {
        assertThrows(IllegalArgumentException.class, () -> new HttpTarget("ftp", "h", 21));
        assertThrows(IllegalArgumentException.class, () -> new HttpTarget("http", "h", 0));
        assertThrows(IllegalArgumentException.class, () -> new HttpTarget("http", "a b", 80));
        assertEquals("::1", new HttpTarget("HTTP", "[::1]", 80).host());
        assertEquals("http://[::1]:8080", new HttpTarget("http", "::1", 8080).origin());
    }
}
