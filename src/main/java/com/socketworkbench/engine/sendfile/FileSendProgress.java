package com.socketworkbench.engine.sendfile;

import java.time.Duration;
import java.util.Optional;

/**
 * A file send's progress at one moment.
 *
 * @param sent    bytes written so far
 * @param total   the file's size when the send started
 * @param elapsed time since the send started
 */
public record FileSendProgress(long sent, long total, Duration elapsed) {

    /** 0..1; 1 for an empty file. */
    public double fraction() {
        return total == 0 ? 1 : (double) sent / total;
    }

    /** Average bytes per second since the start; 0 before any time has passed. */
    public double bytesPerSecond() {
        long nanos = elapsed.toNanos();
        return nanos <= 0 ? 0 : sent * 1e9 / nanos;
    }

    /** Time left at the average rate so far; empty before anything was sent. */
    public Optional<Duration> eta() {
        double rate = bytesPerSecond();
        if (rate <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos((long) ((total - sent) / rate * 1e9)));
    }
}
