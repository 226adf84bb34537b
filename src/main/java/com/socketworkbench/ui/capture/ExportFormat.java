package com.socketworkbench.ui.capture;

import com.socketworkbench.engine.capture.CaptureFileException;
import com.socketworkbench.engine.capture.CsvExport;
import com.socketworkbench.engine.capture.ExportSummary;
import com.socketworkbench.engine.capture.PcapngExport;
import com.socketworkbench.engine.capture.RawBytesExport;
import com.socketworkbench.engine.capture.TranscriptExport;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.text.Texts;

import java.nio.file.Path;
import java.util.List;

/** What a timeline can be exported as, with the words and the file type the export menu and chooser use. */
public enum ExportFormat {
    // The menu items' ids are written out whole: README lists them, and its test looks for them in the code.
    TRANSCRIPT("format.transcript", "exportTranscriptAll", "exportTranscriptSelected", "txt"),
    CSV("format.csv", "exportCsvAll", "exportCsvSelected", "csv"),
    RAW_BYTES("format.raw", "exportRawAll", "exportRawSelected", null),
    PCAPNG("format.pcapng", "exportPcapngAll", "exportPcapngSelected", "pcapng");

    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.capture.capture");

    private final String key;
    private final String allId;
    private final String selectedId;
    private final String extension;

    ExportFormat(String key, String allId, String selectedId, String extension) {
        this.key = key;
        this.allId = allId;
        this.selectedId = selectedId;
        this.extension = extension;
    }

    /** The menu's words in the user's language, e.g. "pcapng (Wireshark)". */
    public String label() {
        return TEXT.get(key);
    }

    /** The menu item's id for {@code scope}, e.g. {@code exportPcapngSelected}. */
    public String itemId(ExportScope scope) {
        return scope == ExportScope.ALL ? allId : selectedId;
    }

    /** True when the export writes several files into a folder the user picks rather than one file. */
    public boolean writesFolder() {
        return extension == null;
    }

    /** The file name extension without its dot ("pcapng"); null for a folder. */
    public String extension() {
        return extension;
    }

    /** What the file chooser's filter calls the files, e.g. "pcapng capture". */
    public String fileType() {
        return TEXT.get(key + ".type");
    }

    /** Writes {@code events} to {@code target} (a file, or the folder of a raw-bytes export). Blocking file I/O. */
    ExportSummary write(List<NetEvent> events, Path target, ExportOptions options) throws CaptureFileException {
        return switch (this) {
            case TRANSCRIPT -> TranscriptExport.write(events, target, options.charset(), options.zone());
            case CSV -> CsvExport.write(events, target, options.charset());
            case RAW_BYTES -> RawBytesExport.write(events, target);
            case PCAPNG -> PcapngExport.write(events, options.transport(), target, options.comment());
        };
    }
}
