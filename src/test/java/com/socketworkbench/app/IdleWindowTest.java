package com.socketworkbench.app;

import com.socketworkbench.ui.tab.ModelViewTab;
import com.socketworkbench.ui.tab.SocketTabModel;
import com.socketworkbench.ui.tab.WorkbenchTab;
import com.sun.javafx.tk.Toolkit;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An idle window costs nothing: with every tab opened once (so every view exists) and no traffic, nothing asks
 * JavaFX for a pulse, so no frame is laid out or drawn. A pulse is counted by a post-layout pulse listener, which
 * runs in every pulse without asking for any.
 */
@Timeout(60)
class IdleWindowTest {
    private final AppDriver driver = new AppDriver();

    @BeforeEach
    void launch() throws Exception {
        driver.launch();
    }

    @AfterEach
    void close() throws Exception {
        driver.close();
    }

    @Test
    void anIdleWindowWithEveryTabOpenAsksForNoPulses() throws InterruptedException {
        List<String> tabIds = fx(() -> driver.app().tabs().stream().map(WorkbenchTab::id).toList());
        for (String id : tabIds) {
            driver.selectTab(id);
        }
        driver.selectTab(tabIds.getFirst());
        assertTrue(fx(() -> driver.app().tabs().stream().allMatch(WorkbenchTab::hasView)), "every view built");
        // Opening tabs lays them out; then every pump goes to sleep after a pulse that found nothing to do.
        driver.waitUntil(() -> driver.app().tabs().stream().noneMatch(IdleWindowTest::pumpPulses));

        Scene scene = fx(() -> driver.<TabPane>node("#tabs").getScene());
        AtomicLong lastPulse = new AtomicLong(System.nanoTime());
        CountDownLatch settled = new CountDownLatch(1);
        CountDownLatch anyPulse = new CountDownLatch(1);
        Runnable count = () -> {
            lastPulse.set(System.nanoTime());
            if (settled.getCount() == 0) {
                anyPulse.countDown();
            }
        };
        fxRun(() -> scene.addPostLayoutPulseListener(count));
        try {
            // The last frames of opening the tabs may still be on their way; once a quarter second passes without
            // one, the window is idle and stays so.
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> System.nanoTime() - lastPulse.get() > TimeUnit.MILLISECONDS.toNanos(250));
            settled.countDown();
            assertFalse(anyPulse.await(2, TimeUnit.SECONDS), "no pulse in 2 s; running: " + fx(this::pulseRequesters));
        } finally {
            fxRun(() -> scene.removePostLayoutPulseListener(count));
        }
        assertEquals(List.of(), fx(this::pulseRequesters));
    }

    private static boolean pumpPulses(WorkbenchTab tab) {
        return tab instanceof ModelViewTab<?, ?> modelView && modelView.model() instanceof SocketTabModel socket
                && socket.traffic().pump().isPulsing();
    }

    /**
     * What keeps JavaFX pulsing: the animations and animation timers its primary timer runs (reflection on the
     * toolkit's internals, only to name the culprit when the test fails).
     */
    private List<String> pulseRequesters() {
        List<String> running = new ArrayList<>();
        Object timer = Toolkit.getToolkit().getPrimaryTimer();
        for (String field : List.of("receivers", "animationTimers")) {
            try {
                Field array = timer.getClass().getSuperclass().getDeclaredField(field);
                Field length = timer.getClass().getSuperclass().getDeclaredField(field + "Length");
                array.setAccessible(true);
                length.setAccessible(true);
                Object[] records = (Object[]) array.get(timer);
                int count = length.getInt(timer);
                for (int i = 0; i < count; i++) {
                    running.add(String.valueOf(records[i]));
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                running.add(field + ": " + e);
            }
        }
        return running;
    }
}
