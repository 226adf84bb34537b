package com.socketworkbench.app;

import com.socketworkbench.cli.Cli;
import com.socketworkbench.engine.http.TempFileSweep;
import javafx.application.Application;

import java.util.Optional;

/**
 * Plain entry point. Launching through a class that does not extend {@link Application} lets the app run from the
 * class path. It also keeps the start-up cache the launch command names current ({@link StartupCache}): an outdated
 * one is not used, a missing one is trained once the window has closed. At start it sweeps the HTTP spool files a
 * crashed run left in the temp directory ({@link TempFileSweep}); tests start {@link WorkbenchApp} directly, so no test
 * sweeps the real temp directory.
 *
 * <p>Arguments other than the window's own ({@code --workspace=PATH}) are the headless command line ({@link Cli}:
 * {@code send}, {@code run}, {@code --help}): it runs without loading a JavaFX class, so it needs no display.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (!opensWindow(args)) {
            System.exit(Cli.execute(args));
        }
        startWindow(args);
    }

    /** True when every argument is one the window takes (or blank, as an empty {@code -Dapp.args} passes). */
    static boolean opensWindow(String[] args) {
        for (String arg : args) {
            if (!arg.isBlank() && !arg.startsWith("--" + SessionStart.PARAMETER + "=")) {
                return false;
            }
        }
        return true;
    }

    /** Kept out of {@link #main} so that the command line's path does not even link the toolkit's classes. */
    private static void startWindow(String[] args) {
        Optional<StartupCache> cache = StartupCache.of(Launcher.class);
        if (cache.isPresent() && cache.get().outdated()) {
            System.exit(cache.get().relaunchWithout());
        }
        // Off the start-up path: what a crashed run left in the temp directory goes while the window opens.
        Thread.ofVirtual().name("temp-sweep").start(() -> TempFileSweep.sweep(TempFileSweep.directory()));
        // Loading the JSON library costs a few hundred milliseconds the first time; done while the toolkit starts,
        // the window's reading of its workspace does not wait for it.
        Thread.ofVirtual().name("workspace-warm-up").start(SessionStart::warmUp);
        Application.launch(WorkbenchApp.class, args);
        cache.ifPresent(StartupCache::trainIfNeeded);
    }
}
