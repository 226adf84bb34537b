package com.socketworkbench.ui.scenario;

import com.socketworkbench.engine.text.Texts;

import javafx.scene.Node;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Asks the user for a scenario file to open or to save as. Behind an interface because file choosers cannot be
 * driven headless: UI tests hand the tab one that answers from a script.
 */
public interface ScenarioFileChooser {

    /** A file to open, starting in {@code folder} (may be null); empty when the user cancelled. */
    Optional<Path> chooseOpen(Node owner, Path folder);

    /** A file to save as, starting in {@code folder} with {@code fileName}; empty when the user cancelled. */
    Optional<Path> chooseSave(Node owner, Path folder, String fileName);

    /** The system's file chooser, over the window of the node asking, with YAML files first. */
    static ScenarioFileChooser system() {
        Texts text = ScenarioTab.TEXT;
        return new ScenarioFileChooser() {
            @Override
            public Optional<Path> chooseOpen(Node owner, Path folder) {
                return Optional.ofNullable(chooser(text.get("chooser.open"), folder).showOpenDialog(window(owner)))
                        .map(File::toPath);
            }

            @Override
            public Optional<Path> chooseSave(Node owner, Path folder, String fileName) {
                FileChooser chooser = chooser(text.get("chooser.save"), folder);
                chooser.setInitialFileName(fileName);
                return Optional.ofNullable(chooser.showSaveDialog(window(owner))).map(File::toPath);
            }

            private FileChooser chooser(String title, Path folder) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                chooser.getExtensionFilters().addAll(
                        new FileChooser.ExtensionFilter(text.get("chooser.filter.yaml"), "*.yaml", "*.yml"),
                        new FileChooser.ExtensionFilter(text.get("chooser.filter.all"), "*"));
                if (folder != null && Files.isDirectory(folder)) {
                    chooser.setInitialDirectory(folder.toFile());
                }
                return chooser;
            }

            private Window window(Node owner) {
                return owner.getScene() == null ? null : owner.getScene().getWindow();
            }
        };
    }
}
