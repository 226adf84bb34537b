package com.socketworkbench.ui.http;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.http.RequestBody;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A file whose bytes are the request body instead of the editor's body text. The file is streamed while the request
 * is sent, so its size is bounded by the disk, not the heap. Chosen per session and never saved: a body that silently
 * came back next time from a file that may have changed would surprise.
 */
final class BodyFileChoice {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.http.http");
    private final ReadOnlyObjectWrapper<RequestBody.FileBody> chosen = new ReadOnlyObjectWrapper<>(this, "chosen");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    /**
     * Takes {@code file} as the body. A file that cannot be read is refused with the reason in
     * {@link #messageProperty()}, and the previous choice stays.
     *
     * @return true when the file was taken
     */
    boolean choose(Path file) {
        try {
            chosen.set(RequestBody.ofFile(file));
            message.set("");
            return true;
        } catch (IOException e) {
            message.set(TEXT.get("bodyFile.refused", e.getMessage()));
            return false;
        }
    }

    /** The body comes from the editor again. */
    void clear() {
        chosen.set(null);
        message.set("");
    }

    /**
     * The chosen file as it is now (its size read again), for sending; empty when none is chosen.
     *
     * @throws IOException when the chosen file can no longer be read (the reason also shows at the picker)
     */
    Optional<RequestBody.FileBody> forSending() throws IOException {
        RequestBody.FileBody file = chosen.get();
        if (file == null) {
            return Optional.empty();
        }
        try {
            RequestBody.FileBody now = RequestBody.ofFile(file.file());
            message.set("");
            return Optional.of(now);
        } catch (IOException e) {
            message.set(TEXT.get("bodyFile.unsendable", e.getMessage()));
            throw e;
        }
    }

    /** The chosen file with its size when chosen; null while the body comes from the editor. */
    ReadOnlyObjectProperty<RequestBody.FileBody> chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    /** Why the last file was refused or can no longer be sent ("" when all is well). */
    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
