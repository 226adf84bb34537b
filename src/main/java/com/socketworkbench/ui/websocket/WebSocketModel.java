// Over 400 lines: the WebSocket tab's one view model, a third of it one-line accessors the view binds to.
package com.socketworkbench.ui.websocket;

import static com.socketworkbench.ui.websocket.WebSocketTab.TEXT;

import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.http.UpgradedConnection;
import com.socketworkbench.engine.websocket.CloseCodes;
import com.socketworkbench.engine.websocket.Direction;
import com.socketworkbench.engine.websocket.MessageAssembler;
import com.socketworkbench.engine.websocket.WsEvent;
import com.socketworkbench.engine.websocket.WsOptions;
import com.socketworkbench.engine.websocket.WsSession;
import com.socketworkbench.engine.websocket.WsUrl;
import com.socketworkbench.ui.fx.RingObservableList;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.UiExecutor;
import com.socketworkbench.ui.input.ByteSizeInput;
import com.socketworkbench.ui.input.InputVerdict;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.MergedTrafficSource;
import com.socketworkbench.ui.tab.TabModel;
import com.socketworkbench.ui.tab.TabStatus;
import com.socketworkbench.ui.tls.CaFileInput;
import com.socketworkbench.ui.traffic.Formats;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableObjectValue;
import javafx.collections.ObservableList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The WebSocket tab's state and actions: the connection settings ({@link WsConnectionSettings}), the send bar
 * ({@link WsSendBar}), the session, the handshake as sent and received ({@link WsHandshakeDetails}), the timeline
 * rows and the counters. Engine events arrive through a {@link WsEventQueue} and are applied once per frame. FX
 * thread only.
 */
public final class WebSocketModel implements TabModel, MergedTrafficSource {
    /** Rows the timeline keeps; older ones are dropped. */
    public static final int MAX_ROWS = 10_000;
    /** Payload bytes the timeline keeps over all its rows; older rows are dropped beyond it. */
    public static final long PAYLOAD_BUDGET = 64L * 1024 * 1024;
    static final String DEFAULT_URL = WsConnectionSettings.DEFAULT_URL;
    /** How long a tab that is closed, or an app that quits, waits for the server's answer to its 1001. */
    static final Duration GOING_AWAY_WAIT = Duration.ofSeconds(1);
    /** The close reason on the wire when the tab goes away: for the server's log, so not translated. */
    static final String GOING_AWAY_REASON = "going away";
    static final String GOING_AWAY_THREAD = "ws-going-away";
    /** The folder of the last export, where Export offers to save next; kept with the workspace. */
    static final String KEY_EXPORT_FOLDER = "exportFolder";
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketModel.class);

    /** Where the connection is. */
    public enum Phase { IDLE, CONNECTING, OPEN, CLOSING }

    private final AppPreferences preferences;
    private final WsEventQueue queue;
    private final WsMergedTraffic merged = new WsMergedTraffic();
    private final WsConnectionSettings settings;
    private final WsSendBar sendBar;
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.IDLE);
    private final WsHandshakeDetails handshake = new WsHandshakeDetails();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final LongProperty framesIn = new SimpleLongProperty(this, "framesIn");
    private final LongProperty framesOut = new SimpleLongProperty(this, "framesOut");
    private final LongProperty bytesIn = new SimpleLongProperty(this, "bytesIn");
    private final LongProperty bytesOut = new SimpleLongProperty(this, "bytesOut");
    private final RingObservableList<FrameRow> rows = new RingObservableList<>(MAX_ROWS);
    private final WsFrameFilter filter;
    private final WsFileSend fileSend;
    private final UiExecutor executor;
    private final TabStatus status = new TabStatus();
    private KeyStore trustStore;
    private WsSession session;
    /** The session {@link #stop} sent its going-away close on; null when none. */
    private WsSession goingAway;
    private WsUrl target;
    private long nextNumber = 1;
    private long keptBytes;

    public WebSocketModel(AppPreferences preferences, UiExecutor executor, Subscriptions subscriptions) {
        this.preferences = preferences;
        this.queue = new WsEventQueue(executor, this::apply);
        this.settings = new WsConnectionSettings(preferences, subscriptions);
        this.sendBar = new WsSendBar(preferences, subscriptions);
        this.executor = executor;
        this.filter = new WsFrameFilter(rows, executor, subscriptions);
        this.fileSend = new WsFileSend(executor);
        subscriptions.subscribe(settings.autoPong(), on -> {
            if (session != null) {
                session.setAutoPong(on);
            }
        });
        subscriptions.subscribe(phase, now -> updateStatus());
        updateStatus();
    }

    // ---------------------------------------------------------------- state

    public StringProperty urlProperty() {
        return settings.url();
    }

    public StringProperty headersProperty() {
        return settings.headers();
    }

    public StringProperty protocolsProperty() {
        return settings.protocols();
    }

    /** Accept any certificate for the next connection; never saved. */
    public BooleanProperty insecureProperty() {
        return settings.insecure();
    }

    public BooleanProperty autoPongProperty() {
        return settings.autoPong();
    }

    public ObjectProperty<SendKind> sendKindProperty() {
        return sendBar.sendKind();
    }

    public StringProperty payloadProperty() {
        return sendBar.payload();
    }

    /** Whether a ping or pong payload is hex bytes rather than UTF-8 text (saved with the workspace). */
    public BooleanProperty controlHexProperty() {
        return sendBar.controlHex();
    }

    /** Whether the payload box reads hex now: a binary message, or a ping or pong with hex on. */
    public boolean payloadIsHex() {
        return sendBar.payloadIsHex();
    }

    public StringProperty fragmentProperty() {
        return sendBar.fragment();
    }

    /** The expert send: one frame built bit by bit and sent as set, RFC 6455 or not (never saved). */
    public BooleanProperty expertProperty() {
        return sendBar.expert();
    }

    public BooleanProperty finProperty() {
        return sendBar.fin();
    }

    public BooleanProperty rsv1Property() {
        return sendBar.rsv1();
    }

    public BooleanProperty rsv2Property() {
        return sendBar.rsv2();
    }

    public BooleanProperty rsv3Property() {
        return sendBar.rsv3();
    }

    /** The expert frame's opcode, 0–15; follows the kind chosen until changed. */
    public ObjectProperty<Integer> rawOpcodeProperty() {
        return sendBar.rawOpcode();
    }

    public BooleanProperty maskProperty() {
        return sendBar.mask();
    }

    public StringProperty closeCodeProperty() {
        return sendBar.closeCode();
    }

    public StringProperty closeReasonProperty() {
        return sendBar.closeReason();
    }

    /** The close code as typed, judged while Close is the kind to send. */
    public ObservableObjectValue<InputVerdict> closeCodeVerdictProperty() {
        return sendBar.closeCodeVerdict();
    }

    /** The close reason as typed, judged while Close is the kind to send. */
    public ObservableObjectValue<InputVerdict> closeReasonVerdictProperty() {
        return sendBar.closeReasonVerdict();
    }

    /** The largest frame payload read ("16 MiB"), judged as typed. */
    /** The extra CA file wss is verified against beside the system's trust store. */
    public CaFileInput caFileInput() {
        return settings.caFile();
    }

    public ByteSizeInput maxFrameInput() {
        return settings.maxFrame();
    }

    /** The largest message put together ("16 MiB"), judged as typed. */
    public ByteSizeInput maxMessageInput() {
        return settings.maxMessage();
    }

    public StringProperty urlErrorProperty() {
        return settings.urlError();
    }

    public StringProperty headersErrorProperty() {
        return settings.headersError();
    }

    /** A warning that a typed header replaces one the handshake writes (Host, Sec-WebSocket-Version); "" when none. */
    public StringProperty headersNoteProperty() {
        return settings.headersNote();
    }

    public StringProperty sendErrorProperty() {
        return sendBar.sendError();
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public Phase phase() {
        return phase.get();
    }

    public ReadOnlyStringProperty handshakeRequestProperty() {
        return handshake.request().getReadOnlyProperty();
    }

    public ReadOnlyStringProperty handshakeResponseProperty() {
        return handshake.response().getReadOnlyProperty();
    }

    /** "Sec-WebSocket-Accept: expected …, received …" with the outcome; "" before a response. */
    public ReadOnlyStringProperty acceptCheckProperty() {
        return handshake.acceptCheck().getReadOnlyProperty();
    }

    /** Whether the accept value matched; null before a response. */
    public ReadOnlyObjectProperty<Boolean> acceptMatchesProperty() {
        return handshake.acceptMatches().getReadOnlyProperty();
    }

    /** The handshake's verdicts in words ("" when all is well). */
    public ReadOnlyStringProperty handshakeVerdictProperty() {
        return handshake.verdict().getReadOnlyProperty();
    }

    /** The TLS details of a wss connection ("" for ws). */
    public ReadOnlyStringProperty tlsProperty() {
        return handshake.tls().getReadOnlyProperty();
    }

    /** Why the last connection failed or ended badly; "" otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public LongProperty framesInProperty() {
        return framesIn;
    }

    public LongProperty framesOutProperty() {
        return framesOut;
    }

    public LongProperty bytesInProperty() {
        return bytesIn;
    }

    public LongProperty bytesOutProperty() {
        return bytesOut;
    }

    public ObservableList<FrameRow> rows() {
        return rows;
    }

    /** The timeline's filter and the rows it shows. */
    WsFrameFilter filter() {
        return filter;
    }

    /** The send bar's File… action and what it last did. */
    WsFileSend fileSend() {
        return fileSend;
    }

    /** Trust exactly these certificates for wss instead of the platform's (a test's own CA). */
    public void setTrustStore(KeyStore store) {
        this.trustStore = store;
    }

    // ---------------------------------------------------------------- actions

    /** Connect while idle; while connected, start the close handshake (1000); while connecting, give up. */
    public void toggleConnection() {
        switch (phase.get()) {
            case IDLE -> connect();
            case OPEN -> {
                try {
                    session.close(CloseCodes.NORMAL, "");
                    phase.set(Phase.CLOSING);
                } catch (IllegalStateException closingAlready) {
                    // The server's close crossed ours and its events are still queued: drop the connection.
                    session.abort();
                }
            }
            case CONNECTING, CLOSING -> session.abort();
        }
    }

    /** Checks the fields and opens a session; a field that is wrong gets its message and nothing happens. */
    public void connect() {
        if (phase.get() != Phase.IDLE) {
            return;
        }
        WsOptions options = settings.checkedOptions();
        if (options == null) {
            return;
        }
        target = options.url();
        if (trustStore != null) {
            options = options.withTrustStore(trustStore);
        }
        handshake.clear();
        problem.set("");
        phase.set(Phase.CONNECTING);
        session = WsSession.open(options, this::fromSession);
        session.setAutoPong(settings.autoPong().get());
    }

    /**
     * Continues {@code connection}, which the HTTP tab's upgrade request switched to WebSocket, in this idle tab: the
     * fields take the request's URL, headers and subprotocols (so Connect later asks the same), and the session shows
     * the handshake as it went, then its frames.
     */
    public void adopt(UpgradedConnection connection) {
        if (phase.get() != Phase.IDLE) {
            connection.close();
            return;
        }
        WsOptions options = settings.withLimits(WsOptions.continuing(connection));
        settings.url().set(options.url().toString());
        settings.headers().set(options.headers().stream().map(h -> h.name() + ": " + h.value())
                .collect(java.util.stream.Collectors.joining("\n")));
        settings.protocols().set(String.join(", ", options.protocols()));
        target = options.url();
        handshake.clear();
        problem.set("");
        phase.set(Phase.CONNECTING);
        session = WsSession.adopt(connection, options, this::fromSession);
        session.setAutoPong(settings.autoPong().get());
    }

    /** The previous send back in the send bar (▲, Alt+Up). */
    public void historyPrevious() {
        sendBar.historyPrevious();
    }

    /** The next send, or past the newest what was being typed (▼, Alt+Down). */
    public void historyNext() {
        sendBar.historyNext();
    }

    /** Sends what the send bar holds; a problem with it is shown at the bar and nothing is sent. */
    public void send() {
        if (sendBar.sendOn(phase.get() == Phase.OPEN ? session : null)) {
            phase.set(Phase.CLOSING);
        }
    }

    /**
     * Sends {@code file}'s bytes as one binary message, fragmented as the send bar says, refused above the message
     * limit; a problem is shown at the bar.
     */
    public void sendFile(Path file) {
        sendBar.sendError().set("");
        int fragment;
        try {
            fragment = sendBar.fragmentSize();
        } catch (IllegalArgumentException e) {
            sendBar.sendError().set(e.getMessage());
            return;
        }
        long limit = settings.maxMessage().bytes() >= 0 ? settings.maxMessage().bytes()
                : MessageAssembler.DEFAULT_MAX_MESSAGE;
        fileSend.send(file, phase.get() == Phase.OPEN ? session : null, limit, fragment, sendBar.sendError()::set);
    }

    /**
     * Writes all the rows kept, or only those the filter shows, to {@code target} off the FX thread; then
     * {@code done} gets the words for the notification bar, or {@code failed} why it did not work.
     */
    /** Where Export offers to save: the folder of the last export, or the user's home. */
    Path exportFolder() {
        return preferences.folder(KEY_EXPORT_FOLDER);
    }

    void rememberExportFolder(Path folder) {
        preferences.put(KEY_EXPORT_FOLDER, folder.toAbsolutePath().toString());
    }

    public void export(WsFrameExport.Format format, boolean shownOnly, Path target, Consumer<String> done,
                       Consumer<String> failed) {
        List<FrameRow> chosen = shownOnly ? filter.shownNow() : filter.allNow();
        executor.run("ws-export", () -> WsFrameExport.write(chosen, target, format),
                count -> done.accept(TEXT.get("export.done", count, target)),
                failure -> {
                    Throwable cause = UiExecutor.unwrap(failure);
                    LOG.warn("WebSocket export to {} failed", target, cause);
                    failed.accept(TEXT.get("export.failed", String.valueOf(cause.getMessage())));
                });
    }

    /** Empties the timeline and the counters. */
    public void clear() {
        rows.clear();
        keptBytes = 0;
        framesIn.set(0);
        framesOut.set(0);
        bytesIn.set(0);
        bytesOut.set(0);
        updateStatus();
    }

    // ---------------------------------------------------------------- events

    /** A session's event, on its thread: counted for All Traffic at once, applied on the next frame. */
    private void fromSession(WsEvent event) {
        merged.count(event);
        queue.accept(event);
    }

    /** Applies one frame's events (FX thread). */
    void apply(List<WsEvent> batch) {
        List<FrameRow> added = new java.util.ArrayList<>();
        for (WsEvent event : batch) {
            FrameRow row = toRow(event);
            if (row != null) {
                added.add(row);
            }
        }
        append(added);
        updateStatus();
        merged.applied(batch);
    }

    /** Each session is one connection in All Traffic (see {@link WsMergedTraffic}). */
    @Override
    public void feedMergedTraffic(EventSink sockets, Consumer<List<NetEvent>> batches, Runnable rowsShown) {
        merged.feed(sockets, batches, rowsShown);
    }

    private FrameRow toRow(WsEvent event) {
        Instant time = event.time();
        return switch (event) {
            case WsEvent.Connecting connecting -> FrameRow.note(nextNumber++, time,
                    TEXT.get("row.connecting", connecting.url()), false);
            case WsEvent.Continuing continuing -> FrameRow.note(nextNumber++, time, TEXT.get("row.continuing",
                    continuing.url(), continuing.local(), continuing.remote()), false);
            case WsEvent.TlsEstablished established -> FrameRow.note(nextNumber++, time,
                    handshake.tlsEstablished(established.info()), false);
            case WsEvent.HandshakeSent sent -> {
                handshake.sent(sent.raw());
                yield null;
            }
            case WsEvent.HandshakeReceived received -> {
                handshake.received(received.raw(), received.check());
                yield null;
            }
            case WsEvent.Opened opened -> {
                phase.set(Phase.OPEN);
                yield FrameRow.note(nextNumber++, time, opened.protocol().isEmpty()
                        ? TEXT.get("row.opened") : TEXT.get("row.opened.protocol", opened.protocol()), false);
            }
            case WsEvent.Frame frame -> {
                FrameRow row = FrameRow.frame(nextNumber++, time, frame.direction(), frame.frame(),
                        frame.verdicts(), frame.messageOpcode(), frame.inflated());
                if (frame.direction() == Direction.IN) {
                    framesIn.set(framesIn.get() + 1);
                    bytesIn.set(bytesIn.get() + row.wireBytes());
                } else {
                    framesOut.set(framesOut.get() + 1);
                    bytesOut.set(bytesOut.get() + row.wireBytes());
                }
                yield row;
            }
            case WsEvent.Message message -> FrameRow.message(nextNumber++, time, message.direction(),
                    message.message());
            case WsEvent.Failed failed -> {
                ended();
                problem.set(failed.reason());
                yield FrameRow.note(nextNumber++, time, failed.reason(), true);
            }
            case WsEvent.Closed closed -> {
                ended();
                if (!closed.clean()) {
                    problem.set(closed.reason());
                }
                yield FrameRow.note(nextNumber++, time, closed.reason(), !closed.clean());
            }
        };
    }

    private void ended() {
        phase.set(Phase.IDLE);
        session = null;
        goingAway = null;
    }

    private void append(List<FrameRow> added) {
        if (added.isEmpty()) {
            return;
        }
        // Only the newest rows of a huge batch can stay.
        List<FrameRow> kept = added.size() > MAX_ROWS ? added.subList(added.size() - MAX_ROWS, added.size()) : added;
        long addedBytes = kept.stream().mapToLong(row -> row.payload().length).sum();
        int drop = Math.max(0, rows.size() + kept.size() - MAX_ROWS);
        long bytesAfter = keptBytes + addedBytes;
        for (int i = 0; i < drop; i++) {
            bytesAfter -= rows.get(i).payload().length;
        }
        while (bytesAfter > PAYLOAD_BUDGET && drop < rows.size()) {
            bytesAfter -= rows.get(drop).payload().length;
            drop++;
        }
        rows.removeFirst(drop);
        rows.addAll(kept);
        keptBytes = bytesAfter;
    }

    private void updateStatus() {
        String where = target == null ? "" : target.toString();
        status.setAddresses(target == null ? "" : target.authority());
        status.setState(switch (phase.get()) {
            case IDLE -> TEXT.get("state.idle");
            case CONNECTING -> TEXT.get("state.connecting", where);
            case OPEN -> TEXT.get("state.open", where);
            case CLOSING -> TEXT.get("state.closing", where);
        });
        status.setCounters(bytesIn.get(), bytesOut.get(), framesIn.get(), framesOut.get());
    }

    /** "12 frames, 345 B in · 10 frames, 300 B out". */
    String countersText() {
        return TEXT.get("counters", String.valueOf(framesIn.get()), Formats.bytes(bytesIn.get()),
                String.valueOf(framesOut.get()), Formats.bytes(bytesOut.get()));
    }

    // ---------------------------------------------------------------- TabModel

    @Override
    public void activate() {
        updateStatus();
    }

    /**
     * Closes the connection as a tab that goes away should (closing the tab, quitting): an open connection gets a
     * close 1001 "going away" and {@link #GOING_AWAY_WAIT} for the server's answer before TCP is dropped, so the
     * server sees a clean close rather than a 1006; one still connecting is dropped at once. Returns at once: the
     * wait happens on a thread of its own. A second call (dispose after stop) leaves the close under way alone.
     */
    @Override
    public void stop() {
        WsSession leaving = session;
        if (leaving == null || leaving == goingAway) {
            return;
        }
        goingAway = leaving;
        switch (phase.get()) {
            case OPEN -> {
                try {
                    leaving.close(CloseCodes.GOING_AWAY, GOING_AWAY_REASON);
                } catch (IllegalStateException closingAlready) {
                    // The server's close crossed ours: the session is answering it and ends by itself.
                    LOG.debug("The server's close came first; waiting for it to finish");
                }
                dropUnlessEnded(leaving);
            }
            // Our close is out already: its answer gets the same short wait, not the full close timeout.
            case CLOSING -> dropUnlessEnded(leaving);
            case CONNECTING, IDLE -> leaving.abort();
        }
    }

    /**
     * Waits up to {@link #GOING_AWAY_WAIT} for {@code leaving} to end, then drops it. A platform thread that is not
     * a daemon: the JVM waits for it when the app quits, so the close frame reaches the wire (the session's own
     * threads are daemons), and the FX thread never waits.
     */
    private static void dropUnlessEnded(WsSession leaving) {
        Thread.ofPlatform().daemon(false).name(GOING_AWAY_THREAD).start(() -> {
            try {
                if (!leaving.awaitEnd(GOING_AWAY_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.debug("No answer to the going-away close within {}; dropping the connection",
                            GOING_AWAY_WAIT);
                    leaving.abort();
                }
            } catch (InterruptedException e) {
                leaving.abort();
                Thread.currentThread().interrupt();
            }
        });
    }

    @Override
    public void dispose() {
        stop();
        queue.dispose();
    }

    @Override
    public TabStatus status() {
        return status;
    }

    @Override
    public void savePreferences() {
        settings.save(preferences);
        sendBar.save(preferences);
    }
}
