package com.socketworkbench.engine.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Host names java.net.URI reads as no host (a registry-based authority): Docker and Kubernetes service names. */
class WsUrlHostTest {

    @Test
    void hostNamesWithAnUnderscoreAreAccepted() {
        assertEquals(new WsUrl(false, "my_host", 8080, "/"), WsUrl.parse("ws://my_host:8080/"));
        assertEquals(new WsUrl(false, "echo_server", 80, "/"), WsUrl.parse("ws://echo_server/"));
        assertEquals(new WsUrl(true, "a_b.example.com", 443, "/x?y=1"), WsUrl.parse("wss://a_b.example.com/x?y=1"));
        assertEquals("The port 70000 is out of range (1 to 65535)", message("ws://my_host:70000/"));
        assertEquals("The port \"8a\" is not a number", message("ws://my_host:8a/"));
        assertEquals("A colon after the host needs a port number", message("ws://my_host:/"));
        assertEquals("The host \"a_b$c\" contains \"$\", which a host name cannot contain", message("ws://a_b$c/"));
        assertEquals("The URL has no host: ws://host:port/path", message("ws://:8080/"));
        assertEquals("A user name in the URL (user@host) is not sent by WebSocket: put credentials in a header",
                message("ws://u@my_host/"));
    }

    private static String message(String url) {
        return assertThrows(IllegalArgumentException.class, () -> WsUrl.parse(url)).getMessage();
    }
}
