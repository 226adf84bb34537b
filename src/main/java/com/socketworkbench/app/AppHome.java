package com.socketworkbench.app;

import java.nio.file.Path;

/**
 * The app's data folder: where the untitled workspace (one the user never saved) is kept between runs. The system
 * property {@value #PROPERTY} names it (tests and side-by-side installations point it elsewhere); by default it is
 * {@code ~/.socketworkbench}.
 *
 * @param folder the folder; created when the untitled workspace is first written
 */
record AppHome(Path folder) {
    static final String PROPERTY = "socketworkbench.home";

    static AppHome fromSystemProperty() {
        String configured = System.getProperty(PROPERTY, "").trim();
        return new AppHome(configured.isEmpty() ? Path.of(System.getProperty("user.home"), ".socketworkbench")
                : Path.of(configured));
    }

    /** Where the untitled workspace is kept. */
    Path untitledWorkspace() {
        return folder.resolve("untitled-workspace.json");
    }
}
