package com.socketworkbench.engine.net;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EndpointsTest {

    @Test
    void describesAddressesAsUsersWriteThem() throws Exception {
        assertEquals("127.0.0.1:5000", Endpoints.describe(new InetSocketAddress("127.0.0.1", 5000)));
        assertEquals("[::1]:5000", Endpoints.describe(new InetSocketAddress(InetAddress.getByName("::1"), 5000)));
        assertEquals("[2001:db8::1:0:0:1]:80",
                Endpoints.describe(new InetSocketAddress(InetAddress.getByName("2001:db8:0:0:1:0:0:1"), 80)));
        assertEquals("[::]:0", Endpoints.describe(new InetSocketAddress(InetAddress.getByName("::"), 0)));
        assertEquals("[fe80::1:0:0:0]:1",
                Endpoints.describe(new InetSocketAddress(InetAddress.getByName("fe80:0:0:0:1:0:0:0"), 1)));
        assertEquals("example.test:443", Endpoints.describe(InetSocketAddress.createUnresolved("example.test", 443)));
        assertEquals("/tmp/app.sock", Endpoints.describe(UnixDomainSocketAddress.of("/tmp/app.sock")));
        assertEquals("(unknown)", Endpoints.describe(null));
    }

    @Test
    void acceptsPortsInRange() {
        assertEquals(1, Endpoints.validatePort("1", false));
        assertEquals(65535, Endpoints.validatePort(" 65535 ", false));
        assertEquals(0, Endpoints.validatePort("0", true));
        assertEquals(8080, Endpoints.validatePort("08080", false));
    }

    @Test
    void rejectsBadPortsWithPlainMessages() {
        assertEquals("Port must be a number from 1 to 65535", message("0", false));
        assertEquals("Port must be a number from 1 to 65535", message("65536", false));
        assertEquals("Port must be a number from 1 to 65535", message("", false));
        assertEquals("Port must be a number from 1 to 65535", message("-1", false));
        assertEquals("Port must be a number from 1 to 65535", message("99999999999999", false));
        assertEquals("Port must be a number from 0 to 65535 (0 = any free port)", message("70000", true));
        assertEquals("'80a' is not a number. Port must be a number from 1 to 65535", message("80a", false));
        assertEquals("Port must be a number from 1 to 65535", message(null, false));
    }

    private static String message(String text, boolean allowZero) {
        return assertThrows(IllegalArgumentException.class, () -> Endpoints.validatePort(text, allowZero))
                .getMessage();
    }
}
