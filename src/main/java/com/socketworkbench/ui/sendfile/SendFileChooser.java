package com.socketworkbench.ui.sendfile;

import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the send file panel asks for the file to send. The system dialog cannot be driven headless, so tests hand the
 * panel one that answers with a path of their own.
 */
@FunctionalInterface
public interface SendFileChooser {

    /** The file to send, or empty when the user cancelled. */
    Optional<Path> choose(Window owner);

    /** The system's open dialog. */
    static SendFileChooser system() {
        return owner -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(SendFileTexts.TEXT.get("chooser.title"));
            return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
        };
    }
}
