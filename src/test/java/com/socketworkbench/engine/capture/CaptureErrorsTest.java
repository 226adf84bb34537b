package com.socketworkbench.engine.capture;

import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.text.Texts;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** What the user reads when a capture file cannot be written, by what the file system said. */
class CaptureErrorsTest {
    private static final Path FILE = Path.of("/data/captures/c.pcapng");

    private static CaptureFileException of(Throwable e) {
        return CaptureErrors.writing(FILE, e);
    }

    @Test
    void eachCommonCauseGetsItsKindAndWords() {
        assertEquals(FailureKind.PERMISSION_DENIED, of(new AccessDeniedException(FILE.toString())).kind());
        assertEquals("Cannot write " + FILE + ": permission denied (choose a folder you can write to)",
                of(new AccessDeniedException(FILE.toString())).getMessage());
        CaptureFileException full = of(new FileSystemException(FILE.toString(), null, "No space left on device"));
        assertEquals(FailureKind.LIMIT_EXCEEDED, full.kind());
        assertEquals("Cannot write " + FILE + ": the disk is full", full.getMessage());
        assertEquals(FailureKind.LIMIT_EXCEEDED, of(new IOException("Disk quota exceeded")).kind());
        CaptureFileException missing = of(new NoSuchFileException(FILE.toString()));
        assertEquals(FailureKind.INVALID_INPUT, missing.kind());
        assertEquals("Cannot write " + FILE + ": the folder /data/captures does not exist", missing.getMessage());
        assertEquals(FailureKind.PERMISSION_DENIED,
                of(new FileSystemException(FILE.toString(), null, "Read-only file system")).kind());
        CaptureFileException other = of(new IOException("Input/output error"));
        assertEquals(FailureKind.IO_ERROR, other.kind());
        assertEquals("Cannot write " + FILE + ": Input/output error", other.getMessage());
        assertEquals(FILE, other.file());
    }

    @Test
    void aCaptureFileExceptionPassesThroughUnchanged() {
        CaptureFileException known = of(new IOException("x"));
        assertSame(known, CaptureErrors.writing(Path.of("/elsewhere"), known));
    }

    @Test
    void theWordsReadInChinese() {
        Texts.use(Locale.SIMPLIFIED_CHINESE);
        try {
            assertEquals("无法写入 " + FILE + "：磁盘已满",
                    of(new FileSystemException(FILE.toString(), null, "No space left on device")).getMessage());
            assertEquals("没有载荷字节的行", SkipReason.NOT_DATA.words());
            RecordingSummary summary = new RecordingSummary(List.of(FILE), 1, Map.of(SkipReason.NO_BYTES, 2L), 0,
                    3_000, 0, null, 0);
            assertEquals("已录制 1 个事件到 c.pcapng（3,000 字节）；2 个未包含：2 个没有字节的 TCP 行",
                    summary.describe());
        } finally {
            Texts.use(Locale.ENGLISH);
        }
    }
}
