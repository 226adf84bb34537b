package com.socketworkbench.bench;

import com.socketworkbench.app.WorkbenchApp;
import com.socketworkbench.ui.common.InMemoryPreferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * P6, in a fresh child JVM: launches the real app (all its tabs, throwaway preferences) the way
 * {@link com.socketworkbench.app.Launcher} does, and at the first pulse after the stage is shown logs
 * {@link #FIRST_FRAME} (the parent times the line from the moment it started the process), then exits.
 * Arguments: results file (unused).
 */
public final class StartupProbe {
    static final String FIRST_FRAME = "FIRST-FRAME-SHOWN";
    private static final Logger LOG = LoggerFactory.getLogger(StartupProbe.class);

    private StartupProbe() {
    }

    public static void main(String[] args) {
        Application.launch(ProbeApp.class, args);
    }

    /** The app with in-memory preferences and a listener for the first pulse after show. */
    public static final class ProbeApp extends WorkbenchApp {
        public ProbeApp() {
            super(InMemoryPreferences.fresh());
        }

        @Override
        public void start(Stage stage) {
            super.start(stage);
            Scene scene = stage.getScene();
            scene.addPostLayoutPulseListener(new Runnable() {
                @Override
                public void run() {
                    scene.removePostLayoutPulseListener(this);
                    LOG.info(FIRST_FRAME);
                    Platform.exit();
                }
            });
        }
    }
}
