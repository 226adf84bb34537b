package com.socketworkbench.cli;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** --connect-timeout as Socket.connect takes it: 0 is no limit (it was one millisecond, which a busy host misses). */
class OneShotTimeoutTest {
    @Test
    void zeroIsNoLimitAndAnythingUnderAMillisecondIsOne() {
        assertEquals(0, OneShot.timeoutMillis(Duration.ZERO));
        assertEquals(1, OneShot.timeoutMillis(Duration.ofNanos(1)));
        assertEquals(5000, OneShot.timeoutMillis(Duration.ofSeconds(5)));
        assertEquals(Integer.MAX_VALUE, OneShot.timeoutMillis(Duration.ofDays(365)));
    }
}
