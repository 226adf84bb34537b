package com.socketworkbench.ui.http;

import com.socketworkbench.engine.codec.SupportedCharsets;
import com.socketworkbench.engine.http.CurlCommand;
import com.socketworkbench.engine.http.Header;
import com.socketworkbench.engine.http.HttpTarget;
import com.socketworkbench.engine.http.RequestOptions;
import com.socketworkbench.engine.http.RequestTemplate;
import com.socketworkbench.engine.http.TargetUrl;
import com.socketworkbench.engine.net.Endpoints;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.input.HostInput;
import com.socketworkbench.ui.input.PortInput;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tls.CaFileInput;
import javafx.beans.binding.Bindings;
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
 * <p>Insecure TLS is deliberately never saved: every session starts with certificate checks on. The extra CA file
 * is saved: it is a setting of the server tested, not a way round its checks.
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
    static final String PREF_CA_FILE = "caFile";
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
    private final CaFileInput caFile = new CaFileInput("", insecureTls,
            Bindings.createBooleanBinding(() -> "https".equals(scheme.get()), scheme));
    /** The last valid target: a Host header that named it follows the next one (see {@link #followTarget()}). */
    private HttpTarget followed;

    RequestForm(AppPreferences preferences, Subscriptions subscriptions) {
        this.preferences = preferences;
        load();
        subscriptions.listen(scheme, (obs, old, now) -> adjustDefaultPort(old, now));
        // After the default port has followed the scheme, so the half-changed target (https on 80) is never seen.
        followed = target().orElse(null);
        for (var input : java.util.List.of(scheme, host.textProperty(), port.textProperty())) {
            subscriptions.listen(input, (obs, old, now) -> followTarget());
        }
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
        caFile.textProperty().set(preferences.get(PREF_CA_FILE, ""));
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

    /**
     * Keeps the Host header in step with the target while the user has not edited it: when the target changes and
     * the Host value still names the previous valid target, it becomes the new one's (without the scheme's default
     * port). A Host typed to something else is left alone; the view then offers {@link #fixHost()}.
     */
    private void followTarget() {
        Optional<HttpTarget> now = target();
        if (now.isEmpty()) {
            return;
        }
        HttpTarget before = followed;
        followed = now.get();
        if (before == null || before.equals(now.get())) {
            return;
        }
        String text = text();
        HostHeader.find(text).filter(span -> HostHeader.names(span.value(), before))
                .filter(span -> !span.value().equals(now.get().hostHeaderValue()))
                .ifPresent(span -> requestText.set(HostHeader.withValue(text, now.get().hostHeaderValue())));
    }

    /** Whether the editor's Host header names another server than the target (false without either). */
    boolean hostDisagrees() {
        return target().map(t -> HostHeader.disagrees(text(), t)).orElse(false);
    }

    /** Sets the Host header's value to the target's (the one-click fix); false when there is nothing to fix. */
    boolean fixHost() {
        Optional<HttpTarget> current = target();
        if (current.isEmpty() || !HostHeader.disagrees(text(), current.get())) {
            return false;
        }
        requestText.set(HostHeader.withValue(text(), current.get().hostHeaderValue()));
        return true;
    }

    /**
     * Points the form at {@code url}: scheme, host and port, the request line's target (path and query) and the
     * Host header, which is added after the request line when there is none. An empty editor gets a GET.
     */
    void applyUrl(TargetUrl url) {
        setTarget(url.target());
        String text = text();
        String firstLine = text.lines().findFirst().orElse("").strip();
        String updated;
        if (firstLine.isEmpty()) {
            updated = withRequestTarget(RequestTemplate.GET.render(url.target()), url.requestTarget());
        } else {
            updated = withRequestTarget(text, url.requestTarget());
        }
        String hostValue = url.target().hostHeaderValue();
        updated = HostHeader.find(updated).isPresent() ? HostHeader.withValue(updated, hostValue)
                : HeaderInsertion.insert(updated, "Host: " + hostValue);
        requestText.set(updated);
    }

    /**
     * Replaces the editor text with the request {@code curl} describes, pointed at {@code url} (its parsed URL):
     * request line, Host (unless curl gives one), curl's headers, Content-Length for its data, then the data.
     */
    void applyCurl(CurlCommand curl, TargetUrl url) {
        setTarget(url.target());
        StringBuilder text = new StringBuilder();
        text.append(curl.method()).append(' ').append(url.requestTarget()).append(" HTTP/1.1\n");
        if (curl.headers().stream().noneMatch(h -> h.is("Host"))) {
            text.append("Host: ").append(url.target().hostHeaderValue()).append('\n');
        }
        for (Header header : curl.headers()) {
            text.append(header.name()).append(": ").append(header.value()).append('\n');
        }
        curl.body().ifPresent(body -> {
            if (curl.headers().stream().noneMatch(h -> h.is("Content-Length") || h.is("Transfer-Encoding"))) {
                text.append("Content-Length: ").append(body.getBytes(charset()).length).append('\n');
            }
        });
        text.append('\n');
        curl.body().ifPresent(text::append);
        requestText.set(text.toString());
    }

    /** {@code text} with the request line's target (its second word) replaced by {@code requestTarget}. */
    static String withRequestTarget(String text, String requestTarget) {
        int lineEnd = text.indexOf('\n');
        int contentEnd = lineEnd < 0 ? text.length() : lineEnd;
        if (contentEnd > 0 && text.charAt(contentEnd - 1) == '\r') {
            contentEnd--;
        }
        String line = text.substring(0, contentEnd);
        String[] parts = line.strip().split(" +", 3);
        String replaced = parts.length >= 3 ? parts[0] + " " + requestTarget + " " + parts[2]
                : parts[0] + " " + requestTarget + " HTTP/1.1";
        return replaced + text.substring(contentEnd);
    }

    /** Remembers target, request and options (the CA file too); never the insecure-TLS switch. The caller flushes. */
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
        preferences.put(PREF_CA_FILE, caFile.text());
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
                .withCaFile(caFile.path())
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

    CaFileInput caFile() {
        return caFile;
    }
}
