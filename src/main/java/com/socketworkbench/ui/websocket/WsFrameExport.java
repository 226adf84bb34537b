package com.socketworkbench.ui.websocket;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.socketworkbench.engine.capture.AtomicFile;
import com.socketworkbench.engine.capture.CaptureFileException;
import com.socketworkbench.engine.capture.CsvExport;
import com.socketworkbench.engine.codec.HexCodec;
import com.socketworkbench.engine.websocket.CloseInfo;
import com.socketworkbench.engine.websocket.Direction;
import com.socketworkbench.engine.websocket.Opcode;
import com.socketworkbench.engine.websocket.WsVerdict;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes WebSocket timeline rows to a file, CSV (RFC 4180, the capture export's quoting) or JSON (an array of
 * objects), whole or not at all ({@link AtomicFile}): each row's time, direction, kind, opcode, FIN, RSV, mask,
 * length, the payload kept (as text for an uncompressed text frame or message that is valid UTF-8, else hex), a
 * close frame's code and reason, and the verdicts. Blocking file I/O: call it off the FX thread. No JavaFX.
 */
final class WsFrameExport {
    /** What the export writes. */
    enum Format {
        CSV("csv"), JSON("json");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        String extension() {
            return extension;
        }
    }

    static final String CSV_HEADER = "number,time,direction,kind,opcode,opcode_name,fin,rsv,masked,length,"
            + "kept_length,payload_encoding,payload,close_code,close_reason,note,verdicts";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;
    private static final JsonFactory JSON = new JsonFactory();
    /** RSV1: permessage-deflate's "compressed" bit; such a payload is deflate bytes, never text. */
    private static final int RSV1 = 4;

    private WsFrameExport() {
    }

    /** Writes {@code rows} to {@code file} (replacing it) and returns how many rows went. */
    static int write(List<FrameRow> rows, Path file, Format format) throws CaptureFileException {
        AtomicFile.write(file, temporary -> {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                if (format == Format.CSV) {
                    csv(rows, out);
                } else {
                    json(rows, out);
                }
            }
        });
        return rows.size();
    }

    private static void csv(List<FrameRow> rows, OutputStream stream) throws IOException {
        Writer out = new BufferedWriter(new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8));
        out.write(CSV_HEADER);
        out.write("\r\n");
        for (FrameRow row : rows) {
            boolean data = row.kind() == FrameRow.Kind.FRAME || row.kind() == FrameRow.Kind.MESSAGE;
            Payload payload = payload(row);
            CloseInfo close = close(row);
            CsvExport.field(out, Long.toString(row.number()), false);
            CsvExport.field(out, TIME.format(row.time()), false);
            CsvExport.field(out, direction(row), false);
            CsvExport.field(out, kind(row), false);
            CsvExport.field(out, data ? Integer.toString(row.opcode()) : "", false);
            CsvExport.field(out, data ? Opcode.name(row.opcode()) : "", false);
            CsvExport.field(out, row.kind() == FrameRow.Kind.FRAME ? (row.fin() ? "1" : "0") : "", false);
            CsvExport.field(out, row.kind() == FrameRow.Kind.FRAME ? Integer.toString(row.rsv()) : "", false);
            CsvExport.field(out, row.kind() == FrameRow.Kind.FRAME ? (row.masked() ? "1" : "0") : "", false);
            CsvExport.field(out, data ? Long.toString(row.payloadLength()) : "", false);
            CsvExport.field(out, data ? Integer.toString(row.payload().length) : "", false);
            CsvExport.field(out, data ? payload.encoding() : "", false);
            CsvExport.field(out, data ? payload.text() : "", false);
            CsvExport.field(out, close == null ? "" : Integer.toString(close.code()), false);
            CsvExport.field(out, close == null ? "" : close.reason(), false);
            CsvExport.field(out, data ? "" : row.text(), false);
            CsvExport.field(out, row.verdicts().stream().map(v -> v.code() + ": " + v.text())
                    .collect(Collectors.joining(" | ")), true);
        }
        out.flush();
    }

    private static void json(List<FrameRow> rows, OutputStream out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out).useDefaultPrettyPrinter()) {
            json.writeStartArray();
            for (FrameRow row : rows) {
                json.writeStartObject();
                json.writeNumberField("number", row.number());
                json.writeStringField("time", TIME.format(row.time()));
                json.writeStringField("kind", kind(row));
                if (row.kind() == FrameRow.Kind.FRAME || row.kind() == FrameRow.Kind.MESSAGE) {
                    dataFields(json, row);
                } else {
                    json.writeStringField("note", row.text());
                }
                json.writeArrayFieldStart("verdicts");
                for (WsVerdict verdict : row.verdicts()) {
                    json.writeStartObject();
                    json.writeStringField("code", verdict.code());
                    json.writeBooleanField("fatal", verdict.fatal());
                    json.writeStringField("text", verdict.text());
                    if (verdict.marksBytes()) {
                        json.writeNumberField("offset", verdict.offset());
                        json.writeNumberField("length", verdict.length());
                    }
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
        }
    }

    private static void dataFields(JsonGenerator json, FrameRow row) throws IOException {
        json.writeStringField("direction", direction(row));
        json.writeNumberField("opcode", row.opcode());
        json.writeStringField("opcodeName", Opcode.name(row.opcode()));
        if (row.kind() == FrameRow.Kind.FRAME) {
            json.writeBooleanField("fin", row.fin());
            json.writeNumberField("rsv", row.rsv());
            json.writeBooleanField("masked", row.masked());
        } else {
            json.writeNumberField("frames", row.frames());
        }
        json.writeNumberField("length", row.payloadLength());
        json.writeNumberField("keptLength", row.payload().length);
        Payload payload = payload(row);
        json.writeStringField("payloadEncoding", payload.encoding());
        json.writeStringField("payload", payload.text());
        CloseInfo close = close(row);
        if (close != null) {
            json.writeNumberField("closeCode", close.code());
            json.writeStringField("closeReason", close.reason());
        }
    }

    /** The payload kept, as text or as hex, and which. */
    record Payload(String encoding, String text) {
    }

    static Payload payload(FrameRow row) {
        boolean textual = row.opcode() == Opcode.TEXT && (row.rsv() & RSV1) == 0;
        if (textual) {
            try {
                String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(row.payload()))
                        .toString();
                return new Payload("text", text);
            } catch (CharacterCodingException notUtf8) {
                // A text frame with bytes that are not UTF-8 (a verdict says so): the bytes themselves.
                return new Payload("hex", HexCodec.format(row.payload()));
            }
        }
        return new Payload("hex", HexCodec.format(row.payload()));
    }

    private static CloseInfo close(FrameRow row) {
        return row.opcode() == Opcode.CLOSE && row.kind() == FrameRow.Kind.FRAME && row.payload().length >= 2
                ? CloseInfo.of(row.payload()) : null;
    }

    private static String direction(FrameRow row) {
        return row.direction() == null ? "" : row.direction() == Direction.OUT ? "out" : "in";
    }

    private static String kind(FrameRow row) {
        return row.kind().name().toLowerCase(Locale.ROOT);
    }
}
