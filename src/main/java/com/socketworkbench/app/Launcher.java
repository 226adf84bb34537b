package com.socketworkbench.app;

import javafx.application.Application;

import java.util.Optional;

/**
 * Plain entry point. Launching through a class that does not extend {@link Application} lets the app run from the
 * class path. It also keeps the start-up cache the launch command names current ({@link StartupCache}): an outdated
 * one is not used, a missing one is trained once the window has closed.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        Optional<StartupCache> cache = StartupCache.of(Launcher.class);
        if (cache.isPresent() && cache.get().outdated()) {
            System.exit(cache.get().relaunchWithout());
        }
        Application.launch(WorkbenchApp.class, args);
        cache.ifPresent(StartupCache::trainIfNeeded);
    }
}
