package com.socketworkbench.engine.fields;

import com.socketworkbench.engine.codec.HexCodec;
import com.socketworkbench.engine.codec.LineEnding;
import com.socketworkbench.engine.codec.PayloadFormat;
import com.socketworkbench.engine.codec.PayloadFormatException;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FieldTemplateTest {
    private static final Charset UTF_8 = StandardCharsets.UTF_8;
    /** 2026-12-03T01:02:03.456Z, read in UTC+8. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T01:02:03.456Z"), ZoneOffset.ofHours(8));

    private static FieldTemplate text(String input) throws PayloadFormatException {
        return text(input, LineEnding.NONE, true);
    }

    private static FieldTemplate text(String input, LineEnding ending, boolean escapes) throws PayloadFormatException {
        return FieldTemplate.compile(new PayloadSpec(input, PayloadFormat.TEXT, UTF_8, ending, escapes, true), CLOCK,
                42);
    }

    private static FieldTemplate hex(String input) throws PayloadFormatException {
        return FieldTemplate.compile(new PayloadSpec(input, PayloadFormat.HEX, UTF_8, LineEnding.CRLF, true, true),
                CLOCK, 42);
    }

    private static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static String hexOf(byte[] bytes) {
        return HexCodec.format(bytes);
    }

    private static PayloadFormatException error(String input) {
        return assertThrows(PayloadFormatException.class, () -> text(input));
    }

    @Test
    void withFieldsOffBracesAreLiteral() throws PayloadFormatException {
        FieldTemplate template = FieldTemplate.compile(new PayloadSpec("A{{counter}}{{nope", PayloadFormat.TEXT,
                UTF_8, LineEnding.LF, true, false));
        assertEquals("A{{counter}}{{nope\n", ascii(template.next()));
        assertEquals("A{{counter}}{{nope\n", ascii(template.next()));
        assertFalse(template.dynamic());
    }

    @Test
    void aCounterCountsSendsAndPreviewDoesNotAdvanceIt() throws PayloadFormatException {
        FieldTemplate template = text("A{{counter}}");
        assertTrue(template.dynamic());
        assertEquals("A0", ascii(template.preview()));
        assertEquals("A0", ascii(template.preview()), "preview twice: still the first value");
        assertEquals("A0", ascii(template.next()));
        assertEquals("A1", ascii(template.preview()));
        assertEquals("A1", ascii(template.next()));
        assertEquals("A2", ascii(template.next()));
    }

    @Test
    void counterOptionsStartStepWidth() throws PayloadFormatException {
        FieldTemplate template = text("{{counter:start=1,step=5,width=4}}|{{ COUNTER : start=-2 , width=3 }}");
        // width counts digits; a minus sign goes in front of them
        assertEquals("0001|-002", ascii(template.next()));
        assertEquals("0006|-001", ascii(template.next()));
        assertEquals("0011|000", ascii(template.next()));
        FieldTemplate wide = text("{{counter:start=123456,width=2}}");
        assertEquals("123456", ascii(wide.next()), "width is a minimum; digits are never cut");
    }

    @Test
    void binaryCountersWrapAtTheirSize() throws PayloadFormatException {
        FieldTemplate template = hex("aa {{counter:u16be,start=65535}} {{counter:u16le,start=258}} "
                + "{{counter:u8,start=255}} {{counter:u32be}} {{counter:u32le}}");
        assertEquals("aa ff ff 02 01 ff 00 00 00 00 00 00 00 00", hexOf(template.next()));
        assertEquals("aa 00 00 03 01 00 00 00 00 01 01 00 00 00", hexOf(template.next()));
    }

    @Test
    void counterTextFollowsTheCharset() throws PayloadFormatException {
        FieldTemplate template = FieldTemplate.compile(new PayloadSpec("{{counter:start=7}}", PayloadFormat.TEXT,
                StandardCharsets.UTF_16LE, LineEnding.NONE, true, true), CLOCK, 1);
        assertEquals("37 00", hexOf(template.next()));
    }

    @Test
    void timeWithAPatternIsoOrEpoch() throws PayloadFormatException {
        assertEquals("[09:02:03.456]", ascii(text("[{{time:HH:mm:ss.SSS}}]").next()));
        assertEquals("2026-12-03T09:02:03.456+08:00", ascii(text("{{time}}").next()));
        assertEquals("1796259723", ascii(text("{{time:epoch}}").next()));
        assertEquals("1796259723456", ascii(text("{{time:epochms}}").next()));
    }

    @Test
    void randomGivesNBytesAndThePreviewIsWhatIsSent() throws PayloadFormatException {
        FieldTemplate template = hex("01 {{random:16}} 02 {{random}}");
        byte[] preview = template.preview();
        byte[] sent = template.next();
        assertEquals(1 + 16 + 1 + 1, sent.length);
        assertEquals(1, sent[0]);
        assertEquals(2, sent[17]);
        assertArrayEquals(preview, sent, "random bytes are drawn per send number, so the preview is exact");
        assertFalse(java.util.Arrays.equals(sent, template.next()), "the next send draws new bytes");
        assertEquals(65_536, hex("{{random:65536}}").next().length);
    }

    @Test
    void lengthCountsEverythingAfterItLineEndingIncluded() throws PayloadFormatException {
        assertEquals("00 05 68 65 6c 6c 6f", hexOf(text("{{len}}hello").next()), "plain len is u16be");
        assertEquals("04 61 62 0d 0a", hexOf(text("{{len:u8}}ab", LineEnding.CRLF, true).next()));
        assertEquals("02 00 61 62", hexOf(text("{{len:u16le}}ab").next()));
        assertEquals("00 00 00 02 61 62", hexOf(text("{{len:u32be}}ab").next()));
        assertEquals("02 00 00 00 61 62", hexOf(text("{{len:u32le}}ab").next()));
        assertEquals("LEN=13;hello world!", ascii(text("LEN={{len:ascii}};hello world!").next()));
        assertEquals("08 00 06 aa bb cc 00 00 ff", hexOf(hex("{{len:u8}} {{len:u16be}} aa bb cc {{counter:u16be}} ff")
                .next()), "a length after a length: each counts what follows it");
    }

    @Test
    void aLengthThatDoesNotFitIsAnErrorAtTheField() {
        PayloadFormatException e = assertThrows(PayloadFormatException.class,
                () -> hex("01 {{len:u8}} {{random:300}}"));
        assertEquals(3, e.position());
        assertTrue(e.getMessage().contains("{{len:u8}}") && e.getMessage().contains("300"), e.getMessage());
    }

    @Test
    void crc16ModbusIsLittleEndianOnTheWire() throws PayloadFormatException {
        assertEquals("01 03 00 00 00 0a c5 cd", hexOf(hex("01 03 00 00 00 0A {{crc16-modbus}}").next()));
        assertEquals(0x4B37, Checksum.CRC16_MODBUS.compute("123456789".getBytes(UTF_8), 0, 9),
                "CRC-16/MODBUS check value");
    }

    @Test
    void crc16CcittIsCcittFalseBigEndian() throws PayloadFormatException {
        assertEquals("31 32 33 34 35 36 37 38 39 29 b1", hexOf(text("123456789{{crc16-ccitt}}").next()));
    }

    @Test
    void crc32IsTheZipCrcBigEndian() throws PayloadFormatException {
        assertEquals("cb f4 39 26", hexOf(text("123456789{{crc32}}").next()).substring(27));
    }

    @Test
    void sum8AndXor8CoverBytesFromTheStartOrFromN() throws PayloadFormatException {
        assertEquals("01 02 ff 02", hexOf(hex("01 02 ff {{sum8}}").next()), "1 + 2 + 255 = 258 = 0x02 mod 256");
        assertEquals("01 02 ff fc", hexOf(hex("01 02 ff {{xor8}}").next()));
        assertEquals("02 10 20 30 00", hexOf(hex("02 10 20 30 {{xor8:from=1}}").next()), "the STX is skipped");
        assertEquals("aa 00 00 aa", hexOf(hex("aa {{counter:u16be}} {{xor8}}").next()),
                "a checksum covers the fields before it");
        assertEquals("03 61 62 c6", hexOf(text("{{len:u8}}ab{{sum8}}").next()), "and a length before it");
    }

    @Test
    void aChecksumStartingAfterItselfIsAnError() {
        PayloadFormatException e = assertThrows(PayloadFormatException.class, () -> hex("01 02 {{sum8:from=3}}"));
        assertEquals(6, e.position());
        assertTrue(e.getMessage().contains("from=3"), e.getMessage());
    }

    @Test
    void escapesAndTheLineEndingApplyAroundFields() throws PayloadFormatException {
        assertEquals("a\t1\\n\r\n", ascii(text("a\\t{{counter:start=1}}\\\\n", LineEnding.CRLF, true).next()));
        assertEquals("a\\t1\n", ascii(text("a\\t{{counter:start=1}}", LineEnding.LF, false).next()),
                "escapes off: backslashes stay, fields still work");
    }

    @Test
    void hexAroundFieldsIsSentExactlyWithoutTheLineEnding() throws PayloadFormatException {
        assertEquals("de ad 00 be ef", hexOf(hex("de ad{{counter:u8}}be ef").next()));
    }

    @Test
    void unknownAndMalformedFieldsNameTheFieldAtItsPosition() {
        PayloadFormatException unknown = error("ab {{cuonter}}");
        assertEquals(3, unknown.position());
        assertTrue(unknown.getMessage().contains("{{cuonter}}") && unknown.getMessage().contains("position 4"),
                unknown.getMessage());

        PayloadFormatException unclosed = error("ab {{counter");
        assertEquals(3, unclosed.position());
        assertTrue(unclosed.getMessage().contains("position 4"), unclosed.getMessage());

        assertEquals(1, error("x{{}}").position());
        PayloadFormatException option = error("x{{counter:strat=1}}");
        assertEquals(1, option.position());
        assertTrue(option.getMessage().contains("strat=1"), option.getMessage());
        assertTrue(error("{{counter:start=abc}}").getMessage().contains("abc"));
        assertTrue(error("{{counter:start=1,start=2}}").getMessage().contains("twice"));
        assertTrue(error("{{counter:u8,u16be}}").getMessage().contains("u16be"));
        assertTrue(error("{{counter:u8,width=3}}").getMessage().contains("width"));
        assertTrue(error("{{counter:width=0}}").getMessage().contains("from 1 to 20"));
        assertTrue(error("{{random:0}}").getMessage().contains("65536"));
        assertTrue(error("{{random:65537}}").getMessage().contains("65536"));
        assertTrue(error("{{len:u24}}").getMessage().contains("u24"));
        assertTrue(error("{{crc32:le}}").getMessage().contains("from=N"));
        PayloadFormatException pattern = error("now {{time:HH:mm:bb}}");
        assertEquals(4, pattern.position());
        assertTrue(pattern.getMessage().contains("HH:mm:bb"), pattern.getMessage());
    }

    @Test
    void literalErrorsKeepTheirPositionInTheWholeInput() {
        PayloadFormatException badHex = assertThrows(PayloadFormatException.class, () -> hex("01 {{sum8}} 0g"));
        assertEquals(13, badHex.position());
        assertTrue(badHex.getMessage().contains("position 14"), badHex.getMessage());

        PayloadFormatException split = assertThrows(PayloadFormatException.class, () -> hex("0{{sum8}}1"));
        assertEquals(0, split.position(), "a field inside a hex byte leaves its first digit alone");

        PayloadFormatException escape = error("a\\{{counter}}");
        assertEquals(1, escape.position(), "a backslash cannot escape a field");

        PayloadFormatException first = error("\\q {{nope}}");
        assertEquals(0, first.position(), "the earliest problem is reported");
        PayloadFormatException firstField = error("{{nope}} \\q");
        assertEquals(0, firstField.position());
        assertTrue(firstField.getMessage().contains("nope"));
    }

    @Test
    void inputWithoutFieldsIsTheLiteralBytes() throws PayloadFormatException {
        FieldTemplate template = text("just { text }", LineEnding.LF, true);
        assertFalse(template.dynamic());
        assertEquals("just { text }\n", ascii(template.next()));
    }

    @Test
    void nextIsSafeFromManyThreads() throws Exception {
        FieldTemplate template = text("{{counter}}");
        int threads = 4;
        int each = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    List<String> mine = new ArrayList<>(each);
                    for (int i = 0; i < each; i++) {
                        mine.add(ascii(template.next()));
                    }
                    return mine;
                }));
            }
            start.countDown();
            Set<String> seen = new HashSet<>();
            for (Future<List<String>> result : results) {
                seen.addAll(result.get(30, TimeUnit.SECONDS));
            }
            assertEquals(threads * each, seen.size(), "every send got its own counter value");
            for (int i = 0; i < threads * each; i++) {
                assertTrue(seen.contains(Integer.toString(i)), "missing " + i);
            }
            assertEquals(Integer.toString(threads * each), ascii(template.preview()));
        } finally {
            pool.shutdownNow();
        }
    }
}
