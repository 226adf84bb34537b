// Over 400 lines: the HTTP tab's one view model, mostly one-line accessors the view binds to; its logic lives in RequestForm, HistoryBudgets, ExchangeHistory, RequestInFlight and ResponseRenderer.
package com.socketworkbench.ui.http;

import com.socketworkbench.engine.text.Texts;

import com.socketworkbench.engine.http.CurlCommand;
import com.socketworkbench.engine.http.ExchangeListener;
import com.socketworkbench.engine.http.PhaseWords;
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
import com.socketworkbench.engine.http.TargetUrl;
import com.socketworkbench.engine.text.DurationText;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.UiExecutor;
import com.socketworkbench.ui.input.HostInput;
import com.socketworkbench.ui.input.PortInput;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.WebSocketHandoff;
import com.socketworkbench.ui.tab.TabModel;
import com.socketworkbench.ui.tab.TabStatus;
import com.socketworkbench.ui.tls.CaFileInput;
import com.socketworkbench.ui.traffic.Formats;
import com.socketworkbench.workspace.MemoryPreferences;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.prefs.BackingStoreException;

/**
 * State and actions of the HTTP tab: the request as typed ({@link RequestForm}) and its live preview, the exchange in
 * flight and the history of finished exchanges ({@link ExchangeHistory}) within its byte budgets
 * ({@link HistoryBudgets}). One {@link HttpExchanger} per tab sends off
 * the FX thread; its progress is read once per frame while a request runs, its result comes back to the FX thread
 * once. The shown exchange's body and raw text are decoded off the FX thread by a {@link ResponseRenderer}.
 *
 * <p>Insecure TLS is deliberately never saved: every session starts with certificate checks on.
 */
public final class HttpViewModel implements TabModel {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.http.http");
    static final int HISTORY_LIMIT = ExchangeHistory.LIMIT;
    static final String PREF_BODY_CHARSET = "responseCharset";
    static final String PREF_PRETTY_JSON = "prettyJson";

    private final AppPreferences preferences;
    private final HistoryArchive.Cache archiveCache = new HistoryArchive.Cache();
    private final TabStatus status = new TabStatus();
    private final RequestForm form;
    private final HistoryBudgets budgets;
    private final BodyFileChoice bodyFile = new BodyFileChoice();
    private final ExchangeHistory history;
    private final ExchangeCounters counters = new ExchangeCounters(status);
    private final ResponseRenderer renderer;
    private final RequestInFlight request;

    private final ReadOnlyObjectWrapper<RequestPreview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ReadOnlyStringWrapper urlMessage = new ReadOnlyStringWrapper(this, "urlMessage", "");
    private final ReadOnlyStringWrapper curlMessage = new ReadOnlyStringWrapper(this, "curlMessage", "");
    private final ReadOnlyStringWrapper hostFix = new ReadOnlyStringWrapper(this, "hostFix", "");
    private final ReadOnlyStringWrapper headerMessage = new ReadOnlyStringWrapper(this, "headerMessage", "");
    private final ReadOnlyObjectWrapper<Optional<RedirectComposer.FollowUp>> followUp =
            new ReadOnlyObjectWrapper<>(this, "followUp", Optional.empty());

    private final ReadOnlyStringWrapper upgradeNote = new ReadOnlyStringWrapper(this, "upgradeNote", "");
    private final WebSocketHandoff webSockets;
    /** The exchange whose connection went on as a WebSocket session, and what its note says. */
    private HistoryEntry upgradedEntry;
    private String upgradedText = "";

    private final BooleanBinding canSend;
    private Consumer<String> onFailure = message -> { };

    public HttpViewModel(AppPreferences preferences, UiExecutor executor, Subscriptions subscriptions) {
        this(preferences, executor, subscriptions, WebSocketHandoff.NONE);
    }

    /** @param webSockets where a connection the server switched to WebSocket goes on (a new WebSocket tab) */
    public HttpViewModel(AppPreferences preferences, UiExecutor executor, Subscriptions subscriptions,
                         WebSocketHandoff webSockets) {
        this(preferences, executor, subscriptions, new HttpExchanger(), webSockets);
    }

    HttpViewModel(AppPreferences preferences, UiExecutor executor, Subscriptions subscriptions,
                  HttpExchanger exchanger) {
        this(preferences, executor, subscriptions, exchanger, WebSocketHandoff.NONE);
    }

    HttpViewModel(AppPreferences preferences, UiExecutor executor, Subscriptions subscriptions,
                  HttpExchanger exchanger, WebSocketHandoff webSockets) {
        this.preferences = preferences;
        this.webSockets = webSockets;
        form = new RequestForm(preferences, subscriptions);
        budgets = new HistoryBudgets(preferences, Runtime.getRuntime().maxMemory(), subscriptions);
        history = new ExchangeHistory(executor, budgets.memoryBytesProperty().get(),
                budgets.tempBytesProperty().get());
        for (var budget : List.of(budgets.memoryBytesProperty(), budgets.tempBytesProperty())) {
            subscriptions.listen(budget, (obs, old, now) -> history.setBudgets(budgets.memoryBytesProperty().get(),
                    budgets.tempBytesProperty().get()));
        }
        request = new RequestInFlight(exchanger, executor, subscriptions, this::updateStatus);
        canSend = request.busyProperty().not().and(form.host().validProperty()).and(form.port().validProperty())
                .and(form.deadline().validProperty()).and(form.caFile().validProperty());

        for (var input : List.of(form.requestTextProperty(), form.requestCharsetProperty(),
                form.fixContentLengthProperty(), form.normalizeCrlfProperty(), form.schemeProperty(),
                form.host().textProperty(), form.port().textProperty(), bodyFile.chosenProperty())) {
            subscriptions.listen(input, (obs, old, now) -> updatePreview());
        }
        subscriptions.subscribe(history.shownProperty(), entry -> {
            followUp.set(followUpFor(entry));
            upgradeNote.set(entry != null && entry == upgradedEntry ? upgradedText : "");
            if (!request.isBusy()) {
                updateStatus();
            }
        });
        renderer = new ResponseRenderer(history.shownProperty(), executor, subscriptions);
        // The tab's and the engine's texts are read from disk once; off the FX thread, before the view needs them.
        executor.run("http-texts", () -> {
            TEXT.has("send");
            PhaseWords.of(ExchangeListener.DONE);
        }, () -> { });

        restoreResponseChoices();
        restoreHistory();
        updatePreview();
        updateStatus();
    }

    private void restoreResponseChoices() {
        String charsetName = preferences.get(PREF_BODY_CHARSET, "");
        renderer.bodyCharsetProperty().set(CharsetChoice.all().stream()
                .filter(choice -> choice.toString().equals(charsetName)).findFirst().orElse(CharsetChoice.AUTO));
        renderer.prettyJsonProperty().set(preferences.getBoolean(PREF_PRETTY_JSON, true));
    }

    /** A workspace's tab comes back with its history (see {@link HistoryArchive}); stored preferences have none. */
    private void restoreHistory() {
        List<HistoryEntry> saved = HistoryArchive.load(preferences.node(), HISTORY_LIMIT,
                form.options().maxResponseBytes());
        if (saved.isEmpty()) {
            return;
        }
        history.restore(saved);
        long shown = HistoryArchive.shownNumber(preferences.node());
        history.entries().stream().filter(entry -> entry.number() == shown).findFirst()
                .ifPresent(history.shownProperty()::set);
    }

    /** The target from scheme, host and port, or the reason it is not valid. */
    public HttpTarget targetOrThrow() {
        return form.targetOrThrow();
    }

    public Optional<HttpTarget> target() {
        return form.target();
    }

    public RequestOptions options() {
        return form.options();
    }

    private void updatePreview() {
        preview.set(RequestPreview.of(form.text(), form.charset(), form.options(), form.target(),
                bodyFile.chosenProperty().get()));
        hostFix.set(form.hostDisagrees() ? form.target().map(HttpTarget::hostHeaderValue).orElse("") : "");
        if (!request.isBusy()) {
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
                onFailure.accept(TEXT.get("model.fixTargetFirst", e.getMessage()));
            }
            return;
        }
        form.requestTextProperty().set(template.render(current.get()));
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
        form.requestTextProperty().set(HeaderInsertion.insert(form.requestTextProperty().get(), line));
        return true;
    }

    /**
     * Fills scheme, host, port, the request line's path and the Host header from a URL typed or pasted into the URL
     * bar; a URL that is no http(s) URL is refused with the reason in {@link #urlMessageProperty()}.
     *
     * @return the URL as understood (its canonical text), or empty when it was refused
     */
    public Optional<String> applyUrl(String typed) {
        TargetUrl url;
        try {
            url = TargetUrl.parse(typed);
        } catch (IllegalArgumentException e) {
            urlMessage.set(e.getMessage());
            return Optional.empty();
        }
        urlMessage.set("");
        form.applyUrl(url);
        return Optional.of(url.text());
    }

    /** Why the URL bar's text was refused ("" when it was not). */
    public ReadOnlyStringProperty urlMessageProperty() {
        return urlMessage.getReadOnlyProperty();
    }

    public void clearUrlMessage() {
        urlMessage.set("");
    }

    /**
     * Replaces the request with the one a curl command describes (method, URL, headers, data). A command that
     * cannot be read is refused; options with no equivalent here are named. Either way the words are in
     * {@link #curlMessageProperty()}.
     *
     * @return true when the request was replaced
     */
    public boolean importCurl(String command) {
        CurlCommand curl;
        TargetUrl url;
        try {
            curl = CurlCommand.parse(command);
            url = TargetUrl.parse(curl.url());
        } catch (IllegalArgumentException e) {
            curlMessage.set(TEXT.get("curl.refused", e.getMessage()));
            return false;
        }
        form.applyCurl(curl, url);
        curlMessage.set(curl.ignored().isEmpty() ? ""
                : TEXT.get("curl.ignored", String.join("  ", curl.ignored())));
        return true;
    }

    /** What the last curl import refused or left out ("" when all of it was applied). */
    public ReadOnlyStringProperty curlMessageProperty() {
        return curlMessage.getReadOnlyProperty();
    }

    public void clearCurlMessage() {
        curlMessage.set("");
    }

    /** Sets the Host header to the target's value (offered while {@link #hostFixProperty()} is not empty). */
    public void fixHost() {
        form.fixHost();
    }

    /** The Host value the one-click fix would set while the typed Host names another server; "" otherwise. */
    public ReadOnlyStringProperty hostFixProperty() {
        return hostFix.getReadOnlyProperty();
    }

    public void clearHeaderMessage() {
        headerMessage.set("");
    }

    /** Sends the editor text to the target; the result is added to the history and shown. */
    public void send() {
        if (request.isBusy() || request.isClosed()) {
            return;
        }
        HttpTarget target;
        try {
            target = targetOrThrow();
        } catch (IllegalArgumentException e) {
            onFailure.accept(TEXT.get("model.cannotSend", e.getMessage()));
            return;
        }
        if (!form.deadline().isValid()) {
            onFailure.accept(TEXT.get("model.cannotSend", form.deadline().verdict().message()));
            return;
        }
        if (!form.caFile().isValid()) {
            onFailure.accept(TEXT.get("model.cannotSend", form.caFile().verdict().message()));
            return;
        }
        String text = form.text();
        RequestOptions options = options();
        PreparedRequest prepared;
        try {
            prepared = RawRequestBuilder.prepare(text, form.charset(), options, bodyFile.forSending().orElse(null));
        } catch (IOException e) {
            onFailure.accept(TEXT.get("model.bodyFileUnreadable", e.getMessage()));
            return;
        }
        Charset charset = form.charset();
        saveSettings();
        preferences.flush();
        request.send(target, prepared, options, (exchange, failure) -> finished(text, charset, exchange, failure));
    }

    private void finished(String text, Charset charset, HttpExchange exchange, Throwable failure) {
        if (failure != null || exchange == null) {
            onFailure.accept(failure == null ? TEXT.get("model.incomplete") : failure.getMessage());
            updateStatus();
            return;
        }
        counters.count(exchange);
        HistoryEntry entry = history.add(exchange, text, charset);
        request.takeUpgraded().ifPresent(connection -> {
            upgradedEntry = entry;
            upgradedText = webSockets.continueInNewTab(connection).map(tab -> TEXT.get("response.upgraded", tab))
                    .orElse(TEXT.get("response.upgraded.closed"));
        });
        history.shownProperty().set(entry);
        updateStatus();
        // A cancel is the user's own doing: the response area says so, a notification would only nag.
        exchange.failure().filter(message -> !HttpExchanger.isCancellation(message)).ifPresent(onFailure);

    }

    /**
     * Says where the shown exchange's connection went on when the server switched it to WebSocket (a 101 to an
     * upgrade request): the WebSocket tab that continues it. Empty for every other exchange.
     */
    public ReadOnlyStringProperty upgradeNoteProperty() {
        return upgradeNote.getReadOnlyProperty();
    }

    /** Stops the request in flight (its exchange still lands in the history, marked cancelled). */
    public void cancel() {
        request.cancel();
    }

    /** Loads the follow-up request of the shown redirect into the editor (it is not sent). */
    public void followRedirect() {
        followUp.get().ifPresent(next -> {
            form.setTarget(next.target());
            form.requestTextProperty().set(next.requestText());
        });
    }

    /** Puts an earlier request and its target back into the editor (only its head when its body was dropped). */
    public void loadIntoEditor(HistoryEntry entry) {
        if (entry != null) {
            form.setTarget(entry.exchange().target());
            form.requestCharsetProperty().set(entry.requestCharset());
            form.requestTextProperty().set(entry.requestText());
            if (entry.requestTextCut()) {
                onFailure.accept(TEXT.get("model.headOnlyLoaded", entry.number()));
            }
        }
    }

    /** Forgets every finished exchange and deletes their temp files. */
    public void clearHistory() {
        history.clear();
    }

    private Optional<RedirectComposer.FollowUp> followUpFor(HistoryEntry entry) {
        if (entry == null || entry.exchange().response().isEmpty()) {
            return Optional.empty();
        }
        ParsedResponse response = entry.exchange().response().get();
        return RedirectComposer.follow(entry.exchange().target(), entry.requestText(), response);
    }

    private void updateStatus() {
        Optional<HttpTarget> current = target();
        status.setAddresses(current.map(HttpTarget::authority).orElse(""));
        if (request.isBusy()) {
            status.setState(TEXT.get("status.sending", current.map(HttpTarget::origin).orElse("?"),
                    request.progressProperty().get()));
            return;
        }
        HistoryEntry last = history.shownProperty().get();
        if (last == null) {
            status.setState(current.map(t -> TEXT.get("status.ready", t.origin()))
                    .orElse(TEXT.get("status.ready.noTarget")));
            return;
        }
        HttpExchange exchange = last.exchange();
        String outcome = exchange.response().map(ParsedResponse::statusLine).filter(line -> !line.isEmpty())
                .orElse(exchange.failure().orElse(TEXT.get("archive.noStatusLine")));
        status.setState(TEXT.get("status.done", last.method() + " " + last.targetText(), outcome,
                Formats.bytes(exchange.bytesReceived()), DurationText.of(exchange.timing().total())));
    }

    /** Nothing runs until the first Send: the exchanger starts a thread per request. */
    @Override
    public void activate() {
    }

    /** Closes the kept-alive connection and cancels a request in flight (off the FX thread). */
    @Override
    public void stop() {
        request.stop();
    }

    /** Saves the settings, closes the exchanger and deletes every kept exchange's temp files. */
    @Override
    public void dispose() {
        if (request.isClosed()) {
            return;
        }
        savePreferences();
        List<HistoryEntry> all = history.forgetAll();
        request.close(() -> all.forEach(entry -> entry.exchange().close()));
    }

    /**
     * Remembers target, request, options (the CA file too), history budgets and the response view's charset and
     * pretty choice; never the insecure-TLS switch. A workspace's in-memory node also gets the history
     * ({@link HistoryArchive}); stored preferences do not (they keep at most 8 KiB a value, and the history is the
     * workspace's to keep).
     */
    public void savePreferences() {
        saveSettings();
        if (MemoryPreferences.holdsAnyLength(preferences.node())) {
            try {
                HistoryArchive.save(preferences.node(), history.entries(), history.shownProperty().get(),
                        archiveCache);
            } catch (BackingStoreException | IllegalStateException e) {
                onFailure.accept(TEXT.get("model.historyNotSaved", e.getMessage()));
            }
        }
        preferences.flush();
    }

    private void saveSettings() {
        form.save();
        budgets.save();
        CharsetChoice charset = renderer.bodyCharsetProperty().get();
        preferences.put(PREF_BODY_CHARSET, (charset == null ? CharsetChoice.AUTO : charset).toString());
        preferences.putBoolean(PREF_PRETTY_JSON, renderer.prettyJsonProperty().get());
    }

    public void setOnFailure(Consumer<String> onFailure) {
        this.onFailure = onFailure;
    }

    @Override
    public TabStatus status() {
        return status;
    }

    public ObjectProperty<String> schemeProperty() {
        return form.schemeProperty();
    }

    /** The server's host as typed, and the verdict on it. */
    public HostInput host() {
        return form.host();
    }

    /** The server's port as typed, and the verdict on it (the scheme's default follows the scheme). */
    public PortInput port() {
        return form.port();
    }

    /** True while Send may start: nothing in flight, host, port, deadline and (for https) the CA file valid. */
    public ObservableBooleanValue canSendProperty() {
        return canSend;
    }

    public StringProperty requestTextProperty() {
        return form.requestTextProperty();
    }

    public ObjectProperty<Charset> requestCharsetProperty() {
        return form.requestCharsetProperty();
    }

    public BooleanProperty fixContentLengthProperty() {
        return form.fixContentLengthProperty();
    }

    public BooleanProperty normalizeCrlfProperty() {
        return form.normalizeCrlfProperty();
    }

    public BooleanProperty keepAliveProperty() {
        return form.keepAliveProperty();
    }

    /** Accept any certificate. Shown in red while on; never saved. */
    public BooleanProperty insecureTlsProperty() {
        return form.insecureTlsProperty();
    }

    public ObjectProperty<Integer> readTimeoutSecondsProperty() {
        return form.readTimeoutSecondsProperty();
    }

    public ObjectProperty<Integer> maxResponseMiBProperty() {
        return form.maxResponseMiBProperty();
    }

    /** The overall deadline of an exchange: on or off, the seconds as typed and the verdict on them. */
    DeadlineInput deadline() {
        return form.deadline();
    }

    /** The extra CA file trusted for https besides the system's certificates, and the verdict on it. */
    CaFileInput caFile() {
        return form.caFile();
    }

    /** A file whose bytes are sent as the body instead of the editor's body text. */
    BodyFileChoice bodyFile() {
        return bodyFile;
    }

    /** The history's heap and temp-file budgets as typed, with their verdicts. */
    HistoryBudgets historyBudgets() {
        return budgets;
    }

    /** What the kept exchanges cost against the two budgets. */
    ReadOnlyObjectProperty<ExchangeHistory.Usage> historyUsageProperty() {
        return history.usageProperty();
    }

    public ReadOnlyObjectProperty<RequestPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** Why the header helper refused the last name/value ("" when it did not). */
    public ReadOnlyStringProperty headerMessageProperty() {
        return headerMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return request.busyProperty();
    }

    /** "Receiving · 1.2 MiB" while a request runs; "Done in 12.3 ms" after. */
    public ReadOnlyStringProperty progressProperty() {
        return request.progressProperty();
    }

    /** Finished exchanges, newest first, at most {@value #HISTORY_LIMIT}. */
    public ObservableList<HistoryEntry> history() {
        return history.entries();
    }

    /** The exchange the response area shows. */
    public ObjectProperty<HistoryEntry> shownProperty() {
        return history.shownProperty();
    }

    /** How the shown body and raw text are decoded: Auto (the Content-Type's charset, else UTF-8) or a fixed one. */
    ObjectProperty<CharsetChoice> bodyCharsetProperty() {
        return renderer.bodyCharsetProperty();
    }

    /** Indent JSON bodies (when the whole body fits the text view). */
    public BooleanProperty prettyJsonProperty() {
        return renderer.prettyJsonProperty();
    }

    /** The shown exchange's body and raw text as decoded with the chosen charset; null while none is shown. */
    ReadOnlyObjectProperty<RenderedResponse> renderedProperty() {
        return renderer.renderedProperty();
    }

    /** The request that follows the shown redirect, when it is one. */
    public ReadOnlyObjectProperty<Optional<RedirectComposer.FollowUp>> followUpProperty() {
        return followUp.getReadOnlyProperty();
    }
}
