package com.socketworkbench.engine.tcp;


import com.socketworkbench.engine.text.DurationText;

import java.time.Duration;

/**
 * How one send is cut into socket writes, to make TCP's lack of message boundaries visible: split a message into
 * segments written apart in time (the peer may read "half packets"), or write several copies back to back in one
 * write (the peer reads them "stuck together", 粘包). Every write is its own BytesSent event.
 *
 * <p>With TCP_NODELAY off (Nagle's algorithm on, see the socket options) the kernel may still hold back a small
 * segment until the previous one is acknowledged, so segments can arrive together despite the gap. The engine
 * turns TCP_NODELAY on by default.
 *
 * @param segmentBytes       bytes per write; 0 = each message (or the coalesced block) in one write
 * @param gapBetweenSegments pause between consecutive writes (segments and repeats alike); null or zero = none; at
 *                           most {@link #MAX_GAP}. A graceful close or half-close skips the remaining pauses, an abort
 *                           or stop ends the send at once
 * @param repeat             how many times the message is sent, 1 to {@link #MAX_REPEAT}
 * @param coalesce           true: all repeats are joined into one block before it is cut into writes (with
 *                           {@code segmentBytes} 0: one write of {@code repeat × length} bytes)
 * @throws IllegalArgumentException with a message fit for the user
 */
public record SendPlan(int segmentBytes, Duration gapBetweenSegments, int repeat, boolean coalesce) {
    public static final Duration MAX_GAP = Duration.ofSeconds(60);
    public static final int MAX_REPEAT = 100_000;
    /** More writes than this in one send would flood the timeline with one row per write. */
    public static final int MAX_WRITES = 10_000;

    /** One message, one write: what {@code send(data)} does. */
    public static final SendPlan WHOLE = new SendPlan(0, Duration.ZERO, 1, false);

    public SendPlan {
        if (segmentBytes < 0) {
            throw new IllegalArgumentException(TcpText.TEXT.get("plan.segment", segmentBytes));
        }
        gapBetweenSegments = gapBetweenSegments == null ? Duration.ZERO : gapBetweenSegments;
        if (gapBetweenSegments.isNegative() || gapBetweenSegments.compareTo(MAX_GAP) > 0) {
            throw new IllegalArgumentException(TcpText.TEXT.get("plan.gap", DurationText.of(MAX_GAP)));
        }
        if (repeat < 1 || repeat > MAX_REPEAT) {
            throw new IllegalArgumentException(TcpText.TEXT.get("plan.repeat", MAX_REPEAT, repeat));

        }
    }

    /** {@code message} cut into writes of {@code segmentBytes}, {@code gap} apart. */
    public static SendPlan segmented(int segmentBytes, Duration gap) {
        return new SendPlan(segmentBytes, gap, 1, false);
    }

    /** {@code times} copies, each its own write, or all in one write when {@code coalesce}. */
    public static SendPlan repeated(int times, boolean coalesce) {
        return new SendPlan(0, Duration.ZERO, times, coalesce);
    }

    /** All bytes this plan sends for a message of {@code messageLength} bytes. */
    public long totalBytes(int messageLength) {
        return (long) messageLength * repeat;
    }

    /** How many socket writes (and BytesSent events) this plan makes for a message of {@code messageLength} bytes. */
    public long writes(int messageLength) {
        if (messageLength == 0) {
            return 0;
        }
        long blocks = coalesce ? 1 : repeat;
        long blockLength = coalesce ? totalBytes(messageLength) : messageLength;
        long perBlock = segmentBytes == 0 ? 1 : (blockLength + segmentBytes - 1) / segmentBytes;
        return blocks * perBlock;
    }

    /** Null when {@code messageLength} bytes can be sent with this plan, otherwise why not in plain words. */
    String problemWith(int messageLength, long maxBytes) {
        if (totalBytes(messageLength) > maxBytes) {
            return TcpText.TEXT.get("plan.too.big", repeat, messageLength, maxBytes / (1024 * 1024));
        }
        long writes = writes(messageLength);
        if (writes > MAX_WRITES) {
            return TcpText.TEXT.get("plan.too.many", writes, MAX_WRITES);

        }
        return null;
    }
}
