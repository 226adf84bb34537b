package com.socketworkbench.ui.messages;

import com.socketworkbench.engine.text.Texts;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the panel asks for a file to import from or export to. The system dialog cannot be driven headless, so
 * tests hand the panel one that answers with a path of their own.
 */
public interface MessageFileChooser {

    /** The library file to import, or empty when the user cancelled. */
    Optional<Path> chooseImport(Window owner);

    /** Where to export the library, or empty when the user cancelled. */
    Optional<Path> chooseExport(Window owner);

    /** The system's open and save dialogs, for JSON files. */
    static MessageFileChooser system() {
        return new MessageFileChooser() {
            private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.messages.messages");

            @Override
            public Optional<Path> chooseImport(Window owner) {
                return Optional.ofNullable(chooser(TEXT.get("chooser.import")).showOpenDialog(owner)).map(File::toPath);
            }

            @Override
            public Optional<Path> chooseExport(Window owner) {
                FileChooser chooser = chooser(TEXT.get("chooser.export"));
                chooser.setInitialFileName("messages.json");
                return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
            }

            private FileChooser chooser(String title) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                chooser.getExtensionFilters().addAll(
                        new FileChooser.ExtensionFilter(TEXT.get("chooser.filter.json"), "*.json"),
                        new FileChooser.ExtensionFilter(TEXT.get("chooser.filter.all"), "*"));
                return chooser;
            }
        };
    }
}
