package com.socketworkbench.app;

import javafx.application.Platform;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts the JavaFX toolkit and stops it again: the least that makes JavaFX check how its classes were loaded. Run by
 * {@link LaunchWarningTest} from the class path, where JavaFX prints its configuration warning.
 */
final class FxLaunchWarningProbe {
    private FxLaunchWarningProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await(30, TimeUnit.SECONDS);
        Platform.exit();
    }
}
