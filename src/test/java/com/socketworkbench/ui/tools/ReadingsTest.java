package com.socketworkbench.ui.tools;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the converter's boxes read what is typed into them. */
class ReadingsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "127.0.0.1         | 127.0.0.1   | dotted quad",
            "2130706433        | 127.0.0.1   | 32-bit number",
            "0x7f000001        | 127.0.0.1   | hex number",
            "0X7F000001        | 127.0.0.1   | hex number",
            "7f 00 00 01       | 127.0.0.1   | 4 bytes in hex (network byte order)",
            "7f:00:00:01       | 127.0.0.1   | 4 bytes in hex (network byte order)",
            "c0a80101          | 192.168.1.1 | 4 bytes in hex (network byte order)",
            "127.1             | 127.0.0.1   | inet_aton form",
            "0177.0.0.1        | 127.0.0.1   | inet_aton form",
            "0                 | 0.0.0.0     | 32-bit number",
            "12345678          | 0.188.97.78 | 32-bit number",
    })
    void ipv4TakesEveryWrittenForm(String text, String dotted, String readAs) {
        Ipv4Reading reading = Ipv4Reading.parse(text);
        assertEquals(dotted, reading.address().dotted());
        assertEquals(readAs, reading.readAs());
    }

    @Test
    void onlyUnusualIpv4FormsCarryInetAtonsRemark() {
        assertNull(Ipv4Reading.parse("127.0.0.1").note());
        assertNull(Ipv4Reading.parse("2130706433").note());
        assertTrue(Ipv4Reading.parse("0177.0.0.1").note().contains("octal"));
    }

    @Test
    void ipv4RejectsOutOfRangeAndPrefixes() {
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> Ipv4Reading.parse("1.2.3.256"));
        assertTrue(range.getMessage().contains("256"), range.getMessage());
        IllegalArgumentException prefix = assertThrows(IllegalArgumentException.class,
                () -> Ipv4Reading.parse("10.0.0.1/8"));
        assertTrue(prefix.getMessage().contains("subnet calculator"), prefix.getMessage());
    }

    @Test
    void ipv6ShowsAnIpv4AddressAsItsMappedForm() {
        Ipv6Reading mapped = Ipv6Reading.parse("192.0.2.1");
        assertEquals("::ffff:192.0.2.1", mapped.address().compressed());
        assertEquals("192.0.2.1", mapped.address().mappedIpv4());
        assertTrue(mapped.note().contains("IPv4-mapped"));

        Ipv6Reading zoned = Ipv6Reading.parse("[FE80::1%eth0]");
        assertEquals("fe80::1%eth0", zoned.withZone());
        assertNull(zoned.note());

        IllegalArgumentException notIpv6 = assertThrows(IllegalArgumentException.class,
                () -> Ipv6Reading.parse("localhost"));
        assertTrue(notIpv6.getMessage().contains("colons"), notIpv6.getMessage());
    }

    @Test
    void parsedTurnsBlankIntoEmptyAndErrorsIntoSentences() {
        assertInstanceOf(Parsed.Empty.class, Parsed.of("  ", Ipv4Reading::parse));
        Parsed<Ipv4Reading> invalid = Parsed.of("1.2.3.256", Ipv4Reading::parse);
        assertEquals("256 is out of range in '1.2.3.256' (each part is one byte, 0-255)", invalid.errorOrEmpty());
        assertNull(invalid.valueOrNull());
        assertEquals("Enter an IPv4 address", Messages.sentence("enter an IPv4 address"));
    }

    @Test
    void classificationTakesAnOptionalPrefixOrNetmask() {
        assertEquals(1, Classification.of("192.168.1.255", "").labels().size());
        assertEquals(2, Classification.of("192.168.1.255", "/24").labels().size());
        assertEquals(2, Classification.of("192.168.1.255", "255.255.255.0").labels().size());
        assertEquals("192.168.1.255 (/24) is private (RFC 1918, 192.168.0.0/16); directed broadcast of"
                + " 192.168.1.0/24", Classification.of("192.168.1.255", "24").sentence());
        assertThrows(IllegalArgumentException.class, () -> Classification.of("192.168.1.255", "33"));
    }

    @Test
    void numbersReadAsPeopleCountThem() {
        assertEquals("254", Messages.count(BigInteger.valueOf(254)));
        assertEquals("256 (2^8)", Messages.powerOfTwo(BigInteger.valueOf(256)));
        assertEquals("254", Messages.powerOfTwo(BigInteger.valueOf(254)));
        assertEquals("11000000.10101000.00000001.00001010",
                Messages.binaryOctets(new byte[]{(byte) 192, (byte) 168, 1, 10}));
    }
}
