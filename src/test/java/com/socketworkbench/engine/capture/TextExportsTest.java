package com.socketworkbench.engine.capture;

import com.socketworkbench.engine.codec.TextEscapes;
import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.engine.event.CloseReason;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.ConnectionOpened;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.ListenerStarted;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.event.Notice;
import com.socketworkbench.engine.event.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The text transcript and the CSV export. */
class TextExportsTest {
    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 45_000);
    private static final InetSocketAddress PEER = new InetSocketAddress("::1", 5_000);
    private static final Instant T0 = Instant.parse("2025-03-04T05:06:07.123456789Z");
    private static final byte[] AWKWARD = {'a', ',', '"', '\r', '\n', '\\', 0, (byte) 0xC3, (byte) 0xA9, (byte) 0xFF};

    @TempDir
    Path dir;

    private static List<NetEvent> events() {
        return List.of(
                new ListenerStarted(T0, 0, new InetSocketAddress("0.0.0.0", 5_000), null, "TCP"),
                new ConnectionOpened(T0.plusNanos(1_000), 1, LOCAL, PEER),
                new BytesSent(T0.plusNanos(2_000), 1, LOCAL, PEER, "hello\r\n".getBytes(StandardCharsets.UTF_8)),
                new BytesReceived(T0.plusNanos(3_000), 1, LOCAL, PEER, AWKWARD),
                new Notice(T0.plusNanos(4_000), 1, LOCAL, PEER, "two\nlines, \"quoted\""),
                new Failure(T0.plusNanos(5_000), 1, LOCAL, PEER, Operation.SEND, FailureKind.BROKEN_PIPE,
                        "The peer has closed the connection", ""),
                new ConnectionClosed(T0.plusNanos(6_000), 1, LOCAL, PEER, CloseReason.PEER_CLOSED, ""));
    }

    @Test
    void theTranscriptHasOneLinePerEventWithTimeDirectionPeerAndEscapedPayload() throws Exception {
        Path file = dir.resolve("transcript.txt");

        ExportSummary summary = TranscriptExport.write(events(), file, StandardCharsets.UTF_8, ZoneOffset.ofHours(1));

        assertEquals(7, summary.eventsWritten());
        assertEquals(0, summary.eventsSkipped());
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(8, lines.size(), "a header line and one line per event");
        assertTrue(lines.getFirst().startsWith("# Socket Workbench transcript: 7 events; payloads decoded as UTF-8"));
        assertEquals("2025-03-04 06:06:07.123456 +01:00  #0  listening 0.0.0.0:5000: TCP", lines.get(1));
        assertEquals("2025-03-04 06:06:07.123457 +01:00  #1  opened [::1]:5000", lines.get(2));
        assertEquals("2025-03-04 06:06:07.123458 +01:00  #1  sent 7 bytes to [::1]:5000: hello\\r\\n", lines.get(3));
        String received = lines.get(4);
        assertTrue(received.startsWith("2025-03-04 06:06:07.123459 +01:00  #1  received 10 bytes from [::1]:5000: "),
                received);
        String payload = received.substring(received.indexOf(": ", 40) + 2);
        assertEquals("a,\"\\r\\n\\\\\\0é\\xff", payload);
        assertArrayEquals(AWKWARD, TextEscapes.encode(payload, StandardCharsets.UTF_8),
                "the escaped payload gives back the very bytes");
        assertEquals("2025-03-04 06:06:07.123460 +01:00  #1  notice [::1]:5000: two lines, \"quoted\"", lines.get(5));
        assertTrue(lines.get(6).endsWith("failure [::1]:5000: SEND BROKEN_PIPE: The peer has closed the connection"));
        assertTrue(lines.get(7).endsWith("closed [::1]:5000: peer closed the connection (end of stream)"));
    }

    @Test
    void theCsvFollowsRfc4180AndCarriesThePayloadAsHexAndAsEscapedText() throws Exception {
        Path file = dir.resolve("events.csv");

        ExportSummary summary = CsvExport.write(events(), file, StandardCharsets.UTF_8);

        assertEquals(7, summary.eventsWritten());
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\r\n"));
        List<List<String>> rows = parseCsv(text);
        assertEquals(8, rows.size());
        assertEquals(List.of(CsvExport.HEADER.split(",")), rows.getFirst());
        assertTrue(rows.stream().allMatch(row -> row.size() == 10), "every row has every column");
        List<String> received = rows.get(4);
        assertEquals(List.of("2025-03-04T05:06:07.123459Z", "1", "received", "in", "127.0.0.1:45000", "[::1]:5000",
                "10", "61 2c 22 0d 0a 5c 00 c3 a9 ff", "a,\"\\r\\n\\\\\\0é\\xff", ""), received);
        assertEquals("out", rows.get(3).get(3));
        assertEquals("two\nlines, \"quoted\"", rows.get(5).get(9), "a notice keeps its text, quoted");
        assertEquals("", rows.get(1).get(5), "a listener has no remote");
    }

    @Test
    void anExportThatCannotWriteSaysWhyAndLeavesThePreviousFileAlone() throws Exception {
        Path blocked = Files.createDirectory(dir.resolve("taken"));

        CaptureFileException error = assertThrows(CaptureFileException.class,
                () -> CsvExport.write(events(), blocked, StandardCharsets.UTF_8));

        assertTrue(Files.isDirectory(blocked));
        assertTrue(error.getMessage().startsWith("Cannot write " + blocked), error.getMessage());
        try (var left = Files.list(dir)) {
            assertEquals(List.of(blocked), left.toList(), "no temporary file left behind");
        }
    }

    /** A strict RFC 4180 reader: CRLF between records, quoted fields with doubled quotes. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' && field.isEmpty()) {
                i++;
                while (true) {
                    char q = text.charAt(i);
                    if (q == '"') {
                        if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.append(q);
                    i++;
                }
                continue;
            }
            if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                i++;
            } else if (c == '\r') {
                assertEquals('\n', text.charAt(i + 1), "CR only as part of CRLF outside quotes");
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i += 2;
            } else {
                assertFalse(c == '\n' || c == '"', "bare LF or quote outside a quoted field at " + i);
                field.append(c);
                i++;
            }
        }
        assertTrue(row.isEmpty() && field.isEmpty(), "the last record ends with CRLF");
        return rows;
    }
}
