package com.socketworkbench.bench;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.ui.traffic.TimelineModel;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The traffic P8 searches: {@value #EVENTS} data events from a fixed seed, payloads of 16 B to 64 KiB (half small,
 * 30 % up to 16 KiB, 20 % up to 64 KiB, a few of exactly 64 KiB), 60 % printable text (HTTP-like lines and words),
 * 40 % random binary. Every 16th event of the last tenth carries {@link #MARKER} a few bytes before its end (late
 * rows, matched near their end). Fed into a real {@link TimelineModel} as a tab's pump feeds it: {@code hold} one
 * pulse's batch, then {@code show}, so the model's caps decide what stays.
 */
final class SearchCorpus {
    static final int EVENTS = 50_000;
    static final int MAX_PAYLOAD = 64 * 1024;
    /** Bytes 0xDE 0xAD 0xBE 0xEF then ASCII: found by the plain, regex and hex patterns of P8. */
    static final byte[] MARKER = marker();
    private static final int BATCH = 500;
    private static final int POOL = 1 << 20;
    private static final String[] WORDS = {"GET", "POST", "/api/v1/items", "HTTP/1.1", "Host:", "localhost:8080",
        "Content-Type:", "application/json", "{\"id\":", "\"name\":", "\"value\":", "true,", "false,", "null",
        "temperature", "sensor", "status=OK", "retry", "timeout", "ACK", "NAK", "<STX>", "frame", "payload",
        "user-agent", "curl/8.5.0", "Accept:", "*/*", "keep-alive", "chunked", "2026-12-02T21:55:00Z", "INFO",
        "WARN", "order", "customer", "quantity", "price", "12.50", "EUR", "Lorem", "ipsum", "dolor", "sit", "amet"};

    private final byte[] text = new byte[POOL + MAX_PAYLOAD];
    private final byte[] binary = new byte[POOL + MAX_PAYLOAD];
    private long generatedBytes;
    private int planted;

    SearchCorpus() {
        SplittableRandom random = new SplittableRandom(0x5EA2C4L);
        random.nextBytes(binary);
        int at = 0;
        while (at < text.length) {
            byte[] word = (WORDS[random.nextInt(WORDS.length)] + (random.nextInt(8) == 0 ? "\r\n" : " "))
                    .getBytes(StandardCharsets.US_ASCII);
            int n = Math.min(word.length, text.length - at);
            System.arraycopy(word, 0, text, at, n);
            at += n;
        }
    }

    /** Feeds {@value #EVENTS} events into every model, {@value #BATCH} per pulse, as the pump would. */
    void feed(TimelineModel... models) {
        SplittableRandom random = new SplittableRandom(4711);
        InetSocketAddress local = new InetSocketAddress("127.0.0.1", 9000);
        InetSocketAddress remote = new InetSocketAddress("127.0.0.1", 50123);
        Instant time = Instant.parse("2026-12-02T21:00:00Z");
        List<NetEvent> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < EVENTS; i++) {
            byte[] payload = payload(random, i);
            time = time.plusNanos(20_000);
            batch.add(i % 3 == 2 ? new BytesSent(time, 1 + i % 4, local, remote, payload)
                    : new BytesReceived(time, 1 + i % 4, local, remote, payload));
            if (batch.size() == BATCH || i == EVENTS - 1) {
                for (TimelineModel model : models) {
                    model.hold(batch);
                    model.show();
                }
                batch.clear();
            }
        }
    }

    private byte[] payload(SplittableRandom random, int index) {
        int bucket = random.nextInt(100);
        int size = bucket < 50 ? 16 + random.nextInt(1009)
                : bucket < 80 ? 1024 + random.nextInt(15 * 1024 + 1)
                : bucket < 98 ? 16 * 1024 + random.nextInt(48 * 1024 + 1)
                : MAX_PAYLOAD;
        byte[] source = random.nextInt(10) < 6 ? text : binary;
        int from = random.nextInt(POOL);
        byte[] payload = new byte[size];
        System.arraycopy(source, from, payload, 0, size);
        if (index >= EVENTS - EVENTS / 10 && index % 16 == 0 && size >= MARKER.length + 8) {
            System.arraycopy(MARKER, 0, payload, size - MARKER.length - 5, MARKER.length);
            planted++;
        }
        generatedBytes += size;
        return payload;
    }

    long generatedBytes() {
        return generatedBytes;
    }

    int planted() {
        return planted;
    }

    private static byte[] marker() {
        byte[] ascii = "late-needle-4711".getBytes(StandardCharsets.US_ASCII);
        byte[] marker = new byte[4 + ascii.length];
        marker[0] = (byte) 0xDE;
        marker[1] = (byte) 0xAD;
        marker[2] = (byte) 0xBE;
        marker[3] = (byte) 0xEF;
        System.arraycopy(ascii, 0, marker, 4, ascii.length);
        return marker;
    }
}
