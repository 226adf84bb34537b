package com.socketworkbench.engine.http;

import com.socketworkbench.engine.codec.ByteSource;
import com.socketworkbench.engine.codec.FileByteSource;

import java.util.ArrayList;
import java.util.List;

/**
 * What keeping one {@link HttpExchange} costs: bytes on the heap and bytes in temp files. The stored bytes (raw
 * response, de-chunked entity, decoded body) are counted exactly, once each however they share storage; the rest
 * (head, verdicts, request head) is estimated on the generous side, so a budget built on these figures holds.
 *
 * @param memoryBytes heap bytes, stored and estimated
 * @param fileBytes   bytes in temp files
 */
public record ExchangeFootprint(long memoryBytes, long fileBytes) {
    public static final ExchangeFootprint NONE = new ExchangeFootprint(0, 0);

    /** A file source keeps its last read block in memory. */
    static final long FILE_SOURCE_CACHE = 64 * 1024;
    /** Object headers, fields and references of a small record, rounded up. */
    private static final long OBJECT = 48;
    /** Timing, target, TLS summary and the record itself. */
    private static final long EXCHANGE_OVERHEAD = 4 * 1024;

    public static ExchangeFootprint of(HttpExchange exchange) {
        List<ByteSource> stored = new ArrayList<>();
        addOnce(stored, exchange.rawBytes());
        long memory = EXCHANGE_OVERHEAD + exchange.request().bytesInMemory();
        if (exchange.response().isPresent()) {
            ParsedResponse response = exchange.response().get();
            addOnce(stored, response.entity());
            addOnce(stored, response.body());
            memory += text(response.statusLine()) + text(response.reason()) + text(response.httpVersion());
            for (Header header : response.headers()) {
                memory += OBJECT + text(header.name()) + text(header.value());
            }
            for (Header trailer : response.trailers()) {
                memory += OBJECT + text(trailer.name()) + text(trailer.value());
            }
            for (Verdict verdict : response.verdicts()) {
                memory += OBJECT + text(verdict.message());
            }
        }
        long files = 0;
        for (ByteSource source : stored) {
            if (source instanceof FileByteSource file) {
                memory += FILE_SOURCE_CACHE;
                files += file.length();
            } else if (!(source instanceof SliceByteSource)) {
                memory += source.length();
            }
        }
        for (String failure : exchange.failure().stream().toList()) {
            memory += text(failure);
        }
        return new ExchangeFootprint(memory, files);
    }

    /** Both figures added. */
    public ExchangeFootprint plus(ExchangeFootprint other) {
        return new ExchangeFootprint(memoryBytes + other.memoryBytes, fileBytes + other.fileBytes);
    }

    public ExchangeFootprint minus(ExchangeFootprint other) {
        return new ExchangeFootprint(memoryBytes - other.memoryBytes, fileBytes - other.fileBytes);
    }

    /** A string: its object, its array, two bytes a char at most. */
    public static long text(String text) {
        return text == null ? 0 : OBJECT + 2L * text.length();
    }

    private static void addOnce(List<ByteSource> stored, ByteSource source) {
        for (ByteSource seen : stored) {
            if (seen == source) {
                return;
            }
        }
        stored.add(source);
    }
}
