package com.socketworkbench.ui.http;

import com.socketworkbench.engine.codec.SupportedCharsets;
import com.socketworkbench.engine.http.HttpTarget;
import com.socketworkbench.engine.http.RequestOptions;
import com.socketworkbench.engine.http.RequestTemplate;
import com.socketworkbench.engine.net.Endpoints;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.input.HostInput;
import com.socketworkbench.ui.input.PortInput;
import com.socketworkbench.ui.tab.AppPreferences;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The HTTP tab's request as typed: the target (scheme, host, port), the raw request text and its charset, and the
 * send options. Loaded from the tab's preferences when made and saved back by {@link #save()}; the scheme's default
 * port follows the scheme (80 ↔ 443) while the port is the old default.
 *
 * <p>Insecure TLS is deliberately never saved: every session starts with certificate checks on.
 */
final class RequestForm {
    static final String PREF_SCHEME = "scheme";
    static final String PREF_HOST = "host";
    static final String PREF_PORT = "port";
    static final String PREF_REQUEST = "request";
    static final String PREF_CHARSET = "requestCharset";
    static final String PREF_FIX_CONTENT_LENGTH = "fixContentLength";
    static final String PREF_NORMALIZE_CRLF = "normalizeCrlf";
    static final String PREF_KEEP_ALIVE = "keepAlive";
    static final String PREF_READ_TIMEOUT = "readTimeoutSeconds";
    static final String PREF_MAX_RESPONSE = "maxResponseMiB";
    static final String PREF_DEADLINE_ON = "deadlineOn";
    static final String PREF_DEADLINE = "deadlineSeconds";
    static final int DEFAULT_MAX_RESPONSE_MIB = (int) (RequestOptions.DEFAULT_MAX_RESPONSE_BYTES / (1024 * 1024));

    private final AppPreferences preferences;
    private final ObjectProperty<String> scheme = new SimpleObjectProperty<>(this, "scheme", "http");
    private final HostInput host = new HostInput("127.0.0.1");
    private final PortInput port = PortInput.toReach("80");
    private final StringProperty requestText = new SimpleStringProperty(this, "requestText", "");
    private final ObjectProperty<Charset> requestCharset =
            new SimpleObjectProperty<>(this, "requestCharset", StandardCharsets.UTF_8);
    private final BooleanProperty fixContentLength = new SimpleBooleanProperty(this, "fixContentLength", true);
    private final BooleanProperty normalizeCrlf = new SimpleBooleanProperty(this, "normalizeCrlf", true);
    private final BooleanProperty keepAlive = new SimpleBooleanProperty(this, "keepAlive", false);
    private final BooleanProperty insecureTls = new SimpleBooleanProperty(this, "insecureTls", false);
    private final ObjectProperty<Integer> readTimeoutSeconds = new SimpleObjectProperty<>(this, "readTimeoutSeconds");
    private final ObjectProperty<Integer> maxResponseMiB = new SimpleObjectProperty<>(this, "maxResponseMiB");
    private final DeadlineInput deadline = new DeadlineInput();

    RequestForm(AppPreferences preferences, Subscriptions subscriptions) {
        this.preferences = preferences;
        load();
        subscriptions.listen(scheme, (obs, old, now) -> adjustDefaultPort(old, now));
    }

    private void load() {
        String savedScheme = preferences.get(PREF_SCHEME, "http");
        scheme.set(savedScheme.equals("https") ? "https" : "http");
        host.textProperty().set(preferences.get(PREF_HOST, "127.0.0.1"));
        port.textProperty().set(Integer.toString(preferences.getInt(PREF_PORT,
                HttpTarget.defaultPort(scheme.get()))));
        try {
            requestCharset.set(SupportedCharsets.byName(preferences.get(PREF_CHARSET, "UTF-8")));
        } catch (IllegalArgumentException e) {
            requestCharset.set(StandardCharsets.UTF_8);
        }
        fixContentLength.set(preferences.getBoolean(PREF_FIX_CONTENT_LENGTH, true));
        normalizeCrlf.set(preferences.getBoolean(PREF_NORMALIZE_CRLF, true));
        keepAlive.set(preferences.getBoolean(PREF_KEEP_ALIVE, false));
        readTimeoutSeconds.set(clamp(preferences.getInt(PREF_READ_TIMEOUT,
                (int) RequestOptions.DEFAULTS.readTimeout().toSeconds()), 1, 3600));
        maxResponseMiB.set(clamp(preferences.getInt(PREF_MAX_RESPONSE, DEFAULT_MAX_RESPONSE_MIB), 1, 4096));
        deadline.onProperty().set(preferences.getBoolean(PREF_DEADLINE_ON, true));
        deadline.textProperty().set(Integer.toString(preferences.getInt(PREF_DEADLINE,
                DeadlineInput.DEFAULT_SECONDS)));
        String savedRequest = preferences.get(PREF_REQUEST, null);
        requestText.set(savedRequest != null ? savedRequest
                : RequestTemplate.GET.render(target().orElse(HttpTarget.of("http", "127.0.0.1"))));
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    /** When the port is the old scheme's default, follow the new scheme's default (80 ↔ 443). */
    private void adjustDefaultPort(String oldScheme, String newScheme) {
        if (oldScheme == null || newScheme == null) {
            return;
        }
        String typed = port.text();
        if (typed.isEmpty() || typed.equals(Integer.toString(HttpTarget.defaultPort(oldScheme)))) {
            port.textProperty().set(Integer.toString(HttpTarget.defaultPort(newScheme)));
        }
    }

    /** Remembers target, request and options; never the insecure-TLS switch. The caller flushes. */
    void save() {
        preferences.put(PREF_SCHEME, scheme.get());
        if (host.isValid()) {
            preferences.put(PREF_HOST, host.text());
        }
        // An unfinished port is not worth remembering.
        if (port.isValid()) {
            preferences.putInt(PREF_PORT, port.port());
        }
        // Stored preferences hold 8 KiB a value: a longer request stays in the workspace only.
        preferences.putText(PREF_REQUEST, text());
        preferences.put(PREF_CHARSET, charset().name());
        preferences.putBoolean(PREF_FIX_CONTENT_LENGTH, fixContentLength.get());
        preferences.putBoolean(PREF_NORMALIZE_CRLF, normalizeCrlf.get());
        preferences.putBoolean(PREF_KEEP_ALIVE, keepAlive.get());
        RequestOptions options = options();
        preferences.putInt(PREF_READ_TIMEOUT, (int) options.readTimeout().toSeconds());
        preferences.putInt(PREF_MAX_RESPONSE, (int) (options.maxResponseBytes() / (1024 * 1024)));
        preferences.putBoolean(PREF_DEADLINE_ON, deadline.onProperty().get());
        // Seconds that are not usable yet are not worth remembering (as with the port).
        Integer seconds = deadline.seconds();
        if (seconds != null) {
            preferences.putInt(PREF_DEADLINE, seconds);
        }
    }

    /** The target from scheme, host and port, or the reason it is not valid. */
    HttpTarget targetOrThrow() {
        int number = Endpoints.validatePort(port.textProperty().get(), false);
        return new HttpTarget(scheme.get(), host.text(), number);
    }

    Optional<HttpTarget> target() {
        try {
            return Optional.of(targetOrThrow());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Puts {@code target}'s scheme, host and port into the fields. */
    void setTarget(HttpTarget target) {
        scheme.set(target.scheme());
        host.textProperty().set(target.host());
        port.textProperty().set(Integer.toString(target.port()));
    }

    RequestOptions options() {
        Integer timeout = readTimeoutSeconds.get();
        Integer maxMiB = maxResponseMiB.get();
        return RequestOptions.DEFAULTS
                .withFixContentLength(fixContentLength.get())
                .withNormalizeCrlf(normalizeCrlf.get())
                .withKeepAlive(keepAlive.get())
                .withReadTimeout(Duration.ofSeconds(timeout == null || timeout < 1 ? 30 : timeout))
                .withMaxResponseBytes((maxMiB == null || maxMiB < 1 ? DEFAULT_MAX_RESPONSE_MIB : maxMiB)
                        * 1024L * 1024L)
                .withInsecureTls(insecureTls.get())
                .withDeadline(deadline.duration());
    }

    /** The charset the request text is encoded with (UTF-8 while none is chosen). */
    Charset charset() {
        return requestCharset.get() == null ? StandardCharsets.UTF_8 : requestCharset.get();
    }

    /** The request text, "" rather than null. */
    String text() {
        return requestText.get() == null ? "" : requestText.get();
    }

    ObjectProperty<String> schemeProperty() {
        return scheme;
    }

    HostInput host() {
        return host;
    }

    PortInput port() {
        return port;
    }

    StringProperty requestTextProperty() {
        return requestText;
    }

    ObjectProperty<Charset> requestCharsetProperty() {
        return requestCharset;
    }

    BooleanProperty fixContentLengthProperty() {
        return fixContentLength;
    }

    BooleanProperty normalizeCrlfProperty() {
        return normalizeCrlf;
    }

    BooleanProperty keepAliveProperty() {
        return keepAlive;
    }

    BooleanProperty insecureTlsProperty() {
        return insecureTls;
    }

    ObjectProperty<Integer> readTimeoutSecondsProperty() {
        return readTimeoutSeconds;
    }

    ObjectProperty<Integer> maxResponseMiBProperty() {
        return maxResponseMiB;
    }

    DeadlineInput deadline() {
        return deadline;
    }
}
