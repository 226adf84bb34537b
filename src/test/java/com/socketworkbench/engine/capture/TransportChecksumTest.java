package com.socketworkbench.engine.capture;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The recorder's writer finishes the transport checksum over the payload it has copied
 * ({@link IpPackets#finishTransportChecksum}); the packet must be byte for byte the one whose checksum is computed
 * in one go, and its checksums must verify (RFC 1071).
 */
class TransportChecksumTest {
    private static final byte[] TCP_HEADER = {0x13, (byte) 0x88, (byte) 0x9c, 0x40, 0, 0, 0, 1, 0, 0, 0, 2, 0x50, 0x18,
            (byte) 0xFF, (byte) 0xFF, 0, 0, 0, 0};

    private static byte[] udpHeader(int payload) {
        byte[] header = new byte[UdpDatagrams.HEADER];
        IpPackets.putShort(header, 0, 5_000);
        IpPackets.putShort(header, 2, 40_000);
        IpPackets.putShort(header, 4, UdpDatagrams.HEADER + payload);
        return header;
    }

    /** The packet the writer produces: partial headers and the payload copied to native memory, then finished. */
    private static byte[] finishedInMemory(InetAddress from, InetAddress to, int protocol, byte[] payload) {
        byte[] transport = protocol == IpPackets.TCP ? TCP_HEADER.clone() : udpHeader(payload.length);
        byte[] headers = IpPackets.headers(from, to, protocol, transport, payload, 0, payload.length,
                protocol == IpPackets.TCP ? 16 : 6, 7, true);
        int at = 5; // not 8-aligned, as a packet in the block buffer often is not
        MemorySegment memory = Arena.ofAuto().allocate(at + headers.length + payload.length);
        MemorySegment.copy(MemorySegment.ofArray(headers), 0, memory, at, headers.length);
        MemorySegment.copy(MemorySegment.ofArray(payload), 0, memory, at + headers.length, payload.length);
        IpPackets.finishTransportChecksum(memory, at, headers.length, payload.length);
        return memory.asSlice(at).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
    }

    private static byte[] inOneGo(InetAddress from, InetAddress to, int protocol, byte[] payload) {
        byte[] transport = protocol == IpPackets.TCP ? TCP_HEADER.clone() : udpHeader(payload.length);
        byte[] headers = IpPackets.headers(from, to, protocol, transport, payload, 0, payload.length,
                protocol == IpPackets.TCP ? 16 : 6, 7, false);
        byte[] packet = new byte[headers.length + payload.length];
        System.arraycopy(headers, 0, packet, 0, headers.length);
        System.arraycopy(payload, 0, packet, headers.length, payload.length);
        return packet;
    }

    @Test
    void finishingAfterTheCopyGivesTheSamePacketAndItVerifies() throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        for (String[] ends : new String[][] {{"127.0.0.1", "127.0.0.2"}, {"::1", "fe80::1"}}) {
            InetAddress from = InetAddress.getByName(ends[0]);
            InetAddress to = InetAddress.getByName(ends[1]);
            for (int protocol : new int[] {IpPackets.TCP, IpPackets.UDP}) {
                for (int length : new int[] {0, 1, 2, 255, 256, 257, 1_001, 8_193, 65_000}) {
                    byte[] payload = new byte[length];
                    random.nextBytes(payload);
                    byte[] packet = finishedInMemory(from, to, protocol, payload);
                    assertArrayEquals(inOneGo(from, to, protocol, payload), packet,
                            protocol + " over " + ends[0] + ", " + length + " bytes");
                    // Decoding re-checks the IP and transport checksums word by word and throws when one is wrong.
                    assertEquals(length, DecodedPacket.decode(packet).payload().length);
                }
            }
        }
    }

    @Test
    void aUdpChecksumThatComesOutZeroIsWrittenAsAllOnes() throws Exception {
        InetAddress from = InetAddress.getByName("127.0.0.1");
        InetAddress to = InetAddress.getByName("127.0.0.2");
        byte[] payload = new byte[300];
        new SplittableRandom(8).nextBytes(payload);
        payload[298] = 0;
        payload[299] = 0;
        byte[] zeroed = inOneGo(from, to, IpPackets.UDP, payload);
        int field = IpPackets.IPV4_HEADER + 6;
        // The last word set to the checksum with it zero makes the ones' complement sum 0xFFFF: the checksum 0.
        payload[298] = zeroed[field];
        payload[299] = zeroed[field + 1];
        byte[] packet = finishedInMemory(from, to, IpPackets.UDP, payload);
        assertEquals(0xFFFF, ((packet[field] & 0xFF) << 8) | (packet[field + 1] & 0xFF));
        assertArrayEquals(inOneGo(from, to, IpPackets.UDP, payload), packet);
    }
}
