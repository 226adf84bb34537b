package com.socketworkbench.engine.capture;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.codec.TextEscapes;
import com.socketworkbench.engine.event.DataEvent;
import com.socketworkbench.engine.event.NetEvent;

import java.io.BufferedWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Exports events as a text transcript, one line per event, UTF-8 with LF line ends:
 * <pre>
 * 2025-03-04 06:06:07.123456 +01:00  #1  sent 5 bytes to 127.0.0.1:5000: hello\r\n
 * 2025-03-04 06:06:07.125000 +01:00  #1  closed 127.0.0.1:5000: peer closed the connection (end of stream)
 * </pre>
 * Payloads are decoded with the tab's charset and escaped as the send editor writes them ({@link TextEscapes}:
 * {@code \r \n \t \0 \\ \xNN}), so a line can be pasted back into the editor to send the same bytes. A first
 * {@code #} line says so. Nothing is left out. Blocking file I/O: call it off the FX thread.
 */
public final class TranscriptExport {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.capture.capture");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS xxx");

    private TranscriptExport() {
    }

    /**
     * Writes {@code events} to {@code file} (replacing it), whole or not at all.
     *
     * @param charset decodes the payloads (the tab's view charset)
     * @param zone    the times' zone (the user's, for a transcript people read)
     */
    public static ExportSummary write(List<? extends NetEvent> events, Path file, Charset charset, ZoneId zone)
            throws CaptureFileException {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(charset, "charset");
        DateTimeFormatter time = TIME.withZone(Objects.requireNonNull(zone, "zone"));
        AtomicFile.write(file, temporary -> {
            try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                out.write("# Socket Workbench transcript: " + events.size() + " events; payloads decoded as "
                        + charset.name() + " and escaped (\\r \\n \\t \\0 \\\\, other bytes as \\xNN)\n");
                for (NetEvent event : events) {
                    out.write(time.format(event.time()));
                    out.write("  #" + event.connectionId() + "  ");
                    out.write(line(event, charset));
                    out.write('\n');
                }
            }
        });
        return new ExportSummary(TEXT.get("format.transcript"), List.of(file), events.size(), Map.of());
    }

    private static String line(NetEvent event, Charset charset) {
        String kind = EventWords.kind(event);
        String peer = EventWords.peer(event);
        String detail = EventWords.detail(event);
        if (event instanceof DataEvent data) {
            int size = data.data().length;
            return kind + " " + (size == 1 ? "1 byte" : size + " bytes") + (data.incoming() ? " from " : " to ")
                    + peer + (detail.isEmpty() ? "" : " (" + detail + ")") + ": "
                    + TextEscapes.escape(data.data(), charset);
        }
        return kind + " " + peer + (detail.isEmpty() ? "" : ": " + detail.replaceAll("[\\r\\n]+", " "));
    }
}
