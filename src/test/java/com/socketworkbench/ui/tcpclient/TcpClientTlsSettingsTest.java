package com.socketworkbench.ui.tcpclient;

import com.socketworkbench.engine.tls.KeyFormat;
import com.socketworkbench.engine.tls.TlsClientSettings;
import com.socketworkbench.engine.tls.TlsVersion;
import com.socketworkbench.ui.fx.CurrentThreadUiExecutor;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import com.socketworkbench.ui.tab.WorkspaceCopy;
import com.socketworkbench.ui.tls.TlsClientForm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The TCP client tab's TLS settings: saved with the tab and back in a model over a copy of its node (directly and
 * through the workspace JSON), except the insecure switch and the password, which are never written; a bad field
 * keeps Connect from starting.
 */
@Timeout(60)
class TcpClientTlsSettingsTest {
    private final CurrentThreadUiExecutor executor = new CurrentThreadUiExecutor();
    private final List<Subscriptions> subscriptions = new ArrayList<>();
    private final List<TcpClientViewModel> models = new ArrayList<>();
    @TempDir
    Path dir;

    @AfterEach
    void tearDown() {
        models.forEach(TcpClientViewModel::dispose);
        subscriptions.forEach(Subscriptions::dispose);
    }

    private TcpClientViewModel model(AppPreferences preferences) {
        Subscriptions each = new Subscriptions();
        subscriptions.add(each);
        TcpClientViewModel model = new TcpClientViewModel(preferences, executor, each);
        models.add(model);
        return model;
    }

    private static Map<String, Object> snapshot(TlsClientForm tls) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("enabled", tls.enabledProperty().get());
        values.put("caFile", tls.caFile().text());
        values.put("sni", tls.sni().text());
        values.put("alpn", tls.alpn().text());
        values.put("min", tls.versions().min());
        values.put("max", tls.versions().max());
        values.put("clientCert", tls.clientCertificate().certificate().text());
        values.put("clientKey", tls.clientCertificate().key().text());
        return values;
    }

    @Test
    void tlsSettingsComeBackButNeverTheInsecureSwitchOrThePassword() throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.pem"), "ca");
        Path cert = Files.writeString(dir.resolve("client.pem"), "cert");
        Path key = Files.writeString(dir.resolve("client.key"), "key");
        AppPreferences preferences = InMemoryPreferences.fresh();
        TcpClientViewModel model = model(preferences);
        Map<String, Object> defaults = snapshot(model.tls());
        TlsClientForm tls = model.tls();
        tls.enabledProperty().set(true);
        tls.caFile().textProperty().set(ca.toString());
        tls.sni().textProperty().set("device.example.org");
        tls.alpn().textProperty().set("h2, http/1.1");
        tls.versions().minProperty().set(TlsVersion.TLS_1_3);
        tls.clientCertificate().certificate().textProperty().set(cert.toString());
        tls.clientCertificate().key().textProperty().set(key.toString());
        tls.clientCertificate().passwordProperty().set("s3cret-pass");
        tls.insecureProperty().set(true);
        Map<String, Object> typed = snapshot(tls);
        defaults.forEach((name, value) -> {
            if (!name.equals("max")) {
                assertFalse(value.equals(typed.get(name)), name + " was changed");
            }
        });
        assertTrue(model.canConnectProperty().get());

        model.savePreferences();
        for (AppPreferences copy : List.of(WorkspaceCopy.reopened(preferences),
                WorkspaceCopy.throughJson(preferences, "tcpClient", "Client"))) {
            TcpClientViewModel reopened = model(copy);
            assertEquals(typed, snapshot(reopened.tls()));
            assertFalse(reopened.tls().insecureProperty().get(), "insecure is never saved");
            assertEquals("", reopened.tls().clientCertificate().passwordProperty().get(), "nor the password");
        }
        assertFalse(holds(preferences.node(), "s3cret-pass"), "the password is nowhere in the tab's node");
    }

    private static boolean holds(Preferences node, String secret) throws Exception {
        for (String key : node.keys()) {
            if (node.get(key, "").contains(secret) || key.toLowerCase().contains("insecure")
                    || key.toLowerCase().contains("password")) {
                return true;
            }
        }
        for (String child : node.childrenNames()) {
            if (holds(node.node(child), secret)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theConnectionGetsTheTypedSettings() throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.pem"), "ca");
        Path p12 = Files.writeString(dir.resolve("me.p12"), "p12");
        TcpClientViewModel model = model(InMemoryPreferences.fresh());
        TlsClientForm tls = model.tls();
        assertNull(tls.settings(Duration.ofSeconds(3)), "off: plain TCP");
        tls.enabledProperty().set(true);
        tls.caFile().textProperty().set(ca.toString());
        tls.alpn().textProperty().set("h2,,http/1.1 ");
        tls.clientCertificate().certificate().textProperty().set(p12.toString());
        tls.clientCertificate().passwordProperty().set("pw");

        TlsClientSettings settings = tls.settings(Duration.ofSeconds(3));
        assertTrue(settings.verify());
        assertEquals(ca, settings.extraCaFile());
        assertNull(settings.sni(), "empty SNI: the host");
        assertEquals(List.of("h2", "http/1.1"), settings.alpn());
        assertEquals(KeyFormat.PKCS12, settings.clientCertificate().format());
        assertEquals("pw", settings.clientCertificate().password());
        assertEquals(Duration.ofSeconds(3), settings.handshakeTimeout());

        tls.insecureProperty().set(true);
        assertFalse(tls.settings(Duration.ofSeconds(3)).verify());
    }

    @Test
    void badFieldsSayWhatIsWrongAndConnectWaits() throws Exception {
        TcpClientViewModel model = model(InMemoryPreferences.fresh());
        TlsClientForm tls = model.tls();
        tls.enabledProperty().set(true);
        assertTrue(model.canConnectProperty().get());

        Path missing = dir.resolve("nope.pem");
        tls.caFile().textProperty().set(missing.toString());
        assertEquals("No such file: " + missing, tls.caFile().verdict().message());
        assertFalse(model.canConnectProperty().get());
        tls.caFile().textProperty().set(dir.toString());
        assertEquals(dir + " is a folder, not a file", tls.caFile().verdict().message());
        tls.caFile().textProperty().set("");
        assertTrue(model.canConnectProperty().get());

        tls.versions().minProperty().set(TlsVersion.TLS_1_3);
        tls.versions().maxProperty().set(TlsVersion.TLS_1_2);
        assertEquals("The oldest version (TLS 1.3) is newer than the newest (TLS 1.2)",
                tls.versions().verdictProperty().get().message());
        assertFalse(model.canConnectProperty().get());
        tls.versions().maxProperty().set(TlsVersion.TLS_1_3);

        tls.alpn().textProperty().set("h2, http 1.1");
        assertEquals("Not a valid ALPN protocol name: \"http 1.1\" (printable ASCII without spaces, e.g. h2 or "
                + "http/1.1)", tls.alpn().verdict().message());
        assertFalse(model.canConnectProperty().get());
        tls.alpn().textProperty().set("h2");

        tls.sni().textProperty().set("bad name!");
        assertTrue(tls.sni().verdict().isError(), tls.sni().verdict().message());
        assertFalse(model.canConnectProperty().get());
        tls.sni().textProperty().set("");

        Path p12 = Files.writeString(dir.resolve("me.pfx"), "p12");
        Path key = Files.writeString(dir.resolve("me.key"), "key");
        tls.clientCertificate().certificate().textProperty().set(p12.toString());
        tls.clientCertificate().key().textProperty().set(key.toString());
        assertEquals("A PKCS#12 file holds its own key: leave the key file empty",
                tls.clientCertificate().keyVerdictProperty().get().message());
        assertFalse(model.canConnectProperty().get());
        tls.clientCertificate().key().textProperty().set("");
        assertTrue(model.canConnectProperty().get());

        tls.caFile().textProperty().set(missing.toString());
        tls.enabledProperty().set(false);
        assertTrue(model.canConnectProperty().get(), "TLS off: its fields do not matter");
    }
}
