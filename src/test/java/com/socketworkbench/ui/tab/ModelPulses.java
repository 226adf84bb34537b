package com.socketworkbench.ui.tab;

import com.socketworkbench.ui.traffic.TimelineRow;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * Plays the FX pulse for a socket tab's view model from the test thread: each poll drains the tab's event pump once,
 * on the calling thread (awaitility polls in the same thread), then checks the condition. With a synchronous
 * executor the test thread is the model's only UI thread; no toolkit is involved.
 */
public final class ModelPulses {
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private ModelPulses() {
    }

    /** Pumps once per poll until {@code condition} holds (at most {@link #TIMEOUT}). */
    public static void pumpUntil(SocketTabModel model, BooleanSupplier condition) {
        await().atMost(TIMEOUT).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5))
                .until(() -> {
                    model.traffic().pump().pumpOnce();
                    return condition.getAsBoolean();
                });
    }

    /** Pumps until the timeline holds a row matching {@code test}, and returns the first such row. */
    public static TimelineRow pumpUntilRow(SocketTabModel model, Predicate<TimelineRow> test) {
        AtomicReference<TimelineRow> found = new AtomicReference<>();
        pumpUntil(model, () -> {
            Optional<TimelineRow> row = model.traffic().timeline().rows().stream().filter(test).findFirst();
            row.ifPresent(found::set);
            return row.isPresent();
        });
        return found.get();
    }
}
