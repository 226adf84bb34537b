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

import static com.socketworkbench.app.AppTexts.TEXT;

/**
 * The real questions: alerts owned by the window and the platform's file choosers. The buttons are made per question,
 * in the language of this start (JavaFX's own Cancel follows the JVM's locale, not the one the user chose).
 */
final class FxWindowDialogs implements WindowDialogs {
    private final Window owner;

    FxWindowDialogs(Window owner) {
        this.owner = owner;
    }

    @Override
    public boolean confirmClose(String title, String state) {
        ButtonType close = new ButtonType(TEXT.get("dialog.closeTab.button"), ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", close, cancel());
        alert.initOwner(owner);
        alert.setTitle(TEXT.get("dialog.closeTab.title"));
        alert.setHeaderText(TEXT.get("dialog.closeTab.header", title));
        alert.setContentText(TEXT.get("dialog.closeTab.content", state == null || state.isBlank()
                ? TEXT.get("dialog.closeTab.busy") : TEXT.get("dialog.closeTab.state", state)));
        alert.getDialogPane().setId("confirmCloseTab");
        return alert.showAndWait().filter(close::equals).isPresent();
    }

    @Override
    public UnsavedChoice askToSave(String name) {
        ButtonType save = new ButtonType(TEXT.get("dialog.unsaved.save"), ButtonBar.ButtonData.YES);
        ButtonType dontSave = new ButtonType(TEXT.get("dialog.unsaved.dontSave"), ButtonBar.ButtonData.NO);
        ButtonType cancel = cancel();
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", save, dontSave, cancel);
        alert.initOwner(owner);
        alert.setTitle(TEXT.get("dialog.unsaved.title"));
        alert.setHeaderText(TEXT.get("dialog.unsaved.header", name));
        alert.setContentText(TEXT.get("dialog.unsaved.content"));
        alert.getDialogPane().setId("askToSave");
        ButtonType answer = alert.showAndWait().orElse(cancel);
        if (answer == save) {
            return UnsavedChoice.SAVE;
        }
        return answer == dontSave ? UnsavedChoice.DISCARD : UnsavedChoice.CANCEL;
    }

    @Override
    public boolean confirmReset(String where, String untitledFolder) {
        ButtonType reset = new ButtonType(TEXT.get("reset.button"), ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", reset, cancel());
        alert.initOwner(owner);
        alert.setTitle(TEXT.get("reset.title"));
        alert.setHeaderText(TEXT.get("reset.header"));
        alert.setContentText(TEXT.get("reset.content", where, untitledFolder));
        alert.getDialogPane().setId("confirmResetSettings");
        return alert.showAndWait().filter(reset::equals).isPresent();
    }

    @Override
    public Optional<Path> chooseOpen(Path folder) {
        FileChooser chooser = chooser(TEXT.get("chooser.open"), folder);
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseSave(Path folder, String fileName) {
        FileChooser chooser = chooser(TEXT.get("chooser.save"), folder);
        chooser.setInitialFileName(fileName);
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
    }

    private static ButtonType cancel() {
        return new ButtonType(TEXT.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
    }

    private static FileChooser chooser(String title, Path folder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(TEXT.get("chooser.filter.workspaces"), "*.json"),
                new FileChooser.ExtensionFilter(TEXT.get("chooser.filter.all"), "*"));
        if (folder != null && Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
        return chooser;
    }
}
