package com.socketworkbench.ui.capture;

import com.socketworkbench.engine.capture.ExportSummary;
import com.socketworkbench.engine.capture.SkipReason;
import com.socketworkbench.engine.text.Texts;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The capture controls' sentences in both languages. */
class CaptureTextsTest {
    private static final Path FILE = Path.of("c.pcapng");
    private static final ExportSummary SUMMARY = new ExportSummary("pcapng", List.of(FILE), 1_234,
            Map.of(SkipReason.NO_PACKET, 3L));

    @Test
    void anExportSaysWhatItWroteAndLeftOut() {
        assertEquals("Exported 1,234 events to c.pcapng (pcapng); 3 left out: 3 listener, notice and failure rows"
                + " (not packets); 1 earlier event was trimmed from the timeline and is not in it",
                CaptureTexts.exported(SUMMARY, FILE, ExportFormat.PCAPNG, 1));
        assertEquals("pcapng capture", ExportFormat.PCAPNG.fileType());
        assertEquals("selected rows", ExportScope.SELECTED.words());
    }

    @Test
    void theSentencesReadInChinese() {
        Texts.use(Locale.SIMPLIFIED_CHINESE);
        try {
            assertEquals("已将 1,234 个事件 导出到 c.pcapng（pcapng）；3 个未包含：3 个监听器、通知和失败的行（不是数据包）"
                    + "；2 个较早的事件已从时间线中裁掉，不在其中",
                    CaptureTexts.exported(SUMMARY, FILE, ExportFormat.PCAPNG, 2));
            assertEquals("pcapng 抓包文件", ExportFormat.PCAPNG.fileType());
            assertEquals("文本记录", ExportFormat.TRANSCRIPT.label());
            assertEquals("选中的行", ExportScope.SELECTED.words());
        } finally {
            Texts.use(Locale.ENGLISH);
        }
    }
}
