package com.socketworkbench.ui.tools;

import com.socketworkbench.engine.tools.HostInfo.InterfaceAddressInfo;
import com.socketworkbench.engine.tools.HostInfo.NetworkInterfaceInfo;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The This host card's address column: the prefix follows the address, the zone stands apart in brackets. */
class InterfaceAddressesTextTest {

    @Test
    void loopbackReadsAsAddressSlashPrefixWithTheInterfaceInBrackets() {
        NetworkInterfaceInfo lo = new NetworkInterfaceInfo("lo", "lo", 1, List.of(
                new InterfaceAddressInfo("127.0.0.1", 8, null, "IPv4"),
                new InterfaceAddressInfo("::1%lo", 128, null, "IPv6")), 65536, true, true, false, false, false,
                null, null);
        assertEquals("127.0.0.1/8\n::1/128 (lo)", HostInfoCard.addresses(lo));
    }
}
