package com.socketworkbench.ui.http;

import com.socketworkbench.engine.codec.SupportedCharsets;
import com.socketworkbench.engine.http.HeaderHelper;
import com.socketworkbench.engine.http.HttpExchange;
import com.socketworkbench.engine.http.HttpExchanger;
import com.socketworkbench.engine.http.HttpTarget;
import com.socketworkbench.engine.http.ParsedResponse;
import com.socketworkbench.engine.http.PreparedRequest;
import com.socketworkbench.engine.http.RawRequestBuilder;
import com.socketworkbench.engine.http.RedirectComposer;
import com.socketworkbench.engine.http.RequestOptions;
import com.socketworkbench.engine.http.RequestTemplate;
import com.socketworkbench.engine.net.Endpoints;
import com.socketworkbench.engine.text.DurationText;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.fx.FrameTicker;
import com.socketworkbench.ui.fx.UiExecutor;
import com.socketworkbench.ui.traffic.Formats;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.TabModel;
import com.socketworkbench.ui.tab.TabStatus;
import com.socketworkbench.ui.input.HostInput;
import com.socketworkbench.ui.input.PortInput;
import javafx.beans.binding.BooleanBinding;
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
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.prefs.Preferences;

/**
 * State and actions of the HTTP tab: the target, the raw request text and its live preview, the send options, the
 * exchange in flight and the history of finished exchanges. One {@link HttpExchanger} per tab sends off the FX
 * thread; its progress is read once per frame while a request runs, its result comes back to the FX thread once.
 * The shown exchange's body and raw text are decoded off the FX thread here too ({@link #renderedProperty()}), with
 * the charset and pretty-printing chosen in the response view.
 *
 * <p>Insecure TLS is deliberately never saved: every session starts with certificate checks on.
 */
public final class HttpViewModel implements TabModel {
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
    static final int HISTORY_LIMIT = 100;
    static final int DEFAULT_MAX_RESPONSE_MIB = (int) (RequestOptions.DEFAULT_MAX_RESPONSE_BYTES / (1024 * 1024));

    private final AppPreferences preferences;
    private final UiExecutor executor;
    private final HttpExchanger exchanger;
    private final TabStatus status = new TabStatus();

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

    private final ReadOnlyObjectWrapper<RequestPreview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ReadOnlyStringWrapper headerMessage = new ReadOnlyStringWrapper(this, "headerMessage", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ObservableList<HistoryEntry> history = FXCollections.observableArrayList();
    private final ObjectProperty<HistoryEntry> shown = new SimpleObjectProperty<>(this, "shown");
    private final ReadOnlyObjectWrapper<Optional<RedirectComposer.FollowUp>> followUp =
            new ReadOnlyObjectWrapper<>(this, "followUp", Optional.empty());
    private final ObjectProperty<CharsetChoice> bodyCharset =
            new SimpleObjectProperty<>(this, "bodyCharset", CharsetChoice.AUTO);
    private final BooleanProperty prettyJson = new SimpleBooleanProperty(this, "prettyJson", true);
    private final ReadOnlyObjectWrapper<RenderedResponse> rendered = new ReadOnlyObjectWrapper<>(this, "rendered");

    private final BooleanBinding canSend = busy.not().and(host.validProperty()).and(port.validProperty());
    private final FrameTicker progressTicker;
    private long renderGeneration;
    private ExchangeProgress running;
    private CompletableFuture<HttpExchange> inFlight;
    private long sequence;
    private long requestsSent;
    private long bytesSent;
    private long responsesReceived;
    private long bytesReceived;
    private boolean disposed;
    private Consumer<String> onFailure = message -> { };

    public HttpViewModel(AppPreferences preferences, UiExecutor executor, Subscriptions subscriptions) {
        this(preferences, executor, subscriptions, new HttpExchanger());
    }

    HttpViewModel(AppPreferences preferences, UiExecutor executor, Subscriptions subscriptions,
                  HttpExchanger exchanger) {
        this.preferences = preferences;
        this.executor = executor;
        this.exchanger = exchanger;
        progressTicker = executor.frameTicker(this::showProgress);
        loadPreferences();

        subscriptions.listen(scheme, (obs, old, now) -> adjustDefaultPort(old, now));
        for (var input : List.of(requestText, requestCharset, fixContentLength, normalizeCrlf, scheme,
                host.textProperty(), port.textProperty())) {
            subscriptions.listen(input, (obs, old, now) -> updatePreview());
        }
        subscriptions.subscribe(shown, entry -> {
            followUp.set(followUpFor(entry));
            if (!busy.get()) {
                updateStatus();
            }
        });
        for (var choice : List.of(shown, bodyCharset, prettyJson)) {
            subscriptions.listen(choice, (obs, old, now) -> render());
        }
        subscriptions.add(progressTicker::stop);
        updatePreview();
        updateStatus();
    }

    private void loadPreferences() {
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

    /** The target from scheme, host and port, or the reason it is not valid. */
    public HttpTarget targetOrThrow() {
        int number = Endpoints.validatePort(port.textProperty().get(), false);
        return new HttpTarget(scheme.get(), host.text(), number);
    }

    public Optional<HttpTarget> target() {
        try {
            return Optional.of(targetOrThrow());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public RequestOptions options() {
        Integer timeout = readTimeoutSeconds.get();
        Integer maxMiB = maxResponseMiB.get();
        return RequestOptions.DEFAULTS
                .withFixContentLength(fixContentLength.get())
                .withNormalizeCrlf(normalizeCrlf.get())
                .withKeepAlive(keepAlive.get())
                .withReadTimeout(Duration.ofSeconds(timeout == null || timeout < 1 ? 30 : timeout))
                .withMaxResponseBytes((maxMiB == null || maxMiB < 1 ? DEFAULT_MAX_RESPONSE_MIB : maxMiB)
                        * 1024L * 1024L)
                .withInsecureTls(insecureTls.get());
    }

    private Charset charset() {
        return requestCharset.get() == null ? StandardCharsets.UTF_8 : requestCharset.get();
    }

    private void updatePreview() {
        preview.set(RequestPreview.of(requestText.get(), charset(), options(), target()));
        if (!busy.get()) {
            updateStatus();
        }
    }

    /** Replaces the editor text with {@code template} rendered for the current target. */
    public void applyTemplate(RequestTemplate template) {
        Optional<HttpTarget> current = target();
        if (current.isEmpty()) {
            try {
                targetOrThrow();
            } catch (IllegalArgumentException e) {
                onFailure.accept("Fix the target first: " + e.getMessage());
            }
            return;
        }
        requestText.set(template.render(current.get()));
    }

    /**
     * Adds "name: value" as the last header line. Both are taken as typed in the helper's fields, with the escapes
     * {@code \r \n \t \0 \\ \xNN}; a name or value that could split the head (CR, LF, NUL) is refused with the
     * reason in {@link #headerMessageProperty()}.
     *
     * @return true when the line was added
     */
    public boolean addHeader(String typedName, String typedValue) {
        String line;
        try {
            // Blanks around the typed text are trimmed before unescaping, so an escaped trailing \r is still seen.
            line = HeaderHelper.headerLine(HeaderEscapes.unescape(typedName == null ? "" : typedName.strip()),
                    HeaderEscapes.unescape(typedValue == null ? "" : typedValue.strip()));
        } catch (IllegalArgumentException e) {
            headerMessage.set(e.getMessage());
            return false;
        }
        headerMessage.set("");
        requestText.set(HeaderInsertion.insert(requestText.get(), line));
        return true;
    }

    public void clearHeaderMessage() {
        headerMessage.set("");
    }

    /** Sends the editor text to the target; the result is added to the history and shown. */
    public void send() {
        if (busy.get() || disposed) {
            return;
        }
        HttpTarget target;
        try {
            target = targetOrThrow();
        } catch (IllegalArgumentException e) {
            onFailure.accept("Cannot send: " + e.getMessage());
            return;
        }
        String text = requestText.get() == null ? "" : requestText.get();
        RequestOptions options = options();
        PreparedRequest prepared = RawRequestBuilder.prepare(text, charset(), options);
        ExchangeProgress listener = new ExchangeProgress();
        CompletableFuture<HttpExchange> future = exchanger.send(target, prepared, options, listener);
        inFlight = future;
        running = listener;
        busy.set(true);
        showProgress();
        progressTicker.start();
        savePreferences();
        executor.onFx(future, (exchange, failure) -> finished(future, text, exchange, failure));
    }

    private void finished(CompletableFuture<HttpExchange> future, String text, HttpExchange exchange,
                          Throwable failure) {
        if (disposed) {
            if (exchange != null) {
                executor.run("http-release", exchange::close, () -> { });
            }
            return;
        }
        if (future != inFlight) {
            return;
        }
        inFlight = null;
        running = null;
        progressTicker.stop();
        busy.set(false);
        if (failure != null || exchange == null) {
            progress.set("");
            onFailure.accept(failure == null ? "The request did not complete" : failure.getMessage());
            updateStatus();
            return;
        }
        HistoryEntry entry = new HistoryEntry(++sequence, exchange, text);
        addToHistory(entry);
        count(exchange);
        progress.set(exchange.failure().orElse("Done") + " in " + DurationText.of(exchange.timing().total()));
        shown.set(entry);
        updateStatus();
        // A cancel is the user's own doing: the response area says so, a notification would only nag.
        exchange.failure().filter(message -> !message.equals("Cancelled")).ifPresent(onFailure);
    }

    private void addToHistory(HistoryEntry entry) {
        history.addFirst(entry);
        List<HistoryEntry> evicted = new ArrayList<>();
        while (history.size() > HISTORY_LIMIT) {
            evicted.add(history.removeLast());
        }
        if (evicted.contains(shown.get())) {
            shown.set(null);
        }
        release(evicted);
    }

    /** Counts the exchange as one request out and, when any byte came back, one response in. */
    private void count(HttpExchange exchange) {
        long sent = Math.min(exchange.bytesSent(), exchange.request().bytes().length);
        long received = exchange.bytesReceived();
        if (sent > 0) {
            requestsSent++;
            bytesSent += sent;
        }
        if (received > 0) {
            responsesReceived++;
            bytesReceived += received;
        }
        status.setCounters(bytesReceived, bytesSent, responsesReceived, requestsSent);
    }

    /** Stops the request in flight (its exchange still lands in the history, marked cancelled). */
    public void cancel() {
        if (busy.get()) {
            progress.set("Cancelling…");
            executor.run("http-cancel", exchanger::cancel, () -> { });
        }
    }

    /** Loads the follow-up request of the shown redirect into the editor (it is not sent). */
    public void followRedirect() {
        followUp.get().ifPresent(next -> {
            setTarget(next.target());
            requestText.set(next.requestText());
        });
    }

    /** Puts an earlier request and its target back into the editor. */
    public void loadIntoEditor(HistoryEntry entry) {
        if (entry != null) {
            setTarget(entry.exchange().target());
            requestText.set(entry.requestText());
        }
    }

    private void setTarget(HttpTarget target) {
        scheme.set(target.scheme());
        host.textProperty().set(target.host());
        port.textProperty().set(Integer.toString(target.port()));
    }

    /** Forgets every finished exchange and deletes their temp files. */
    public void clearHistory() {
        List<HistoryEntry> all = List.copyOf(history);
        shown.set(null);
        history.clear();
        release(all);
    }

    private void release(List<HistoryEntry> entries) {
        if (!entries.isEmpty()) {
            executor.run("http-release", () -> entries.forEach(entry -> entry.exchange().close()), () -> { });
        }
    }

    /**
     * Decodes the shown exchange's capped body text and raw text off the FX thread into {@link #renderedProperty()};
     * a newer rendering (another exchange, charset or pretty choice) wins over one still running.
     */
    private void render() {
        long current = ++renderGeneration;
        HistoryEntry entry = shown.get();
        if (entry == null) {
            rendered.set(null);
            return;
        }
        HttpExchange exchange = entry.exchange();
        CharsetChoice choice = bodyCharset.get() == null ? CharsetChoice.AUTO : bodyCharset.get();
        boolean prettyWanted = prettyJson.get();
        executor.run("http-render", () -> RenderedResponse.of(exchange, choice, prettyWanted),
                done -> {
                    if (current == renderGeneration) {
                        rendered.set(done);
                    }
                },
                error -> {
                    if (current == renderGeneration) {
                        rendered.set(RenderedResponse.unreadable(exchange, error));
                    }
                });
    }

    private Optional<RedirectComposer.FollowUp> followUpFor(HistoryEntry entry) {
        if (entry == null || entry.exchange().response().isEmpty()) {
            return Optional.empty();
        }
        ParsedResponse response = entry.exchange().response().get();
        return RedirectComposer.follow(entry.exchange().target(), entry.requestText(), response);
    }

    private void showProgress() {
        ExchangeProgress current = running;
        if (current != null) {
            String text = current.describe();
            if (!text.equals(progress.get())) {
                progress.set(text);
                updateStatus();
            }
        }
    }

    private void updateStatus() {
        Optional<HttpTarget> current = target();
        status.setAddresses(current.map(HttpTarget::authority).orElse(""));
        if (busy.get()) {
            status.setState("Sending to " + current.map(HttpTarget::origin).orElse("?") + ": " + progress.get());
            return;
        }
        HistoryEntry last = shown.get();
        if (last == null) {
            status.setState("Ready: " + current.map(t -> "requests go to " + t.origin())
                    .orElse("enter a valid host and port"));
            return;
        }
        HttpExchange exchange = last.exchange();
        String outcome = exchange.response().map(ParsedResponse::statusLine).filter(line -> !line.isEmpty())
                .orElse(exchange.failure().orElse("No status line"));
        status.setState(last.method() + " " + last.targetText() + " → " + outcome + " · "
                + Formats.bytes(exchange.bytesReceived()) + " in " + DurationText.of(exchange.timing().total()));
    }

    /** Nothing runs until the first Send: the exchanger starts a thread per request. */
    @Override
    public void activate() {
    }

    /** Closes the kept-alive connection and cancels a request in flight (off the FX thread). */
    @Override
    public void stop() {
        boolean wasBusy = busy.get();
        executor.run("http-stop", () -> {
            if (wasBusy) {
                exchanger.cancel();
            }
            exchanger.closeConnection();
        }, () -> { });
    }

    /** Saves the settings, closes the exchanger and deletes every kept exchange's temp files. */
    @Override
    public void dispose() {
        if (disposed) {
            return;
        }
        savePreferences();
        disposed = true;
        progressTicker.stop();
        List<HistoryEntry> all = List.copyOf(history);
        shown.set(null);
        history.clear();
        executor.run("http-dispose", () -> {
            exchanger.close();
            all.forEach(entry -> entry.exchange().close());
        }, () -> { });
    }

    /** Remembers target, request and options; never the insecure-TLS switch. */
    public void savePreferences() {
        preferences.put(PREF_SCHEME, scheme.get());
        if (!host.text().isEmpty()) {
            preferences.put(PREF_HOST, host.text());
        }
        // An unfinished port is not worth remembering.
        if (port.isValid()) {
            preferences.putInt(PREF_PORT, port.port());
        }
        String text = requestText.get() == null ? "" : requestText.get();
        if (text.length() <= Preferences.MAX_VALUE_LENGTH) {
            preferences.put(PREF_REQUEST, text);
        }
        preferences.put(PREF_CHARSET, charset().name());
        preferences.putBoolean(PREF_FIX_CONTENT_LENGTH, fixContentLength.get());
        preferences.putBoolean(PREF_NORMALIZE_CRLF, normalizeCrlf.get());
        preferences.putBoolean(PREF_KEEP_ALIVE, keepAlive.get());
        RequestOptions options = options();
        preferences.putInt(PREF_READ_TIMEOUT, (int) options.readTimeout().toSeconds());
        preferences.putInt(PREF_MAX_RESPONSE, (int) (options.maxResponseBytes() / (1024 * 1024)));
        preferences.flush();
    }

    public void setOnFailure(Consumer<String> onFailure) {
        this.onFailure = onFailure;
    }

    @Override
    public TabStatus status() {
        return status;
    }

    public ObjectProperty<String> schemeProperty() {
        return scheme;
    }

    /** The server's host as typed, and the verdict on it. */
    public HostInput host() {
        return host;
    }

    /** The server's port as typed, and the verdict on it (the scheme's default follows the scheme). */
    public PortInput port() {
        return port;
    }

    /** True while Send may start: nothing in flight, host and port valid. */
    public ObservableBooleanValue canSendProperty() {
        return canSend;
    }

    public StringProperty requestTextProperty() {
        return requestText;
    }

    public ObjectProperty<Charset> requestCharsetProperty() {
        return requestCharset;
    }

    public BooleanProperty fixContentLengthProperty() {
        return fixContentLength;
    }

    public BooleanProperty normalizeCrlfProperty() {
        return normalizeCrlf;
    }

    public BooleanProperty keepAliveProperty() {
        return keepAlive;
    }

    /** Accept any certificate. Shown in red while on; never saved. */
    public BooleanProperty insecureTlsProperty() {
        return insecureTls;
    }

    public ObjectProperty<Integer> readTimeoutSecondsProperty() {
        return readTimeoutSeconds;
    }

    public ObjectProperty<Integer> maxResponseMiBProperty() {
        return maxResponseMiB;
    }

    public ReadOnlyObjectProperty<RequestPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** Why the header helper refused the last name/value ("" when it did not). */
    public ReadOnlyStringProperty headerMessageProperty() {
        return headerMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** "Receiving · 1.2 MiB" while a request runs; "Done in 12.3 ms" after. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Finished exchanges, newest first, at most {@value #HISTORY_LIMIT}. */
    public ObservableList<HistoryEntry> history() {
        return history;
    }

    /** The exchange the response area shows. */
    public ObjectProperty<HistoryEntry> shownProperty() {
        return shown;
    }

    /** How the shown body and raw text are decoded: Auto (the Content-Type's charset, else UTF-8) or a fixed one. */
    ObjectProperty<CharsetChoice> bodyCharsetProperty() {
        return bodyCharset;
    }

    /** Indent JSON bodies (when the whole body fits the text view). */
    public BooleanProperty prettyJsonProperty() {
        return prettyJson;
    }

    /** The shown exchange's body and raw text as decoded with the chosen charset; null while none is shown. */
    ReadOnlyObjectProperty<RenderedResponse> renderedProperty() {
        return rendered.getReadOnlyProperty();
    }

    /** The request that follows the shown redirect, when it is one. */
    public ReadOnlyObjectProperty<Optional<RedirectComposer.FollowUp>> followUpProperty() {
        return followUp.getReadOnlyProperty();
    }
}
