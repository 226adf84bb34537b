package com.socketworkbench.ui.tools;

import com.socketworkbench.ui.fx.FxUiExecutor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Only the newest request's outcome reaches the FX thread; nothing after close. */
@Timeout(30)
class LatestOnlyTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aSupersededOrForgottenRequestIsDropped() {
        LatestOnly latest = new LatestOnly(new FxUiExecutor());
        List<String> delivered = new CopyOnWriteArrayList<>();
        CompletableFuture<String> first = new CompletableFuture<>();
        CompletableFuture<String> second = new CompletableFuture<>();
        CompletableFuture<String> third = new CompletableFuture<>();
        fxRun(() -> {
            latest.follow(first, delivered::add, failure -> delivered.add("failed"));
            latest.follow(second, delivered::add, failure -> delivered.add("failed"));
        });
        first.complete("first");
        second.complete("second");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("second"), delivered);

        fxRun(() -> {
            latest.follow(third, delivered::add, failure -> delivered.add("failed: " + failure.getMessage()));
            latest.forget();
        });
        third.complete("third");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("second"), delivered);
    }

    @Test
    void failuresArriveUnwrappedAndNothingArrivesAfterClose() {
        LatestOnly latest = new LatestOnly(new FxUiExecutor());
        List<String> delivered = new CopyOnWriteArrayList<>();
        CompletableFuture<String> failing = LatestOnly.onVirtualThread("latest-only-test", () -> {
            throw new IllegalStateException("no table");
        });
        fxRun(() -> latest.follow(failing, delivered::add, failure -> delivered.add(failure.getMessage())));
        failing.handle((value, failure) -> null).join();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("no table"), delivered);

        CompletableFuture<String> late = new CompletableFuture<>();
        fxRun(() -> {
            latest.follow(late, delivered::add, failure -> delivered.add("failed"));
            latest.close();
        });
        late.complete("late");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("no table"), delivered);
    }
}
