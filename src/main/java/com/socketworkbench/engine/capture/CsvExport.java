package com.socketworkbench.engine.capture;

import com.socketworkbench.engine.codec.HexCodec;
import com.socketworkbench.engine.codec.TextEscapes;
import com.socketworkbench.engine.event.DataEvent;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.net.Endpoints;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Exports events as CSV (RFC 4180: CRLF line ends, a header row, a field quoted when it holds a comma, a quote, CR or
 * LF, quotes doubled), UTF-8, one row per event, with the columns {@value #HEADER}. {@code time} is UTC to the
 * microsecond ({@code 2025-03-04T05:06:07.123456Z}), {@code direction} is {@code out}, {@code in} or empty,
 * {@code payload_hex} is lowercase hex separated by spaces, {@code payload_text} the bytes decoded with the tab's
 * charset and escaped ({@link TextEscapes}). Nothing is left out. Blocking file I/O: call it off the FX thread.
 */
public final class CsvExport {
    static final String HEADER = "time,connection,event,direction,local,remote,bytes,payload_hex,payload_text,detail";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String CRLF = "\r\n";

    private CsvExport() {
    }

    /** Writes {@code events} to {@code file} (replacing it), whole or not at all; {@code charset} decodes payloads. */
    public static ExportSummary write(List<? extends NetEvent> events, Path file, Charset charset)
            throws CaptureFileException {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(charset, "charset");
        AtomicFile.write(file, temporary -> {
            try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                out.write(HEADER);
                out.write(CRLF);
                for (NetEvent event : events) {
                    row(out, event, charset);
                }
            }
        });
        return new ExportSummary("CSV", List.of(file), events.size(), Map.of());
    }

    private static void row(Writer out, NetEvent event, Charset charset) throws IOException {
        DataEvent data = event instanceof DataEvent d ? d : null;
        field(out, TIME.format(event.time()), false);
        field(out, Long.toString(event.connectionId()), false);
        field(out, EventWords.kind(event), false);
        field(out, data == null ? "" : data.incoming() ? "in" : "out", false);
        field(out, event.local() == null ? "" : Endpoints.describe(event.local()), false);
        field(out, event.remote() == null ? "" : Endpoints.describe(event.remote()), false);
        field(out, data == null ? "" : Integer.toString(data.data().length), false);
        field(out, data == null ? "" : HexCodec.format(data.data()), false);
        field(out, data == null ? "" : TextEscapes.escape(data.data(), charset), false);
        field(out, EventWords.detail(event), true);
    }

    /** One field, quoted when RFC 4180 requires it, then a comma or the line end. */
    public static void field(Writer out, String value, boolean last) throws IOException {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\r') >= 0
                || value.indexOf('\n') >= 0;
        if (quote) {
            out.write('"');
            out.write(value.replace("\"", "\"\""));
            out.write('"');
        } else {
            out.write(value);
        }
        out.write(last ? CRLF : ",");
    }
}
