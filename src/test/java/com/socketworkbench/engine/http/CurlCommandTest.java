package com.socketworkbench.engine.http;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading curl command lines: options, quoting, continuations, and what is named instead of applied. */
class CurlCommandTest {
    private static List<String> headers(CurlCommand curl) {
        return curl.headers().stream().map(h -> h.name() + ": " + h.value()).toList();
    }

    @Test
    void methodHeadersAndDataWithBothQuotesAndLineContinuations() {
        CurlCommand curl = CurlCommand.parse("curl -X PUT \\\n  -H 'Content-Type: application/json' \\\n"
                + "  -H \"X-Note: say \\\"hi\\\" for \\$5\" \\\r\n  --data-raw '{\"a\": \"it''s\"}' \\\n"
                + "  http://127.0.0.1:8080/api?q=1");
        assertEquals("PUT", curl.method());
        assertEquals("http://127.0.0.1:8080/api?q=1", curl.url());
        assertEquals(List.of("Content-Type: application/json", "X-Note: say \"hi\" for $5"), headers(curl));
        assertEquals(Optional.of("{\"a\": \"its\"}"), curl.body());
        assertEquals(List.of(), curl.ignored());
    }

    @Test
    void dataMakesAPostWithCurlsFormContentTypeAndSeveralDataAreJoined() {
        CurlCommand curl = CurlCommand.parse("curl --url http://h/form -d a=1 --data b=2 --data-binary 'c=3'");
        assertEquals("POST", curl.method());
        assertEquals("http://h/form", curl.url());
        assertEquals(Optional.of("a=1&b=2&c=3"), curl.body());
        assertEquals(List.of("Content-Type: application/x-www-form-urlencoded"), headers(curl));
    }

    @Test
    void userAgentRefererBasicAuthCookieAndHead() {
        CurlCommand curl = CurlCommand.parse("curl -I -A 'Probe/1' -e http://from/ -u alice:s3cret -b 'k=v' h:81");
        assertEquals("HEAD", curl.method());
        assertEquals(List.of("User-Agent: Probe/1", "Referer: http://from/",
                "Authorization: Basic YWxpY2U6czNjcmV0", "Cookie: k=v"), headers(curl));
        assertEquals("h:81", curl.url());
        assertEquals("GET", CurlCommand.parse("curl http://h/").method());
    }

    @Test
    void attachedValuesBundledFlagsAndOutputOptionsAreUnderstood() {
        CurlCommand curl = CurlCommand.parse("curl -sS -XDELETE -H'Accept: */*' -o out.txt http://h/x");
        assertEquals("DELETE", curl.method());
        assertEquals(List.of("Accept: */*"), headers(curl));
        assertEquals(List.of(), curl.ignored(), "-s, -S and -o only change what curl prints");
    }

    @Test
    void unsupportedOptionsAreNamedNotDropped() {
        CurlCommand curl = CurlCommand.parse("curl -L --compressed -k -F 'file=@a.png' -d @body.json "
                + "-H 'X-Drop:' https://h/");
        assertEquals(List.of("-L", "--compressed", "-k", "-F file=@a.png", "-d @body.json", "-H X-Drop:"),
                curl.ignored());
        assertEquals(Optional.empty(), curl.body(), "a file body is not read");
    }

    @Test
    void browserStyleAnsiQuotedBodies() {
        CurlCommand curl = CurlCommand.parse("curl 'http://h/' --data-raw $'line1\\nit\\'s'");
        assertEquals(Optional.of("line1\nit's"), curl.body());
    }

    @Test
    void badCommandsSayWhatIsWrong() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CurlCommand.parse("wget http://h/"))
                .getMessage().contains("not a curl command"));
        assertEquals("The curl command has no URL",
                assertThrows(IllegalArgumentException.class, () -> CurlCommand.parse("curl -X GET")).getMessage());
        assertEquals("The option -H needs a value after it",
                assertThrows(IllegalArgumentException.class, () -> CurlCommand.parse("curl http://h/ -H"))
                        .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CurlCommand.parse("curl 'http://h/"))
                .getMessage().contains("never closed"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> CurlCommand.parse("curl -H 'NoColon' http://h/")).getMessage().contains("no colon"));
    }
}
