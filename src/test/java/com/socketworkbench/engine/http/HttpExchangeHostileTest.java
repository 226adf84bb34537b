package com.socketworkbench.engine.http;

import com.socketworkbench.testing.LiveHeap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Servers that answer with an endless stream of interim (1xx) responses, in the suite's small-heap JVM: the exchange
 * ends at the interim limit with bounded verdicts, and what it keeps while parsing stays within a budget that does
 * not grow with the bytes the server sends.
 */
@Timeout(120)
class HttpExchangeHostileTest {
    @org.junit.jupiter.api.BeforeAll
    static void inTheSmallHeapOnly() {
        com.socketworkbench.testing.LiveHeap.requireHostileHeap();
    }

    private static final String GET = "GET / HTTP/1.1\nHost: 127.0.0.1\n\n";
    /** What the server offers; far more than the heap could hold as parsed heads and verdicts. */
    private static final long FLOOD_BYTES = 32L * 1024 * 1024;
    /** The live heap an exchange may add: its read buffer, the kept bytes, 16 heads and 200 verdicts, with room. */
    private static final long BUDGET = 48L * 1024 * 1024;

    private final HttpExchanger exchanger = new HttpExchanger();

    @AfterEach
    void closeExchanger() {
        exchanger.close();
    }

    @Test
    void aContinueFloodEndsAtTheInterimLimitWithinTheBudget() throws Exception {
        byte[] block = repeat("HTTP/1.1 100 Continue\r\n\r\n", 64 * 1024);
        assertBoundedFlood(block, 25).close();
    }

    @Test
    void interimHeadsFullOfBadLinesKeepOnlyTheFirstVerdicts() throws Exception {
        // One verdict per 3 bytes: every "x" line has no colon.
        String head = "HTTP/1.1 103 Early Hints\r\n" + "x\r\n".repeat(20_000) + "\r\n";
        byte[] block = head.getBytes(StandardCharsets.US_ASCII);
        HttpExchange exchange = assertBoundedFlood(block, head.length());
        try (exchange) {
            ParsedResponse response = exchange.response().orElseThrow();
            Verdict summary = response.verdict("VERDICTS_OMITTED").orElseThrow(() -> new AssertionError(
                    "no summary verdict among " + response.verdicts().size()));
            assertTrue(summary.message().matches(".*\\d[\\d,]* more findings.*"), summary.message());
            assertEquals(Severity.ERROR, summary.severity(), "the omitted findings include errors");
        }
    }

    /** Floods with {@code block} repeated up to {@link #FLOOD_BYTES}; each interim response is {@code headLength}. */
    private HttpExchange assertBoundedFlood(byte[] block, int headLength) throws Exception {
        System.gc();
        long baseline = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        HttpExchange exchange;
        try (LiveHeap heap = LiveHeap.watch();
             ScriptedServer server = new ScriptedServer(request -> new ScriptedServer.Reply(out -> {
                 for (long sent = 0; sent < FLOOD_BYTES; sent += block.length) {
                     out.write(block);
                 }
             }, ScriptedServer.After.HOLD))) {
            PreparedRequest request = RawRequestBuilder.prepare(GET, StandardCharsets.UTF_8, RequestOptions.DEFAULTS);
            exchange = exchanger.send(server.target(), request, RequestOptions.DEFAULTS, ExchangeListener.NONE)
                    .get(60, TimeUnit.SECONDS);
            long peak = heap.peakBytes();
            assertTrue(peak < baseline + BUDGET, "live heap peaked at " + (peak >> 20) + " MiB over a baseline of "
                    + (baseline >> 20) + " MiB; the budget is " + (BUDGET >> 20) + " MiB");
        }
        ParsedResponse response = exchange.response().orElseThrow();
        Verdict limit = response.verdict("TOO_MANY_INTERIM_RESPONSES").orElseThrow(() -> new AssertionError(
                "no interim limit among " + response.verdicts().size() + " verdicts"));
        assertEquals(16L * headLength, limit.byteOffset(), "the 17th interim response starts there");
        assertTrue(limit.message().contains("16"), limit.message());
        assertTrue(response.verdicts().size() <= 210, response.verdicts().size() + " verdicts kept");
        assertTrue(exchange.rawBytes().length() <= 17L * headLength,
                "reading stopped after the 17th interim head: " + exchange.rawBytes().length() + " bytes kept");
        assertEquals(exchange.rawBytes().length(), exchange.bytesReceived());
        assertFalse(response.complete());
        assertFalse(exchanger.isBusy());
        return exchange;
    }

    private static byte[] repeat(String unit, int atLeast) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = unit.getBytes(StandardCharsets.US_ASCII);
        while (out.size() < atLeast) {
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }
}
