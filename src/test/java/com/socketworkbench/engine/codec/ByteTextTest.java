package com.socketworkbench.engine.codec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ByteTextTest {

    private static byte[] bytes(String hex) {
        try {
            return HexCodec.parse(hex);
        } catch (PayloadFormatException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] concat(byte[]... parts) {
        byte[] out = new byte[0];
        for (byte[] part : parts) {
            int at = out.length;
            out = Arrays.copyOf(out, at + part.length);
            System.arraycopy(part, 0, out, at, part.length);
        }
        return out;
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "lone 0xff                    | 61 62 ff 63 64       | ab\\xffcd",
            "truncated 3-byte at the end  | 6f 6b e4 b8          | ok\\xe4\\xb8",
            "overlong slash               | 61 c0 af 62          | a\\xc0\\xafb",
            "overlong 3-byte              | e0 80 af 7a          | \\xe0\\x80\\xafz",
            "encoded surrogate            | ed a0 80 21          | \\xed\\xa0\\x80!",
            "continuation byte alone      | 80 41                | \\x80A",
            "valid multibyte kept         | e7 b2 98 ff e5 8c 85 | 粘\\xff包",
    })
    void invalidUtf8IsShownAndValidTextKept(String what, String hex, String expected) {
        assertEquals(expected, ByteText.decode(bytes(hex), UTF_8), what);
    }

    @Test
    void lineBreaksAndTabsStayRealWhileOtherControlsShow() {
        assertEquals("a\\x00b\r\n\tc\\x01\\x7f\\x1b[0m", ByteText.decode(bytes("61 00 62 0d 0a 09 63 01 7f 1b 5b 30 6d"), UTF_8));
        assertEquals("C:\\dir", ByteText.decode("C:\\dir".getBytes(UTF_8), UTF_8));
        assertEquals("\\x00\\x00A\n", ByteText.decode(bytes("00 00 00 41 00 0a"), StandardCharsets.UTF_16BE));
        assertEquals("a\\xe2\\x80\\x8bb", ByteText.decode("a\u200bb".getBytes(UTF_8), UTF_8));
        assertEquals("\\xef\\xbb\\xbfbom", ByteText.decode(bytes("ef bb bf 62 6f 6d"), UTF_8));
    }

    @Test
    void decodesChineseWithTheGivenCharset() {
        Charset gbk = Charset.forName("GBK");
        assertEquals("粘包", ByteText.decode(bytes("d5 b3 b0 fc"), gbk));
        assertEquals("粘\\xb0", ByteText.decode(bytes("d5 b3 b0"), gbk));
        assertEquals("粘包", ByteText.decode(bytes("d5 b3 b0 fc"), Charset.forName("GB18030")));
        assertEquals("中文", ByteText.decode(bytes("a4 a4 a4 e5"), Charset.forName("Big5")));
    }

    @Test
    void decodesASlice() {
        byte[] data = "xxhello\nyy".getBytes(UTF_8);
        assertEquals("hello\n", ByteText.decode(data, 2, 6, UTF_8));
        assertThrows(IndexOutOfBoundsException.class, () -> ByteText.decode(data, 8, 5, UTF_8));
    }

    @Test
    void previewEscapesLikeTheEditor() {
        assertEquals("GET / HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n",
                ByteText.preview("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(UTF_8), UTF_8, 100));
        assertEquals("a\\0\\t\\\\\\xff", ByteText.preview(bytes("61 00 09 5c ff"), UTF_8, 100));
        assertEquals("", ByteText.preview(new byte[0], UTF_8, 10));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" in {1} chars")
    @CsvSource(delimiter = '|', value = {
            "abc        | 3 | abc",
            "abcd       | 3 | ab…",
            "abcd       | 4 | abcd",
            "abcdef     | 1 | …",
            "hello world| 6 | hello…",
    })
    void previewCutsWithAnEllipsisWithinMaxChars(String text, int maxChars, String expected) {
        String preview = ByteText.preview(text.getBytes(UTF_8), UTF_8, maxChars);
        assertEquals(expected, preview);
        assertTrue(preview.length() <= maxChars);
    }

    @Test
    void previewNeverCutsInsideAnEscapeOrASurrogatePair() {
        byte[] ffs = new byte[10];
        Arrays.fill(ffs, (byte) 0xff);
        assertEquals("\\xff\\xff…", ByteText.preview(ffs, UTF_8, 10));
        assertEquals("a\\r…", ByteText.preview("a\r\n".getBytes(UTF_8), UTF_8, 4));
        assertEquals("😀…", ByteText.preview("😀😀😀".getBytes(UTF_8), UTF_8, 4));
        assertEquals("😀😀", ByteText.preview("😀😀".getBytes(UTF_8), UTF_8, 4));
    }

    @Test
    void previewOfAPrefixCutInsideACharacterShowsNoBrokenTail() {
        // 3-byte characters: the decoded prefix ends mid-character, but that lies beyond the cut.
        byte[] data = "粘".repeat(1000).getBytes(UTF_8);
        assertEquals("粘".repeat(9) + "…", ByteText.preview(data, UTF_8, 10));
        byte[] mixed = concat("粘".repeat(3).getBytes(UTF_8), new byte[]{(byte) 0xe7});
        assertEquals("粘粘粘\\xe7", ByteText.preview(mixed, UTF_8, 20));
    }

    @Test
    @Timeout(5)
    void previewOfAHugePayloadDecodesOnlyAPrefix() {
        byte[] huge = new byte[64 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'a');
        huge[huge.length - 1] = (byte) 0xff;
        long start = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            assertEquals("a".repeat(79) + "…", ByteText.preview(huge, UTF_8, 80));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        // Decoding all 64 MB would take far longer than this for even one preview.
        assertTrue(millis < 2000, "100 previews took " + millis + " ms");
    }

    @Test
    void previewRejectsANonPositiveWidth() {
        assertThrows(IllegalArgumentException.class, () -> ByteText.preview(new byte[1], UTF_8, 0));
    }
}
