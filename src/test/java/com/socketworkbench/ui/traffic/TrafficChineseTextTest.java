package com.socketworkbench.ui.traffic;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.framing.DelimiterPreset;
import com.socketworkbench.engine.framing.FramingSpec;
import com.socketworkbench.engine.text.Texts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Timeline wording, close reasons, framing texts and search errors in Simplified Chinese; tokens stay as they are. */
class TrafficChineseTextTest {

    @BeforeEach
    void chinese() {
        Texts.use(Locale.SIMPLIFIED_CHINESE);
    }

    @AfterEach
    void english() {
        Texts.use(Locale.ENGLISH);
    }

    @Test
    void timelineWordsAndCloseReasons() {
        assertEquals("已关闭：对端关闭了连接（流结束）", EventText.preview(TestEvents.closed(), StandardCharsets.UTF_8));
        assertEquals("（空）", EventText.preview(TestEvents.received(new byte[0]), StandardCharsets.UTF_8));
        assertEquals("已接收", EventText.kind(TestEvents.received("x")));
        BytesReceived pending = new BytesReceived(Instant.now(), 1, TestEvents.LOCAL, TestEvents.PEER,
                "Password: ".getBytes(StandardCharsets.US_ASCII), 1, false, true);
        assertEquals("10 B · 未完成，等待分隔符", EventText.size(pending));
        assertEquals("↓ 12 条 1.2 KiB   ↑ 3 条 40 B", Formats.counters(12, 1229, 3, 40));
    }

    @Test
    void framingDescriptionsAndErrorsKeepTheirTokens() {
        assertEquals("分隔符 CRLF (0d 0a)，去除，最大 16 MiB",
                new FramingSpec.Delimited(DelimiterPreset.CRLF, false).describe());
        assertEquals("长度字段必须为 1、2、4 或 8 字节宽，而不是 3", assertThrows(IllegalArgumentException.class,
                () -> new FramingSpec.LengthPrefixed(3, com.socketworkbench.engine.framing.Endianness.BIG))
                .getMessage());
    }

    @Test
    void searchErrorsAndInspectorValues() {
        assertEquals("“zz”不是十六进制字节；请写两位十六进制数字（0a）或用 ?? 表示任意字节",
                assertThrows(IllegalArgumentException.class,
                        () -> PayloadPattern.compile(SearchMode.HEX, "zz", StandardCharsets.UTF_8)).getMessage());
        assertEquals("十六进制", SearchMode.HEX.toString());
        assertEquals("需要 8 字节", DataValues.value(new byte[2], DataValues.Type.FLOAT64,
                java.nio.ByteOrder.BIG_ENDIAN));
    }
}
