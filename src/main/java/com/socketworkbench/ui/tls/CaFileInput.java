package com.socketworkbench.ui.tls;

import com.socketworkbench.ui.input.InputVerdict;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableObjectValue;

import java.nio.file.Path;

/**
 * An extra CA file as typed in a tab that talks TLS only for some targets (the HTTP tab's https, the WebSocket tab's
 * wss), trusted there besides the system's certificates. The file's verdict ({@link TlsFileInput}: missing, a folder,
 * unreadable) counts only where the file would be read: for TLS with certificate checks on. With insecure TLS nothing
 * is checked against it, and a plain target has no certificate, so a bad file then neither shows an error nor holds
 * Send or Connect back. Plain properties: a model test checks it without a toolkit.
 */
public final class CaFileInput {
    private final TlsFileInput file;
    private final ObservableBooleanValue insecure;
    private final ObjectBinding<InputVerdict> verdict;
    private final BooleanBinding valid;

    /**
     * @param insecure the tab's insecure switch: nothing is verified, the file is not read
     * @param tls      whether the target talks TLS (https, wss)
     */
    public CaFileInput(String initial, ObservableBooleanValue insecure, ObservableBooleanValue tls) {
        this.file = new TlsFileInput(initial);
        this.insecure = insecure;
        verdict = Bindings.createObjectBinding(() -> insecure.get() || !tls.get()
                ? InputVerdict.FINE : file.verdict(), file.verdictProperty(), insecure, tls);
        valid = Bindings.createBooleanBinding(() -> !verdict.get().isError(), verdict);
    }

    /** The file to verify with: null when none is typed, and with insecure TLS (it would not be read). */
    public Path path() {
        return insecure.get() ? null : file.path();
    }

    /** The file as typed, with its own verdict (the field binds to it; {@link #verdictProperty} says what counts). */
    public TlsFileInput fileInput() {
        return file;
    }

    /** The path as typed (bound both ways to the field). */
    public StringProperty textProperty() {
        return file.textProperty();
    }

    /** The path without surrounding blanks, "" for none. */
    public String text() {
        return file.text();
    }

    public ObservableObjectValue<InputVerdict> verdictProperty() {
        return verdict;
    }

    public InputVerdict verdict() {
        return verdict.get();
    }

    public ObservableBooleanValue validProperty() {
        return valid;
    }

    public boolean isValid() {
        return valid.get();
    }
}
