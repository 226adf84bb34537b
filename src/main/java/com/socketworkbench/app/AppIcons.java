package com.socketworkbench.app;

import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

/**
 * The app icon (resources/icons, packaged under {@value #FOLDER}) in every size the desktop may ask for. Loaded in
 * the background, so start-up does not wait for six PNG decodes.
 */
final class AppIcons {
    static final String FOLDER = "/com/socketworkbench/resources/icons/";
    static final int[] SIZES = {16, 32, 48, 64, 128, 256};
    private static final Logger LOG = LoggerFactory.getLogger(AppIcons.class);

    private AppIcons() {
    }

    /** The packaged icon files, smallest first; a missing one is logged and left out. */
    static List<URL> urls() {
        List<URL> urls = new ArrayList<>();
        for (int size : SIZES) {
            URL url = AppIcons.class.getResource(FOLDER + "socket-workbench-" + size + ".png");
            if (url == null) {
                LOG.warn("The {} px app icon is missing from the jar", size);
            } else {
                urls.add(url);
            }
        }
        return urls;
    }

    /** Sets the stage's icons (replacing any: a stage may be given to the app again, as the UI tests do). */
    static void apply(Stage stage) {
        stage.getIcons().setAll(urls().stream().map(url -> new Image(url.toExternalForm(), true)).toList());
    }
}
