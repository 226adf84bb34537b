package com.socketworkbench.app;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The real questions: alerts owned by the window and the platform's file choosers. */
final class FxWindowDialogs implements WindowDialogs {
    static final ButtonType CLOSE_TAB = new ButtonType("Close Tab", ButtonBar.ButtonData.OK_DONE);
    static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.YES);
    static final ButtonType DONT_SAVE = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);

    private final Window owner;

    FxWindowDialogs(Window owner) {
        this.owner = owner;
    }

    @Override
    public boolean confirmClose(String title, String state) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", CLOSE_TAB, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle("Close Tab");
        alert.setHeaderText("Close \u201c" + title + "\u201d?");
        alert.setContentText((state == null || state.isBlank() ? "It is busy." : state + ".")
                + "\nClosing the tab closes its sockets.");
        alert.getDialogPane().setId("confirmCloseTab");
        return alert.showAndWait().filter(CLOSE_TAB::equals).isPresent();
    }

    @Override
    public UnsavedChoice askToSave(String name) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", SAVE, DONT_SAVE, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle("Unsaved Changes");
        alert.setHeaderText("Save the changes to \u201c" + name + "\u201d?");
        alert.setContentText("Your changes are lost if you don't save them.");
        alert.getDialogPane().setId("askToSave");
        ButtonType answer = alert.showAndWait().orElse(ButtonType.CANCEL);
        if (answer == SAVE) {
            return UnsavedChoice.SAVE;
        }
        return answer == DONT_SAVE ? UnsavedChoice.DISCARD : UnsavedChoice.CANCEL;
    }

    @Override
    public Optional<Path> chooseOpen(Path folder) {
        FileChooser chooser = chooser("Open Workspace", folder);
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseSave(Path folder, String fileName) {
        FileChooser chooser = chooser("Save Workspace", folder);
        chooser.setInitialFileName(fileName);
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
    }

    private static FileChooser chooser(String title, Path folder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Workspaces (*.json)", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (folder != null && Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
        return chooser;
    }
}
