package com.socketworkbench.app;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxToolkit;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import static com.socketworkbench.app.AppDriver.fxRun;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The watchdog itself: it catches a blocked and a busy FX thread and lets a responsive one pass. */
@Timeout(30)
class FxWatchdogTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static FxWatchdog started() {
        FxWatchdog watchdog = FxWatchdog.start(Duration.ZERO);
        await().atMost(Duration.ofSeconds(5)).until(() -> watchdog.answered() >= 2);
        return watchdog;
    }

    @Test
    void sleepingOnTheFxThreadFailsAsBlocked() {
        FxWatchdog watchdog = started();
        fxRun(() -> LockSupport.parkNanos(Duration.ofMillis(400).toNanos()));
        watchdog.stop();
        AssertionError failure = assertThrows(AssertionError.class, () -> watchdog.assertResponsive("the check"));
        assertTrue(failure.getMessage().startsWith("The FX thread was blocked for "), failure.getMessage());
        assertTrue(watchdog.longestBlock().toMillis() >= 300, "blocked " + watchdog.longestBlock());
    }

    @Test
    void spinningOnTheFxThreadPastTheBusyLimitFails() {
        FxWatchdog watchdog = started();
        fxRun(() -> {
            long until = System.nanoTime() + Duration.ofMillis(800).toNanos();
            while (System.nanoTime() - until < 0) {
                Thread.onSpinWait();
            }
        });
        watchdog.stop();
        assertThrows(AssertionError.class, () -> watchdog.assertResponsive("the check"));
        assertTrue(watchdog.longestBusy().toMillis() >= 600, "busy " + watchdog.longestBusy());
    }

    @Test
    void aBlockJustAfterTheStartIsNotJudged() {
        FxWatchdog watchdog = FxWatchdog.start(Duration.ofSeconds(5));
        await().atMost(Duration.ofSeconds(5)).until(() -> watchdog.answered() >= 1);
        fxRun(() -> LockSupport.parkNanos(Duration.ofMillis(300).toNanos()));
        watchdog.stop();
        assertDoesNotThrow(() -> watchdog.assertResponsive("the check"));
    }

    @Test
    void aResponsiveFxThreadPasses() {
        FxWatchdog watchdog = started();
        for (int i = 0; i < 10; i++) {
            fxRun(() -> LockSupport.parkNanos(Duration.ofMillis(5).toNanos()));
        }
        watchdog.stop();
        assertDoesNotThrow(() -> watchdog.assertResponsive("the check"));
    }
}
