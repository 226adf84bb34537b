package com.socketworkbench.app;

import javafx.application.Application;

/**
 * Plain entry point. Launching through a class that does not extend {@link Application} lets the app run from the
 * class path (no module path set-up needed for {@code mvn compile exec:exec}).
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }
}
