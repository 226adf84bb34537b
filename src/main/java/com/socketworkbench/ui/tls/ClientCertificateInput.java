package com.socketworkbench.ui.tls;

import com.socketworkbench.engine.tls.KeyFiles;
import com.socketworkbench.engine.tls.KeyMaterial;
import com.socketworkbench.ui.input.InputVerdict;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableObjectValue;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import static com.socketworkbench.ui.tls.TlsTexts.TEXT;

/**
 * A certificate with its key, from files: a PKCS#12 file (.p12, .pfx: it holds the key), or a PEM chain with its key
 * in the same file or a key file of its own; the format follows the file name, or the bytes for other names. The
 * password is kept in memory only.
 *
 * @see KeyMaterial
 */
public final class ClientCertificateInput {
    private final TlsFileInput certificate;
    private final TlsFileInput key;
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ObjectBinding<InputVerdict> keyVerdict;

    public ClientCertificateInput(String certificateFile, String keyFile) {
        certificate = new TlsFileInput(certificateFile);
        key = new TlsFileInput(keyFile);
        keyVerdict = Bindings.createObjectBinding(() -> {
            InputVerdict ownCheck = key.verdict();
            if (ownCheck.isError() || !key.isSet()) {
                return ownCheck;
            }
            if (!certificate.isSet()) {
                return InputVerdict.error(TEXT.get("error.key.without.cert"));
            }
            return isPkcs12(certificate.text()) ? InputVerdict.error(TEXT.get("error.key.pkcs12")) : ownCheck;
        }, key.verdictProperty(), certificate.textProperty());
    }

    /**
     * PKCS#12 by its usual file names, or by its bytes under any other name (client.pkcs12); anything else is read
     * as PEM. Reads a few bytes of a local file the user just chose: no slower than the file checks of the field.
     */
    static boolean isPkcs12(String fileName) {
        try {
            return !fileName.isBlank() && KeyFiles.isPkcs12NameOrContent(Path.of(fileName.strip()));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** The certificate and key to present, or null when no certificate file is typed. */
    public KeyMaterial keyMaterial() {
        Path file = certificate.path();
        if (file == null) {
            return null;
        }
        return KeyMaterial.of(file, key.path(), password.get());
    }

    public boolean isValid() {
        return certificate.isValid() && !keyVerdict.get().isError();
    }

    public TlsFileInput certificate() {
        return certificate;
    }

    public TlsFileInput key() {
        return key;
    }

    /** The key's own check and how it fits the certificate (no key file beside a PKCS#12 file). */
    public ObservableObjectValue<InputVerdict> keyVerdictProperty() {
        return keyVerdict;
    }

    /** Never saved. */
    public StringProperty passwordProperty() {
        return password;
    }
}
