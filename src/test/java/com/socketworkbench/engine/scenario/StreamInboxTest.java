package com.socketworkbench.engine.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The TCP inbox as a stream: expects consume through their match, across growth and compaction of its buffer. */
class StreamInboxTest {
    private final RunControl control = new RunControl(Long.MAX_VALUE);

    private static ExpectPattern.Prepared regex(String regex) throws Exception {
        return new ExpectPattern.Regex(Template.of(regex), Pattern.compile(regex)).prepare(Map.of());
    }

    private void expect(StreamInbox inbox, ExpectPattern.Prepared pattern, Map<String, String> save,
                        Map<String, String> vars) throws Exception {
        inbox.expect(pattern, save, vars, System.nanoTime() + 1_000_000_000L, control);
    }

    @Test
    void thousandsOfRepliesInUnevenPiecesAreMatchedOneByOneInOrder() throws Exception {
        StreamInbox inbox = new StreamInbox();
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            all.append("R").append(i).append(";");
        }
        byte[] bytes = all.toString().getBytes(StandardCharsets.US_ASCII);
        ExpectPattern.Prepared reply = regex("R(\\d+);");
        Map<String, String> vars = new HashMap<>();
        int fed = 0;
        for (int i = 0; i < 3000; i++) {
            // Feed pieces of 7 bytes until this reply is complete, so the buffer grows, then compacts.
            String wanted = "R" + i + ";";
            while (fed < bytes.length && !new String(bytes, 0, fed, StandardCharsets.US_ASCII).contains(wanted)) {
                int n = Math.min(7, bytes.length - fed);
                byte[] piece = new byte[n];
                System.arraycopy(bytes, fed, piece, 0, n);
                inbox.add(piece);
                fed += n;
            }
            expect(inbox, reply, Map.of("n", "1"), vars);
            assertEquals(Integer.toString(i), vars.get("n"));
        }
        assertEquals(bytes.length, fed);
        assertArrayEquals(new byte[0], inbox.unconsumed());
    }

    @Test
    void bytesBeforeAMatchAreConsumedWithItAndTheRestStays() throws Exception {
        StreamInbox inbox = new StreamInbox();
        inbox.add("noise OK 1\r\nOK 2".getBytes(StandardCharsets.US_ASCII));
        expect(inbox, regex("OK (\\d)\r\n"), Map.of(), new HashMap<>());
        assertEquals("OK 2", new String(inbox.unconsumed(), StandardCharsets.US_ASCII));

        inbox.closed("peer closed");
        StepFailure failure = assertThrows(StepFailure.class,
                () -> expect(inbox, regex("^OK 3"), Map.of(), new HashMap<>()));
        assertTrue(failure.getMessage().contains("peer closed"), failure.getMessage());
        assertEquals("OK 2", new String(failure.received, StandardCharsets.US_ASCII));
    }

    @Test
    void aRegexMatchEndsOnTheRightByteAfterMultiByteCharacters() throws Exception {
        StreamInbox inbox = new StreamInbox();
        inbox.add("温度=21℃;next".getBytes(StandardCharsets.UTF_8));
        Map<String, String> vars = new HashMap<>();
        expect(inbox, regex("温度=(\\d+)℃;"), Map.of("t", "1"), vars);
        assertEquals("21", vars.get("t"));
        assertEquals("next", new String(inbox.unconsumed(), StandardCharsets.UTF_8));
    }
}
