package com.socketworkbench.ui.relay;

import com.socketworkbench.engine.relay.RelayConfig;
import com.socketworkbench.engine.relay.RelayTransport;
import com.socketworkbench.engine.tls.ClientAuth;
import com.socketworkbench.engine.tls.GeneratedCertificate;
import com.socketworkbench.engine.tls.TlsClientSettings;
import com.socketworkbench.engine.tls.TlsServerSettings;
import com.socketworkbench.engine.tls.TlsVersion;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.UiExecutor;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tls.CertSource;
import com.socketworkbench.ui.tls.TlsClientForm;
import com.socketworkbench.ui.tls.TlsServerForm;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The relay's two TLS sides, with the TCP tabs' forms: toward the client a {@link TlsServerForm} (the relay is the
 * TLS server there: a generated certificate saved with the workspace and exportable, or PKCS#12/PEM files, client
 * certificates, ALPN, versions), toward the target a {@link TlsClientForm} (verification with an extra CA file, SNI,
 * ALPN, versions, client certificate; insecure for the session only). Each lives in its own child node of the tab
 * ({@code clientSideTls/tls}, {@code targetSideTls/tls}); the on/off switches stay the tab's {@code clientTls} and
 * {@code serverTls} settings, and the insecure switch the tab's, bound both ways to the forms.
 */
final class RelayTls {
    static final String NODE_CLIENT_SIDE = "clientSideTls";
    static final String NODE_TARGET_SIDE = "targetSideTls";

    private final RelaySettings settings;
    private final TlsServerForm towardClient;
    private final TlsClientForm towardTarget;
    private final BooleanBinding valid;

    RelayTls(AppPreferences tabPreferences, UiExecutor executor, RelaySettings settings,
             Subscriptions subscriptions) {
        this.settings = settings;
        towardClient = new TlsServerForm(tabPreferences.child(NODE_CLIENT_SIDE), executor);
        towardTarget = new TlsClientForm(tabPreferences.child(NODE_TARGET_SIDE));
        // The tab's switches win: a workspace saved before the forms existed keeps its toggles.
        subscriptions.bindBidirectional(towardClient.enabledProperty(), settings.clientTlsProperty());
        subscriptions.bindBidirectional(towardTarget.enabledProperty(), settings.serverTlsProperty());
        subscriptions.bindBidirectional(towardTarget.insecureProperty(), settings.serverTlsInsecureProperty());
        // Turning TLS toward the client on gives it a certificate at once (to export before the first start).
        subscriptions.subscribe(towardClient.enabledProperty(), on -> {
            if (on && missingGenerated()) {
                towardClient.generate();
            }
        });
        // A missing generated certificate does not hold Start back: the start makes one (as before the forms).
        // While one is being made, Start waits for it (a start would make another one).
        BooleanBinding clientSideOk = Bindings.createBooleanBinding(() -> !towardClient.generatingProperty().get()
                        && (towardClient.validProperty().get() || missingGenerated() && othersValid()),
                towardClient.validProperty(), towardClient.generatingProperty(), towardClient.sourceProperty(),
                towardClient.generatedProperty(), towardClient.clientCaVerdictProperty(),
                towardClient.alpn().validProperty(), towardClient.versions().verdictProperty());
        valid = Bindings.createBooleanBinding(() -> settings.transportProperty().get() != RelayTransport.TCP
                        || clientSideOk.get() && towardTarget.validProperty().get(),
                settings.transportProperty(), clientSideOk, towardTarget.validProperty());
        subscriptions.add(valid::dispose);
        subscriptions.add(clientSideOk::dispose);
    }

    /** The client side's settings other than the certificate are usable. */
    private boolean othersValid() {
        return !towardClient.clientCaVerdictProperty().get().isError() && towardClient.alpn().isValid()
                && towardClient.versions().isValid();
    }

    private boolean missingGenerated() {
        return towardClient.sourceProperty().get() == CertSource.GENERATED
                && towardClient.generatedProperty().get() == null;
    }

    /**
     * What a start needs, read on the FX thread: the forms' settings of the sides that are on (TCP only). A
     * generated certificate still missing is made by {@link Start#apply} off the FX thread.
     */
    Start start() {
        if (settings.transportProperty().get() != RelayTransport.TCP) {
            return new Start(null, null, null);
        }
        TlsServerSettings server = null;
        Function<GeneratedCertificate, TlsServerSettings> withMade = null;
        if (towardClient.enabledProperty().get()) {
            if (missingGenerated()) {
                ClientAuth auth = towardClient.clientAuthProperty().get();
                Path caFile = auth == ClientAuth.NONE ? null : towardClient.clientCaFile().path();
                List<String> alpn = towardClient.alpn().protocols();
                TlsVersion min = towardClient.versions().min();
                TlsVersion max = towardClient.versions().max();
                Duration handshake = towardClient.handshakeTimeout().duration();
                withMade = made -> new TlsServerSettings(null, made, auth, caFile, alpn, min, max, handshake);
            } else {
                server = towardClient.settings();
            }
        }
        return new Start(server, withMade, towardTarget.settings(TlsClientSettings.DEFAULT_HANDSHAKE_TIMEOUT));
    }

    /** After a start that made a certificate: the form keeps it (saved with the workspace, exportable). */
    void started(Start start) {
        if (start.made != null && towardClient.generatedProperty().get() == null) {
            towardClient.generatedProperty().set(start.made);
        }
    }

    /** The TLS of one start, taken from the forms on the FX thread and applied to the config off it. */
    static final class Start {
        private final TlsServerSettings server;
        private final Function<GeneratedCertificate, TlsServerSettings> withMade;
        private final TlsClientSettings client;
        private volatile GeneratedCertificate made;

        private Start(TlsServerSettings server, Function<GeneratedCertificate, TlsServerSettings> withMade,
                      TlsClientSettings client) {
            this.server = server;
            this.withMade = withMade;
            this.client = client;
        }

        /** {@code config} with the sides that are on; makes the certificate toward the client if it has none yet. */
        RelayConfig apply(RelayConfig config) {
            TlsServerSettings towardClient = server;
            if (withMade != null) {
                made = GeneratedCertificate.generate();
                towardClient = withMade.apply(made);
            }
            RelayConfig result = config;
            if (towardClient != null) {
                result = result.withClientTls(towardClient);
            }
            if (client != null) {
                result = result.withServerTls(client);
            }
            return result;
        }
    }

    TlsServerForm towardClient() {
        return towardClient;
    }

    TlsClientForm towardTarget() {
        return towardTarget;
    }

    /** True while every TLS side that is on can be used (UDP has none). */
    BooleanBinding validProperty() {
        return valid;
    }

    /** Writes both forms into their nodes (the caller flushes); never the insecure switch or a password. */
    void save() {
        towardClient.save();
        towardTarget.save();
    }
}
