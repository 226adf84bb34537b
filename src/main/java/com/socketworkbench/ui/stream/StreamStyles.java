package com.socketworkbench.ui.stream;

import com.socketworkbench.ui.tab.Styles;

import javafx.scene.Parent;

/**
 * The stylesheet of the stream controls shared by the TCP tabs (framing bar, close buttons, split send, socket
 * panel), kept apart from the shared workbench stylesheet so those controls style themselves wherever they are used.
 */
public final class StreamStyles {
    public static final String STYLESHEET = Styles.resource(StreamStyles.class, "stream.css");

    private StreamStyles() {
    }

    /** Adds the stream controls' stylesheet to {@code root} (after {@link Styles#apply}). */
    public static void apply(Parent root) {
        root.getStylesheets().add(STYLESHEET);
    }
}
