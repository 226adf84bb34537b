package com.socketworkbench.ui.tls;

import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the TLS panels ask for a file to read (a CA, a certificate, a key) or to write (an exported certificate).
 * The system dialogs cannot be driven headless, so tests hand the panel one that answers with paths of their own.
 */
public interface TlsFileChooser {

    /** A file to read, or empty when the user cancelled. */
    Optional<Path> open(Window owner);

    /** Where to save {@code suggestedName}, or empty when the user cancelled. */
    Optional<Path> save(Window owner, String suggestedName);

    /** The system's dialogs. */
    static TlsFileChooser system() {
        return new TlsFileChooser() {
            @Override
            public Optional<Path> open(Window owner) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(TlsTexts.TEXT.get("choose.title"));
                return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
            }

            @Override
            public Optional<Path> save(Window owner, String suggestedName) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(TlsTexts.TEXT.get("export.title"));
                chooser.setInitialFileName(suggestedName);
                return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
            }
        };
    }
}
