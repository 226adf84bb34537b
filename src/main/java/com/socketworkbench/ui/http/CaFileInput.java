package com.socketworkbench.ui.http;

import com.socketworkbench.ui.input.InputVerdict;
import com.socketworkbench.ui.tls.TlsFileInput;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableObjectValue;
import javafx.beans.value.ObservableValue;

import java.nio.file.Path;

/**
 * The HTTP tab's extra CA file as typed, trusted for https besides the system's certificates. The file's verdict
 * ({@link TlsFileInput}: missing, a folder, unreadable) counts only where the file would be read: for https with
 * certificate checks on. With insecure TLS nothing is checked against it, and plain http has no certificate, so a
 * bad file then neither shows an error nor holds Send back. Plain properties: a model test checks it without a
 * toolkit.
 */
final class CaFileInput {
    private final TlsFileInput file;
    private final ObservableBooleanValue insecure;
    private final ObjectBinding<InputVerdict> verdict;
    private final BooleanBinding valid;

    CaFileInput(ObservableBooleanValue insecure, ObservableValue<String> scheme) {
        this.file = new TlsFileInput("");
        this.insecure = insecure;
        verdict = Bindings.createObjectBinding(() -> insecure.get() || !"https".equals(scheme.getValue())
                ? InputVerdict.FINE : file.verdict(), file.verdictProperty(), insecure, scheme);
        valid = Bindings.createBooleanBinding(() -> !verdict.get().isError(), verdict);
    }

    /** The file for the request options: null when none is typed, and with insecure TLS (it would not be read). */
    Path path() {
        return insecure.get() ? null : file.path();
    }

    /** The file as typed, with its own verdict (the field binds to it; {@link #verdictProperty} says what counts). */
    TlsFileInput fileInput() {
        return file;
    }

    /** The path as typed (bound both ways to the field). */
    StringProperty textProperty() {
        return file.textProperty();
    }

    /** The path without surrounding blanks, "" for none. */
    String text() {
        return file.text();
    }

    ObservableObjectValue<InputVerdict> verdictProperty() {
        return verdict;
    }

    InputVerdict verdict() {
        return verdict.get();
    }

    ObservableBooleanValue validProperty() {
        return valid;
    }

    boolean isValid() {
        return valid.get();
    }
}
