package com.socketworkbench.ui.capture;

import com.socketworkbench.engine.text.Texts;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Asks the user where an export or a recording goes. The system's dialogs by default ({@link #system()}); a test
 * hands in its own answers, since a native dialog cannot be driven.
 */
public interface CaptureFileChooser {

    /**
     * A file to write, offered as {@code name} in {@code folder}; empty when the user cancels.
     *
     * @param fileType  what the filter calls the files, e.g. "pcapng capture"
     * @param extension without the dot, e.g. "pcapng"
     */
    Optional<Path> saveFile(Window owner, String title, Path folder, String name, String fileType, String extension);

    /** A folder to write into; empty when the user cancels. */
    Optional<Path> folder(Window owner, String title, Path folder);

    /** The platform's save and folder dialogs. */
    static CaptureFileChooser system() {
        return new CaptureFileChooser() {
            private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.capture.capture");

            @Override
            public Optional<Path> saveFile(Window owner, String title, Path folder, String name, String fileType,
                                           String extension) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                if (Files.isDirectory(folder)) {
                    chooser.setInitialDirectory(folder.toFile());
                }
                chooser.setInitialFileName(name);
                chooser.getExtensionFilters().addAll(
                        new FileChooser.ExtensionFilter(TEXT.get("chooser.filter.type", fileType, extension),
                                "*." + extension),
                        new FileChooser.ExtensionFilter(TEXT.get("chooser.filter"), "*"));
                return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
            }

            @Override
            public Optional<Path> folder(Window owner, String title, Path folder) {
                DirectoryChooser chooser = new DirectoryChooser();
                chooser.setTitle(title);
                if (Files.isDirectory(folder)) {
                    chooser.setInitialDirectory(folder.toFile());
                }
                return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
            }
        };
    }
}
