package com.socketworkbench.ui.capture;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.capture.CaptureTransport;
import com.socketworkbench.engine.capture.RecorderConfig;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.input.ByteSizeInput;
import com.socketworkbench.ui.input.InputVerdict;
import com.socketworkbench.ui.input.TextInput;
import com.socketworkbench.ui.tab.AppPreferences;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The settings of a tab's recording and where its exports go, remembered in the tab's preferences node (child
 * {@value #NODE}) as soon as they change: the file to record to (offered as "&lt;tab kind&gt;-&lt;date-time&gt;.pcapng"
 * in the last folder used), the size at which a new file begins, how many files to keep (0: all), and the folder of
 * the last export. FX thread only; no toolkit needed.
 */
public final class RecordSettings {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.capture.capture");
    static final String NODE = "capture";
    static final String RECORD_FOLDER = "recordFolder";
    static final String MAX_FILE_SIZE = "recordMaxFileSize";
    static final String KEEP_FILES = "recordKeepFiles";
    static final String EXPORT_FOLDER = "exportFolder";
    static final String DEFAULT_MAX_FILE_SIZE = "100 MiB";
    static final int MAX_KEEP_FILES = 10_000;
    private static final long MAX_FILE_BYTES = ByteSizeInput.TIB;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss");

    private final AppPreferences preferences;
    private final String kind;
    private final TextInput file = new TextInput("", RecordSettings::checkFile);
    private final ByteSizeInput maxFileSize;
    private final ObjectProperty<Integer> keepFiles = new SimpleObjectProperty<>(this, "keepFiles", 0);
    private final BooleanBinding valid;

    /**
     * @param preferences the tab's node
     * @param kind        starts the offered file names, e.g. "tcp-server"
     */
    public RecordSettings(AppPreferences preferences, String kind, Subscriptions subscriptions) {
        this.preferences = preferences.child(NODE);
        this.kind = kind;
        maxFileSize = new ByteSizeInput(this.preferences.get(MAX_FILE_SIZE, DEFAULT_MAX_FILE_SIZE),
                RecorderConfig.MIN_FILE_BYTES, MAX_FILE_BYTES, "");
        keepFiles.set(Math.clamp(this.preferences.getInt(KEEP_FILES, 0), 0, MAX_KEEP_FILES));
        valid = Bindings.createBooleanBinding(() -> file.isValid() && maxFileSize.isValid(),
                file.validProperty(), maxFileSize.validProperty());
        subscriptions.listen(maxFileSize.textProperty(), (obs, old, text) -> {
            if (maxFileSize.isValid()) {
                this.preferences.put(MAX_FILE_SIZE, maxFileSize.text());
            }
        });
        subscriptions.listen(keepFiles, (obs, old, count) -> {
            if (count != null) {
                this.preferences.putInt(KEEP_FILES, count);
            }
        });
    }

    private static InputVerdict checkFile(String text) {
        String path = text.strip();
        if (path.isEmpty()) {
            return InputVerdict.error(TEXT.get("record.file.empty"));
        }
        try {
            Path parsed = Path.of(path);
            if (parsed.getFileName() == null) {
                return InputVerdict.error(TEXT.get("record.file.folder"));
            }
        } catch (InvalidPathException e) {
            return InputVerdict.error(TEXT.get("record.file.invalid", e.getReason()));
        }
        return InputVerdict.FINE;
    }

    /** Offers a new file named after the tab and {@code now} in the last recording folder (the user's home at first). */
    public void offerFile(LocalDateTime now) {
        file.textProperty().set(recordFolder().resolve(kind + "-" + STAMP.format(now) + ".pcapng").toString());
    }

    /** The recording's configuration from the settings; only while {@link #validProperty()} holds. */
    RecorderConfig config(CaptureTransport transport, String comment) {
        Path chosen = Path.of(file.text()).toAbsolutePath();
        Path folder = chosen.getParent();
        if (folder != null) {
            preferences.put(RECORD_FOLDER, folder.toString());
        }
        Integer keep = keepFiles.get();
        return RecorderConfig.of(chosen, transport).withMaxFileBytes(maxFileSize.bytes())
                .withKeepFiles(keep == null ? 0 : keep).withComment(comment);
    }

    /** The folder the last export went to, or the user's home. */
    Path exportFolder() {
        return folder(EXPORT_FOLDER);
    }

    void rememberExportFolder(Path folder) {
        if (folder != null) {
            preferences.put(EXPORT_FOLDER, folder.toAbsolutePath().toString());
        }
    }

    Path recordFolder() {
        return folder(RECORD_FOLDER);
    }

    private Path folder(String key) {
        return preferences.folder(key);
    }

    /** The file to record to, as typed, with its verdict. */
    public TextInput file() {
        return file;
    }

    /** When the next event would take a file past this size, the recording goes on in a new file. */
    public ByteSizeInput maxFileSize() {
        return maxFileSize;
    }

    /** How many files a recording keeps, the oldest deleted first; 0 keeps all. */
    public ObjectProperty<Integer> keepFilesProperty() {
        return keepFiles;
    }

    /** True while the file and the size are usable, so a recording may start. */
    public BooleanBinding validProperty() {
        return valid;
    }
}
