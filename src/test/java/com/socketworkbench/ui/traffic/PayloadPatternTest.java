package com.socketworkbench.ui.traffic;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The timeline search's matching: the whole payload, in plain text, regex and hex with wildcards. */
class PayloadPatternTest {
    private static final int TEXT_VIEW_END = PayloadInspector.TEXT_LIMIT;

    private static PayloadPattern plain(String text) {
        return PayloadPattern.compile(SearchMode.PLAIN, text, StandardCharsets.UTF_8);
    }

    private static byte[] filler(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) '.');
        return bytes;
    }

    private static byte[] with(byte[] bytes, int at, String text) {
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(t, 0, bytes, at, t.length);
        return bytes;
    }

    @Test
    void plainTextIsFoundBeyondThePreviewAndIgnoresCase() {
        byte[] payload = with(filler(1000), 700, "Password: ");
        assertTrue(plain("password:").matches(payload));
        assertEquals(List.of(new PayloadPattern.Range(700, 709)), plain("PASSWORD:").ranges(payload, 10));
        assertFalse(plain("login").matches(payload));
    }

    @Test
    void aMatchAcrossTheEndOfTheTextViewIsFound() {
        byte[] payload = with(filler(TEXT_VIEW_END + 100), TEXT_VIEW_END - 3, "needle");
        assertEquals(List.of(new PayloadPattern.Range(TEXT_VIEW_END - 3, TEXT_VIEW_END + 3)),
                plain("needle").ranges(payload, 10));
        assertEquals(List.of(new PayloadPattern.Range(TEXT_VIEW_END - 3, TEXT_VIEW_END + 3)),
                PayloadPattern.compile(SearchMode.REGEX, "ne+dle", StandardCharsets.UTF_8).ranges(payload, 10));
        assertEquals(List.of(new PayloadPattern.Range(TEXT_VIEW_END - 3, TEXT_VIEW_END + 3)),
                PayloadPattern.compile(SearchMode.HEX, "6e 65 65 ?? 6c 65", StandardCharsets.UTF_8)
                        .ranges(payload, 10));
    }

    @Test
    void hexWithWildcardsMatchesBytes() {
        byte[] payload = {0x00, (byte) 0xde, (byte) 0xad, 0x12, (byte) 0xef, (byte) 0xde, (byte) 0xad, 0x34,
                (byte) 0xef, (byte) 0xde, (byte) 0xad};
        PayloadPattern pattern = PayloadPattern.compile(SearchMode.HEX, "de ad ?? ef", StandardCharsets.UTF_8);
        assertEquals(List.of(new PayloadPattern.Range(1, 5), new PayloadPattern.Range(5, 9)),
                pattern.ranges(payload, 10));
        assertEquals(2, pattern.count(payload, 100));
        assertEquals(1, pattern.count(payload, 1));
        assertTrue(PayloadPattern.compile(SearchMode.HEX, "DEAD", StandardCharsets.UTF_8).matches(payload));
        assertTrue(PayloadPattern.compile(SearchMode.HEX, "0xde 0xad", StandardCharsets.UTF_8).matches(payload));
        assertFalse(PayloadPattern.compile(SearchMode.HEX, "ad de", StandardCharsets.UTF_8).matchesText("ad de"));
    }

    @Test
    void regexPositionsStayExactAfterBytesThatDoNotDecode() {
        byte[] payload = {0x00, 0x61, 0x62, (byte) 0xff, 0x63, 0x64, (byte) 0xf0, (byte) 0x9f, (byte) 0x98, (byte) 0x80,
                0x65};
        PayloadPattern ab = PayloadPattern.compile(SearchMode.REGEX, "ab", StandardCharsets.UTF_8);
        assertEquals(List.of(new PayloadPattern.Range(1, 3)), ab.ranges(payload, 10));
        assertEquals(List.of(new PayloadPattern.Range(4, 6)),
                PayloadPattern.compile(SearchMode.REGEX, "c.", StandardCharsets.UTF_8).ranges(payload, 10));
        // A four-byte character (two chars in Java) and what follows it.
        assertEquals(List.of(new PayloadPattern.Range(6, 11)),
                PayloadPattern.compile(SearchMode.REGEX, "\\x{1F600}e", StandardCharsets.UTF_8).ranges(payload, 10));
        assertEquals(List.of(), PayloadPattern.compile(SearchMode.REGEX, "x00", StandardCharsets.UTF_8)
                .ranges(payload, 10), "a byte is matched as what it decodes to, not as the escape the view shows");
        assertEquals(List.of(new PayloadPattern.Range(3, 4)),
                PayloadPattern.compile(SearchMode.REGEX, "\uFFFD", StandardCharsets.UTF_8).ranges(payload, 1));
    }

    @Test
    void regexPositionsAreExactInAMultiByteCharsetOtherThanUtf8() {
        java.nio.charset.Charset gbk = java.nio.charset.Charset.forName("GBK");
        byte[] payload = "温度=21.5".getBytes(gbk);
        assertEquals(List.of(new PayloadPattern.Range(5, 9)),
                PayloadPattern.compile(SearchMode.REGEX, "\\d+\\.\\d", gbk).ranges(payload, 10));
        assertEquals(List.of(new PayloadPattern.Range(2, 4)),
                PayloadPattern.compile(SearchMode.REGEX, "度", gbk).ranges(payload, 10));
    }

    @Test
    void regexMatchPositionsAreByteOffsetsInTheCharset() {
        byte[] payload = "温度=21.5;湿度=40".getBytes(StandardCharsets.UTF_8);
        PayloadPattern pattern = PayloadPattern.compile(SearchMode.REGEX, "\\d+\\.\\d", StandardCharsets.UTF_8);
        // "温度=" is 7 bytes in UTF-8.
        assertEquals(List.of(new PayloadPattern.Range(7, 11)), pattern.ranges(payload, 10));
        assertEquals(List.of(new PayloadPattern.Range(0, 6)),
                PayloadPattern.compile(SearchMode.PLAIN, "温度", StandardCharsets.UTF_8).ranges(payload, 1));
        assertTrue(PayloadPattern.compile(SearchMode.REGEX, "^fail", StandardCharsets.UTF_8)
                .matchesText("failure connection refused"));
    }

    @Test
    void badPatternsSayWhatIsWrong() {
        IllegalArgumentException regex = assertThrows(IllegalArgumentException.class,
                () -> PayloadPattern.compile(SearchMode.REGEX, "(open", StandardCharsets.UTF_8));
        assertTrue(regex.getMessage().startsWith("Not a valid regular expression: "), regex.getMessage());
        assertEquals("'zz' is not a hex byte; write two hex digits (0a) or ?? for any byte",
                assertThrows(IllegalArgumentException.class,
                        () -> PayloadPattern.compile(SearchMode.HEX, "de zz", StandardCharsets.UTF_8)).getMessage());
        assertEquals("'abc' is not a hex byte; write two hex digits (0a) or ?? for any byte",
                assertThrows(IllegalArgumentException.class,
                        () -> PayloadPattern.compile(SearchMode.HEX, "abc", StandardCharsets.UTF_8)).getMessage());
        assertEquals("Enter at least one hex byte", assertThrows(IllegalArgumentException.class,
                () -> PayloadPattern.compile(SearchMode.HEX, "  ", StandardCharsets.UTF_8)).getMessage());
    }

    @Test
    void aSearchOverRowsFindsEveryMatchingRowOnly() {
        TimelineRow[] rows = {
                new TimelineRow(1, TestEvents.received(with(filler(5000), 4000, "OK")), -1),
                new TimelineRow(2, TestEvents.received("nothing here"), 0),
                new TimelineRow(3, TestEvents.sent("ok ok".getBytes(StandardCharsets.UTF_8)), 0),
        };
        TimelineSearch search = new TimelineSearch(rows, plain("ok"), EventText.EMPTY_PAYLOAD);
        TimelineSearch.Result result = search.run();
        assertEquals(2, result.rows().size());
        assertTrue(result.rows().contains(rows[0]) && result.rows().contains(rows[2]));
        assertEquals(3, result.matches());
        assertEquals(3, result.lastSequence());
        assertEquals(1000, search.permille());
    }

    @Test
    void aSearchOverManyBytesSplitsTheRowsAndFindsTheSameAsOneThread() {
        int count = 100;
        TimelineRow[] rows = new TimelineRow[count];
        for (int i = 0; i < count; i++) {
            byte[] payload = filler(64 * 1024);
            rows[i] = new TimelineRow(i + 1, TestEvents.received(i % 7 == 0 ? with(payload, 60_000, "needle-" + i)
                    : payload), 0);
        }
        PayloadPattern regex = PayloadPattern.compile(SearchMode.REGEX, "needle-\\d+", StandardCharsets.UTF_8);
        assertTrue(count * 64L * 1024 > TimelineSearch.PARALLEL_BYTES, "enough bytes to split the work");
        TimelineSearch search = new TimelineSearch(rows, regex, EventText.EMPTY_PAYLOAD);

        TimelineSearch.Result result = search.run();

        assertEquals(15, result.rows().size(), "rows 0, 7, ..., 98");
        for (int i = 0; i < count; i++) {
            assertEquals(i % 7 == 0, result.rows().contains(rows[i]), "row " + i);
        }
        assertEquals(15, result.matches());
        assertEquals(count, result.lastSequence());
        assertEquals(1000, search.permille());
    }

    @Test
    void aSplitSearchStopsInEveryPartWhenCancelled() {
        TimelineRow[] rows = new TimelineRow[100];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new TimelineRow(i + 1, TestEvents.received(filler(64 * 1024)), 0);
        }
        TimelineSearch search = new TimelineSearch(rows,
                PayloadPattern.compile(SearchMode.REGEX, "absent", StandardCharsets.UTF_8), EventText.EMPTY_PAYLOAD);
        search.cancel();
        assertThrows(java.util.concurrent.CancellationException.class, search::run);
    }

    @Test
    void aCancelledSearchStops() {
        TimelineRow[] rows = {new TimelineRow(1, TestEvents.received("x"), -1)};
        TimelineSearch search = new TimelineSearch(rows, plain("x"), EventText.EMPTY_PAYLOAD);
        search.cancel();
        assertThrows(java.util.concurrent.CancellationException.class, search::run);
    }
}
