package com.socketworkbench.engine.relay;

import java.time.Duration;

import static com.socketworkbench.engine.relay.RelayText.TEXT;

/**
 * Faults the relay adds to one direction; 0 switches each one off.
 *
 * @param latency        added delay for each chunk, counted from when it arrived, or from its release when it was held (order is kept)
 * @param jitter         a random extra delay between 0 and this, per chunk
 * @param bytesPerSecond bandwidth limit: writes are paced to this rate
 * @param segmentSize    re-chunking: each chunk is written in segments of at most this many bytes, each its own write
 *                       (its own datagram for UDP)
 * @param dropAfterBytes after this many bytes forwarded in this direction the pair is dropped (TCP: reset on both
 *                       sides)
 */
public record Faults(Duration latency, Duration jitter, long bytesPerSecond, int segmentSize, long dropAfterBytes) {
    private static final Faults NONE = new Faults(Duration.ZERO, Duration.ZERO, 0, 0, 0);

    public Faults {
        if (latency == null || latency.isNegative()) {
            throw new IllegalArgumentException(TEXT.get("faults.latency.negative"));
        }
        if (jitter == null || jitter.isNegative()) {
            throw new IllegalArgumentException(TEXT.get("faults.jitter.negative"));
        }
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException(TEXT.get("faults.bandwidth.negative"));
        }
        if (segmentSize < 0) {
            throw new IllegalArgumentException(TEXT.get("faults.segment.negative"));
        }
        if (dropAfterBytes < 0) {
            throw new IllegalArgumentException(TEXT.get("faults.dropAfter.negative"));
        }
    }

    /** No fault at all. */
    public static Faults none() {
        return NONE;
    }

    /** True when every fault is off: the relay forwards each chunk at once, as it came. */
    public boolean isNone() {
        return latency.isZero() && jitter.isZero() && bytesPerSecond == 0 && segmentSize == 0 && dropAfterBytes == 0;
    }

    public Faults withLatency(Duration value, Duration jitterValue) {
        return new Faults(value, jitterValue, bytesPerSecond, segmentSize, dropAfterBytes);
    }

    public Faults withBytesPerSecond(long value) {
        return new Faults(latency, jitter, value, segmentSize, dropAfterBytes);
    }

    public Faults withSegmentSize(int value) {
        return new Faults(latency, jitter, bytesPerSecond, value, dropAfterBytes);
    }

    public Faults withDropAfterBytes(long value) {
        return new Faults(latency, jitter, bytesPerSecond, segmentSize, value);
    }
}
