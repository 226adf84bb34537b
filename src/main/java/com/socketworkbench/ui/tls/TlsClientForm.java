package com.socketworkbench.ui.tls;

import com.socketworkbench.engine.tls.TlsClientSettings;
import com.socketworkbench.ui.tab.AppPreferences;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

import java.time.Duration;

/**
 * The TLS settings of a TCP client tab, as typed and remembered: on or off, extra CA file, SNI, ALPN, version range
 * and client certificate. Loaded from the tab's {@code tls} node; {@link #save()} writes them back.
 *
 * <p>Insecure mode (no certificate check) and the password are deliberately never saved: every session starts with
 * checks on and asks for the password again.
 */
public final class TlsClientForm {
    static final String NODE = "tls";
    static final String PREF_ENABLED = "enabled";
    static final String PREF_CA = "caFile";
    static final String PREF_SNI = "sni";
    static final String PREF_ALPN = "alpn";
    static final String PREF_MIN = "minVersion";
    static final String PREF_MAX = "maxVersion";
    static final String PREF_CERT = "clientCertificate";
    static final String PREF_KEY = "clientKey";

    private final AppPreferences preferences;
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled");
    private final BooleanProperty insecure = new SimpleBooleanProperty(this, "insecure");
    private final TlsFileInput caFile;
    private final SniInput sni;
    private final AlpnInput alpn;
    private final VersionRange versions = new VersionRange();
    private final ClientCertificateInput clientCertificate;
    private final BooleanBinding valid;

    /** @param tabPreferences the tab's node; the TLS settings live in its {@code tls} child */
    public TlsClientForm(AppPreferences tabPreferences) {
        preferences = tabPreferences.child(NODE);
        enabled.set(preferences.getBoolean(PREF_ENABLED, false));
        caFile = new TlsFileInput(preferences.get(PREF_CA, ""));
        sni = new SniInput(preferences.get(PREF_SNI, ""));
        alpn = new AlpnInput(preferences.get(PREF_ALPN, ""));
        versions.minProperty().set(VersionRange.parse(preferences.get(PREF_MIN, ""), versions.min()));
        versions.maxProperty().set(VersionRange.parse(preferences.get(PREF_MAX, ""), versions.max()));
        clientCertificate = new ClientCertificateInput(preferences.get(PREF_CERT, ""), preferences.get(PREF_KEY, ""));
        valid = Bindings.createBooleanBinding(() -> !enabled.get() || insecureOrChecked() && sni.isValid()
                        && alpn.isValid() && versions.isValid() && clientCertificate.isValid(),
                enabled, insecure, caFile.validProperty(), sni.validProperty(), alpn.validProperty(),
                versions.verdictProperty(), clientCertificate.certificate().validProperty(),
                clientCertificate.keyVerdictProperty());
    }

    /** In insecure mode nothing is checked against the CA file, so a bad one does not hold the connect back. */
    private boolean insecureOrChecked() {
        return insecure.get() || caFile.isValid();
    }

    /** The settings of the next connection, or null for plain TCP. */
    public TlsClientSettings settings(Duration handshakeTimeout) {
        if (!enabled.get()) {
            return null;
        }
        return new TlsClientSettings(!insecure.get(), insecure.get() ? null : caFile.path(), sni.name(),
                alpn.protocols(), versions.min(), versions.max(), clientCertificate.keyMaterial(), handshakeTimeout);
    }

    /** Writes the settings into the tab's {@code tls} node, never the insecure switch or the password. */
    public void save() {
        preferences.putBoolean(PREF_ENABLED, enabled.get());
        preferences.put(PREF_CA, caFile.text());
        preferences.put(PREF_SNI, sni.text());
        preferences.put(PREF_ALPN, alpn.text());
        preferences.put(PREF_MIN, versions.min().name());
        preferences.put(PREF_MAX, versions.max().name());
        preferences.put(PREF_CERT, clientCertificate.certificate().text());
        preferences.put(PREF_KEY, clientCertificate.key().text());
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    /** Certificates not checked, for this session only: never saved. */
    public BooleanProperty insecureProperty() {
        return insecure;
    }

    public TlsFileInput caFile() {
        return caFile;
    }

    public SniInput sni() {
        return sni;
    }

    public AlpnInput alpn() {
        return alpn;
    }

    public VersionRange versions() {
        return versions;
    }

    public ClientCertificateInput clientCertificate() {
        return clientCertificate;
    }

    /** True while TLS is off or every TLS setting is usable: Connect may start. */
    public BooleanBinding validProperty() {
        return valid;
    }
}
