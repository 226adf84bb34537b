package com.socketworkbench.engine.tools;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AddressConverterTest {

    private static String error(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void dottedQuadInEveryForm() {
        AddressConverter.Ipv4 a = AddressConverter.parseIpv4("127.0.0.1");
        assertEquals("127.0.0.1", a.dotted());
        assertEquals(2_130_706_433L, a.value());
        assertEquals("0x7f000001", a.hex());
        assertArrayEquals(new byte[]{127, 0, 0, 1}, a.bytes());
        assertEquals("7f 00 00 01", a.bytesHex());
        assertEquals("::ffff:127.0.0.1", a.ipv4Mapped());
        assertNull(a.note());
        assertEquals("255.255.255.255", AddressConverter.fromValue(4_294_967_295L).dotted());
        assertEquals("192.168.1.10", AddressConverter.fromBytes(new byte[]{(byte) 192, (byte) 168, 1, 10}).dotted());
        assertEquals("127.0.0.1", AddressConverter.parseIpv4Bytes("7f:00:00:01").dotted());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "127.1|127.0.0.1|'127.1' is inet_aton's short form with 2 parts: the last part fills the remaining 3 bytes, so it means 127.0.0.1",
            "10.1.2|10.1.0.2|'10.1.2' is inet_aton's short form with 3 parts: the last part fills the remaining 2 bytes, so it means 10.1.0.2",
            "2130706433|127.0.0.1|'2130706433' is inet_aton's short form with 1 part: one 32-bit number, so it means 127.0.0.1",
            "0x7f000001|127.0.0.1|'0x7f000001' is inet_aton's short form with 1 part: one 32-bit number, so it means 127.0.0.1; 0x7f000001 is hex (0x) = 2130706433",
            "0x7f.1|127.0.0.1|'0x7f.1' is inet_aton's short form with 2 parts: the last part fills the remaining 3 bytes, so it means 127.0.0.1; 0x7f is hex (0x) = 127",
            "010.0.0.1|8.0.0.1|010 has a leading 0, which inet_aton reads as octal = 8",
    })
    void inetAtonShortAndOddForms(String input, String dotted, String note) {
        AddressConverter.Ipv4 a = AddressConverter.parseIpv4(input);
        assertEquals(dotted, a.dotted());
        assertEquals(note, a.note());
    }

    @Test
    void badIpv4IsExplained() {
        assertEquals("256 is out of range in '1.2.3.256' (each part is one byte, 0-255)",
                error(() -> AddressConverter.parseIpv4("1.2.3.256")));
        assertEquals("16777216 is out of range in '1.16777216' (as the last of 2 parts it fills 3 bytes, at most"
                + " 16777215)", error(() -> AddressConverter.parseIpv4("1.16777216")));
        assertEquals("'1.2.3.4.5' has 5 parts; an IPv4 address has at most 4",
                error(() -> AddressConverter.parseIpv4("1.2.3.4.5")));
        assertEquals("'1..2' has an empty part", error(() -> AddressConverter.parseIpv4("1..2")));
        assertEquals("'09' in '09.1.1.1' is not an octal number (a leading 0 means octal, digits 0-7)",
                error(() -> AddressConverter.parseIpv4("09.1.1.1")));
        assertEquals("'x' in '1.x.2.3' is not a decimal number", error(() -> AddressConverter.parseIpv4("1.x.2.3")));
        assertEquals("enter an IPv4 address", error(() -> AddressConverter.parseIpv4(" ")));
        assertEquals("4294967296 is out of range for an IPv4 address (0 to 4294967295)",
                error(() -> AddressConverter.fromValue(4_294_967_296L)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "::1|::1|0000:0000:0000:0000:0000:0000:0000:0001",
            "::|::|0000:0000:0000:0000:0000:0000:0000:0000",
            "2001:DB8:0:0:0:0:0:1|2001:db8::1|2001:0db8:0000:0000:0000:0000:0000:0001",
            "2001:db8:0000:1:1:1:1:1|2001:db8:0:1:1:1:1:1|2001:0db8:0000:0001:0001:0001:0001:0001",
            "2001:db8:0:0:1:0:0:1|2001:db8::1:0:0:1|2001:0db8:0000:0000:0001:0000:0000:0001",
            "2001:0:0:1:0:0:0:1|2001:0:0:1::1|2001:0000:0000:0001:0000:0000:0000:0001",
            "fe80::0001:0|fe80::1:0|fe80:0000:0000:0000:0000:0000:0001:0000",
            "1::|1::|0001:0000:0000:0000:0000:0000:0000:0000",
            "::ffff:7f00:1|::ffff:127.0.0.1|0000:0000:0000:0000:0000:ffff:7f00:0001",
            "[2001:db8::a]|2001:db8::a|2001:0db8:0000:0000:0000:0000:0000:000a",
    })
    void ipv6IsCompressedPerRfc5952(String input, String compressed, String expanded) {
        AddressConverter.Ipv6 a = AddressConverter.parseIpv6(input);
        assertEquals(compressed, a.compressed());
        assertEquals(expanded, a.expanded());
        assertEquals(compressed, AddressConverter.parseIpv6(expanded).compressed(), "round trip");
    }

    @Test
    void ipv6Details() {
        AddressConverter.Ipv6 mapped = AddressConverter.toIpv4Mapped("192.0.2.1");
        assertEquals("::ffff:192.0.2.1", mapped.compressed());
        assertEquals("192.0.2.1", mapped.mappedIpv4());
        assertEquals(new BigInteger("281473902969345"), mapped.value());
        AddressConverter.Ipv6 zoned = AddressConverter.parseIpv6("fe80::1%eth0");
        assertEquals("eth0", zoned.zone());
        assertEquals("fe80::1", zoned.compressed());
        assertEquals(BigInteger.ONE, AddressConverter.parseIpv6("::1").value());
    }

    @Test
    void badIpv6IsExplained() {
        assertEquals("'1::2::3' has '::' more than once; it may stand for one run of zero groups only",
                error(() -> AddressConverter.parseIpv6("1::2::3")));
        assertEquals("'12345' in '12345::1' is not a group of 1 to 4 hex digits",
                error(() -> AddressConverter.parseIpv6("12345::1")));
        assertEquals("'1:2:3' has 3 groups; an IPv6 address has 8 (or fewer with '::' for a run of zeros)",
                error(() -> AddressConverter.parseIpv6("1:2:3")));
        assertEquals("'1:2:3:4:5:6:7::8' has too many groups for '::' to stand for any",
                error(() -> AddressConverter.parseIpv6("1:2:3:4:5:6:7::8")));
        assertEquals("'g' in 'g::1' is not a group of 1 to 4 hex digits", error(() -> AddressConverter.parseIpv6("g::1")));
    }

    @Test
    void literalParsingNeverLooksUpNames() throws UnknownHostException {
        assertArrayEquals(new byte[]{10, 0, 0, 1}, AddressConverter.parseLiteral("10.0.0.1"));
        assertEquals(16, AddressConverter.parseLiteral("::1").length);
        assertEquals("'localhost' is not an IP address: IPv4 is written as four numbers 0-255 separated by dots,"
                + " IPv6 as hex groups separated by colons", error(() -> AddressConverter.parseLiteral("localhost")));
        assertEquals("::1", AddressConverter.canonical(InetAddress.getByName("::1")));
        assertEquals("127.0.0.1", AddressConverter.canonical(AddressConverter.toInetAddress("127.0.0.1")));
    }
}
