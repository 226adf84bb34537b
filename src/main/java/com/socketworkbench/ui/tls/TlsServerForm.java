package com.socketworkbench.ui.tls;

import com.socketworkbench.engine.http.CertSummary;
import com.socketworkbench.engine.tls.ClientAuth;
import com.socketworkbench.engine.tls.GeneratedCertificate;
import com.socketworkbench.engine.tls.KeyFormat;
import com.socketworkbench.engine.tls.KeyMaterial;
import com.socketworkbench.engine.tls.ServerCertificates;
import com.socketworkbench.engine.tls.TlsContexts;
import com.socketworkbench.engine.tls.TlsServerSettings;
import com.socketworkbench.ui.fx.UiExecutor;
import com.socketworkbench.ui.input.InputVerdict;
import com.socketworkbench.ui.tab.AppPreferences;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableObjectValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

import static com.socketworkbench.ui.tls.TlsTexts.TEXT;

/**
 * The TLS settings of a TCP server tab, as chosen and remembered: on or off, the certificate (generated in the app,
 * a PKCS#12 file or PEM files), client-certificate authentication with its CA file, ALPN, the version range and the
 * handshake timeout. A generated certificate is saved with the tab as its two PEM texts; the password of a file
 * never is. Certificate files are read in the background as they are chosen ({@link #fileSummaryProperty()}), so
 * what the server will present, or what is wrong with which field, shows before Start.
 */
public final class TlsServerForm {
    private static final Logger LOG = LoggerFactory.getLogger(TlsServerForm.class);
    static final String NODE = "tls";
    static final String PREF_ENABLED = "enabled";
    static final String PREF_SOURCE = "certificateSource";
    static final String PREF_GENERATED_CERT = "generatedCertificatePem";
    static final String PREF_GENERATED_KEY = "generatedKeyPem";
    static final String PREF_CERT = "certificateFile";
    static final String PREF_KEY = "keyFile";
    static final String PREF_CLIENT_AUTH = "clientAuth";
    static final String PREF_CLIENT_CA = "clientCaFile";
    static final String PREF_ALPN = "alpn";
    static final String PREF_MIN = "minVersion";
    static final String PREF_MAX = "maxVersion";
    static final String PREF_HANDSHAKE_TIMEOUT = "handshakeTimeoutSeconds";

    private final AppPreferences preferences;
    private final UiExecutor executor;
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled");
    private final ObjectProperty<CertSource> source = new SimpleObjectProperty<>(this, "source", CertSource.GENERATED);
    private final ObjectProperty<GeneratedCertificate> generated = new SimpleObjectProperty<>(this, "generated");
    private final ReadOnlyBooleanWrapper generating = new ReadOnlyBooleanWrapper(this, "generating");
    /** What the last generate or export said (an error or "Saved to ..."); empty when nothing to say. */
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(this, "messageIsError");
    private final ClientCertificateInput files;
    private final ObjectProperty<ClientAuth> clientAuth = new SimpleObjectProperty<>(this, "clientAuth",
            ClientAuth.NONE);
    private final TlsFileInput clientCaFile;
    private final AlpnInput alpn;
    private final VersionRange versions = new VersionRange();
    private final HandshakeTimeoutInput handshakeTimeout;
    /** The leaf the chosen files hold, read in the background; null while none is read (or it failed). */
    private final ReadOnlyObjectWrapper<CertSummary> fileSummary = new ReadOnlyObjectWrapper<>(this, "fileSummary");
    /** What reading the files said about each field: FINE, an expiry warning, or an error. */
    private final ReadOnlyObjectWrapper<InputVerdict> loadedCertificate = new ReadOnlyObjectWrapper<>(this,
            "loadedCertificate", InputVerdict.FINE);
    private final ReadOnlyObjectWrapper<InputVerdict> loadedKey = new ReadOnlyObjectWrapper<>(this, "loadedKey",
            InputVerdict.FINE);
    private final ReadOnlyObjectWrapper<InputVerdict> passwordVerdict = new ReadOnlyObjectWrapper<>(this,
            "passwordVerdict", InputVerdict.FINE);
    /** Counts the reads: a read answered after a newer one started is dropped. */
    private long reads;
    private final ObjectBinding<InputVerdict> certificateVerdict;
    private final ObjectBinding<InputVerdict> certificateFileVerdict;
    private final ObjectBinding<InputVerdict> keyFileVerdict;
    private final ObjectBinding<InputVerdict> clientCaVerdict;
    private final BooleanBinding valid;

    public TlsServerForm(AppPreferences tabPreferences, UiExecutor executor) {
        this.executor = executor;
        preferences = tabPreferences.child(NODE);
        enabled.set(preferences.getBoolean(PREF_ENABLED, false));
        source.set(parse(CertSource.class, preferences.get(PREF_SOURCE, ""), CertSource.GENERATED));
        String certPem = preferences.get(PREF_GENERATED_CERT, "");
        String keyPem = preferences.get(PREF_GENERATED_KEY, "");
        if (!certPem.isEmpty() && !keyPem.isEmpty()) {
            generated.set(new GeneratedCertificate(certPem, keyPem));
        }
        files = new ClientCertificateInput(preferences.get(PREF_CERT, ""), preferences.get(PREF_KEY, ""));
        clientAuth.set(parse(ClientAuth.class, preferences.get(PREF_CLIENT_AUTH, ""), ClientAuth.NONE));
        clientCaFile = new TlsFileInput(preferences.get(PREF_CLIENT_CA, ""));
        alpn = new AlpnInput(preferences.get(PREF_ALPN, ""));
        versions.minProperty().set(VersionRange.parse(preferences.get(PREF_MIN, ""), versions.min()));
        versions.maxProperty().set(VersionRange.parse(preferences.get(PREF_MAX, ""), versions.max()));
        handshakeTimeout = new HandshakeTimeoutInput(preferences.get(PREF_HANDSHAKE_TIMEOUT,
                HandshakeTimeoutInput.DEFAULT));
        // At the source: a generated certificate's state, or that a file is still to be chosen; what is wrong with a
        // chosen file shows at that file's field.
        certificateVerdict = Bindings.createObjectBinding(() -> switch (source.get()) {
            case GENERATED -> generated.get() == null ? InputVerdict.error(TEXT.get("generated.none"))
                    : expiry(generated.get());
            case PKCS12, PEM -> files.certificate().isSet() ? InputVerdict.FINE
                    : InputVerdict.error(TEXT.get("error.file.required"));
        }, source, generated, files.certificate().textProperty());
        certificateFileVerdict = Bindings.createObjectBinding(() -> {
            InputVerdict own = files.certificate().verdict();
            return own.isError() || !files.certificate().isSet() ? own : loadedCertificate.get();
        }, files.certificate().verdictProperty(), loadedCertificate);
        keyFileVerdict = Bindings.createObjectBinding(() -> {
            InputVerdict own = files.keyVerdictProperty().get();
            return own.isError() ? own : loadedKey.get();
        }, files.keyVerdictProperty(), loadedKey);
        // Asking clients for certificates needs the CAs they must chain to.
        clientCaVerdict = Bindings.createObjectBinding(() -> clientAuth.get() != ClientAuth.NONE
                        && !clientCaFile.isSet() ? InputVerdict.error(TEXT.get("error.client.ca.required"))
                        : clientCaFile.verdict(), clientAuth, clientCaFile.verdictProperty());
        valid = Bindings.createBooleanBinding(() -> !enabled.get() || !certificateVerdict.get().isError()
                        && (source.get() == CertSource.GENERATED || !certificateFileVerdict.get().isError()
                        && !passwordVerdict.get().isError())
                        // Only PEM reads the key file: a PKCS#12 file holds its own key, and the key field is
                        // hidden then, so a stale key left from PEM must not hold Start back.
                        && (source.get() != CertSource.PEM || !keyFileVerdict.get().isError())
                        && !clientCaVerdict.get().isError() && alpn.isValid() && versions.isValid()
                        && handshakeTimeout.isValid(),
                enabled, source, certificateVerdict, certificateFileVerdict, passwordVerdict, keyFileVerdict,
                clientCaVerdict, alpn.validProperty(), versions.verdictProperty(), handshakeTimeout.validProperty());
        // The form's own properties: listeners that live as long as the form.
        // Change listeners, not invalidation ones: those stay quiet until someone reads the value again.
        for (javafx.beans.value.ObservableValue<?> input : List.<javafx.beans.value.ObservableValue<?>>of(enabled,
                source, files.certificate().textProperty(), files.key().textProperty(), files.passwordProperty())) {
            input.addListener((observable, before, now) -> readFiles());
        }
        readFiles();
    }

    /**
     * Reads the chosen certificate files in the background as a start would, when TLS is on with a file source and
     * the fields name readable files; the leaf then shows as the generated one does, or the problem at its field.
     */
    private void readFiles() {
        long read = ++reads;
        KeyMaterial material = enabled.get() && source.get() != CertSource.GENERATED
                && files.certificate().isSet() && files.certificate().isValid()
                && (source.get() != CertSource.PEM || !files.keyVerdictProperty().get().isError())
                ? fileMaterial() : null;
        if (material == null) {
            showRead(null, InputVerdict.FINE, InputVerdict.FINE, InputVerdict.FINE);
            return;
        }
        executor.run("ui-tls-read-certificate", () -> ServerCertificates.load(material), leaf -> {
            if (read == reads) {
                String warning = TlsContexts.expiryWarning(leaf, false, Instant.now());
                showRead(leaf, warning == null ? InputVerdict.FINE : InputVerdict.warning(warning), InputVerdict.FINE,
                        InputVerdict.FINE);
            }
        }, failure -> {
            if (read != reads) {
                return;
            }
            if (!(failure instanceof ServerCertificates.Problem problem)) {
                LOG.warn("Reading the certificate files failed", failure);
                showRead(null, InputVerdict.error(String.valueOf(failure.getMessage())), InputVerdict.FINE,
                        InputVerdict.FINE);
                return;
            }
            InputVerdict error = InputVerdict.error(problem.getMessage());
            switch (problem.field()) {
                case CERTIFICATE -> showRead(null, error, InputVerdict.FINE, InputVerdict.FINE);
                case KEY -> showRead(null, InputVerdict.FINE, error, InputVerdict.FINE);
                case PASSWORD -> showRead(null, InputVerdict.FINE, InputVerdict.FINE, error);
            }
        });
    }

    private void showRead(X509Certificate leaf, InputVerdict certificate, InputVerdict key, InputVerdict password) {
        fileSummary.set(leaf == null ? null : CertSummary.of(leaf));
        loadedCertificate.set(certificate);
        loadedKey.set(key);
        passwordVerdict.set(password);
    }

    /**
     * A warning (Start stays possible) when the generated certificate expired or soon will: it is saved with the
     * workspace and valid a year, so a reopened workspace may hold one that verifying clients refuse.
     */
    private static InputVerdict expiry(GeneratedCertificate certificate) {
        String warning = TlsContexts.expiryWarning(certificate.certificate(), true, Instant.now());
        return warning == null ? InputVerdict.FINE : InputVerdict.warning(warning);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, E fallback) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    /** The listener's TLS, or null for plain TCP. */
    public TlsServerSettings settings() {
        if (!enabled.get()) {
            return null;
        }
        GeneratedCertificate own = source.get() == CertSource.GENERATED ? generated.get() : null;
        KeyMaterial material = own != null ? null : fileMaterial();
        ClientAuth auth = clientAuth.get();
        return new TlsServerSettings(material, own, auth, auth == ClientAuth.NONE ? null : clientCaFile.path(),
                alpn.protocols(), versions.min(), versions.max(), handshakeTimeout.duration());
    }

    /** The chosen files, read the way the source says (a PEM file named .p12 is still read as PEM). */
    private KeyMaterial fileMaterial() {
        KeyMaterial typed = files.keyMaterial();
        if (typed == null) {
            return null;
        }
        KeyFormat format = source.get() == CertSource.PKCS12 ? KeyFormat.PKCS12 : KeyFormat.PEM;
        return new KeyMaterial(format, typed.certificateFile(), format == KeyFormat.PEM ? files.key().path() : null,
                typed.password());
    }

    /** Makes a new self-signed certificate off the FX thread; it replaces the current one when made. */
    public void generate() {
        if (generating.get()) {
            return;
        }
        generating.set(true);
        say("", false);
        executor.run("ui-tls-generate", GeneratedCertificate::generate, made -> {
            generating.set(false);
            generated.set(made);
        }, failure -> {
            generating.set(false);
            LOG.warn("Generating a certificate failed", failure);
            say(TEXT.get("error.generate", String.valueOf(failure.getMessage())), true);
        });
    }

    /** Writes the generated certificate (never its key) to {@code file} as PEM, off the FX thread. */
    public void exportCertificate(Path file) {
        GeneratedCertificate current = generated.get();
        if (current == null) {
            return;
        }
        executor.run("ui-tls-export", () -> Files.writeString(file, current.certificatePem(), StandardCharsets.UTF_8),
                written -> say(TEXT.get("export.done", file), false), failure -> {
                    LOG.warn("Exporting the certificate to {} failed", file, failure);
                    say(TEXT.get("export.failed", file, String.valueOf(failure.getMessage())), true);
                });
    }

    private void say(String text, boolean error) {
        message.set(text);
        messageIsError.set(error);
    }

    /** What a user reads of the generated certificate; null when there is none. */
    public CertSummary generatedSummary() {
        GeneratedCertificate current = generated.get();
        return current == null ? null : CertSummary.of(current.certificate());
    }

    /** Writes the settings into the tab's {@code tls} node, the generated certificate too; never the password. */
    public void save() {
        preferences.putBoolean(PREF_ENABLED, enabled.get());
        preferences.put(PREF_SOURCE, source.get().name());
        GeneratedCertificate current = generated.get();
        if (current != null) {
            preferences.putText(PREF_GENERATED_CERT, current.certificatePem());
            preferences.putText(PREF_GENERATED_KEY, current.privateKeyPem());
        }
        preferences.put(PREF_CERT, files.certificate().text());
        preferences.put(PREF_KEY, files.key().text());
        preferences.put(PREF_CLIENT_AUTH, clientAuth.get().name());
        preferences.put(PREF_CLIENT_CA, clientCaFile.text());
        preferences.put(PREF_ALPN, alpn.text());
        preferences.put(PREF_MIN, versions.min().name());
        preferences.put(PREF_MAX, versions.max().name());
        preferences.put(PREF_HANDSHAKE_TIMEOUT, handshakeTimeout.text());
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public ObjectProperty<CertSource> sourceProperty() {
        return source;
    }

    public ObjectProperty<GeneratedCertificate> generatedProperty() {
        return generated;
    }

    public ReadOnlyBooleanProperty generatingProperty() {
        return generating.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    /** Certificate file, key file and password of the PKCS#12 and PEM sources. */
    public ClientCertificateInput files() {
        return files;
    }

    /** Whether the chosen source has a certificate: generated (and not expired), or a file named. */
    public ObservableObjectValue<InputVerdict> certificateVerdictProperty() {
        return certificateVerdict;
    }

    /** The certificate file's own check, then what reading it said (not a certificate, expired, ...). */
    public ObservableObjectValue<InputVerdict> certificateFileVerdictProperty() {
        return certificateFileVerdict;
    }

    /** The key file's own check, then what reading it said (not the certificate's key, ...). */
    public ObservableObjectValue<InputVerdict> keyFileVerdictProperty() {
        return keyFileVerdict;
    }

    /** A wrong or missing password, as reading the files found. */
    public ReadOnlyObjectProperty<InputVerdict> passwordVerdictProperty() {
        return passwordVerdict.getReadOnlyProperty();
    }

    /** The leaf certificate the chosen files hold, once read; null otherwise. */
    public ReadOnlyObjectProperty<CertSummary> fileSummaryProperty() {
        return fileSummary.getReadOnlyProperty();
    }

    /** How long each client's handshake may take, in seconds. */
    public HandshakeTimeoutInput handshakeTimeout() {
        return handshakeTimeout;
    }

    public ObjectProperty<ClientAuth> clientAuthProperty() {
        return clientAuth;
    }

    public TlsFileInput clientCaFile() {
        return clientCaFile;
    }

    /** The CA file's own check, and that there is one while clients are asked for certificates. */
    public ObservableObjectValue<InputVerdict> clientCaVerdictProperty() {
        return clientCaVerdict;
    }

    public AlpnInput alpn() {
        return alpn;
    }

    public VersionRange versions() {
        return versions;
    }

    /** True while TLS is off or every TLS setting is usable: Start may run. */
    public BooleanBinding validProperty() {
        return valid;
    }
}
