package com.socketworkbench.ui.udp;

import com.socketworkbench.ui.fx.TrafficCounters;
import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.BytesSent;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The words and numbers the UDP tab computes without a scene. */
class UdpTextsTest {

    @Test
    void theReceiveBufferSaysWhenTheSystemCappedIt() {
        assertEquals("granted 425,984 B — capped by net.core.rmem_max",
                ReceiveBufferText.granted(4_194_304, 425_984, true));
        assertEquals("granted 425,984 B — capped by the system's limit",
                ReceiveBufferText.granted(4_194_304, 425_984, false));
        assertEquals("granted 4,194,304 B", ReceiveBufferText.granted(4_194_304, 4_194_304, true));
        assertTrue(ReceiveBufferText.granted(65_536, 131_072, true).contains("twice the request"));
        assertEquals("asks for 4,194,304 B when started", ReceiveBufferText.requested(4_194_304));
    }

    @Test
    void theDatagramLimitFollowsTheTargetsFamily() {
        assertEquals(65_507, DatagramSizeCheck.maxPayload("127.0.0.1"));
        assertEquals(65_527, DatagramSizeCheck.maxPayload("::1"));
        assertEquals(65_527, DatagramSizeCheck.maxPayload("[::1]"));
        assertEquals(65_527, DatagramSizeCheck.maxPayload("localhost"), "a name is checked again once resolved");
        assertEquals("", DatagramSizeCheck.problem("127.0.0.1", 65_507));
        assertEquals("", DatagramSizeCheck.problem("127.0.0.1", 0));
        assertTrue(DatagramSizeCheck.problem("127.0.0.1", 65_508).contains("at most 65,507"));
        assertEquals("", DatagramSizeCheck.problem("::1", 65_527));
        assertTrue(DatagramSizeCheck.problem("::1", 65_528).contains("IPv6 address carries at most 65,527"));
    }

    @Test
    void onlyMulticastLiteralsAreGroups() {
        assertEquals("", MulticastGroupCheck.problem(""));
        assertEquals("", MulticastGroupCheck.problem("224.0.0.251"));
        assertEquals("", MulticastGroupCheck.problem(" 239.255.255.250 "));
        assertEquals("", MulticastGroupCheck.problem("ff02::fb"));
        assertTrue(MulticastGroupCheck.problem("240.0.0.1").contains("is not a multicast address"));
        assertTrue(MulticastGroupCheck.problem("fe80::1").contains("is not a multicast address"));
        assertTrue(MulticastGroupCheck.problem("239.1.2.300").contains("is not an IP address"));
        assertTrue(MulticastGroupCheck.problem("mdns.local").contains("is not an IP address"));
    }

    @Test
    void ratesAreMeasuredOverAboutASecond() {
        TrafficCounters counters = new TrafficCounters();
        TrafficRate rate = new TrafficRate();
        assertFalse(rate.sample(0, counters), "the first sample only sets the baseline");
        for (int i = 0; i < 30; i++) {
            counters.record(new BytesReceived(Instant.now(), 1, null, null, new byte[100]));
        }
        counters.record(new BytesSent(Instant.now(), 1, null, null, new byte[5]));
        assertFalse(rate.sample(500_000_000L, counters), "not yet a second");
        assertTrue(rate.sample(2_000_000_000L, counters));
        TrafficRate.Rates rates = rate.current();
        assertEquals(15, rates.datagramsIn(), 1e-9);
        assertEquals(1500, rates.bytesIn(), 1e-9);
        assertEquals(0.5, rates.datagramsOut(), 1e-9);
        assertEquals("↓ 15 datagrams/s · 1.5 KiB/s   ↑ 0.5 datagrams/s · 3 B/s", rates.text());
    }
}
