package com.socketworkbench.ui.websocket;

import static com.socketworkbench.ui.websocket.WebSocketTab.TEXT;

import com.socketworkbench.engine.codec.HexCodec;
import com.socketworkbench.engine.codec.PayloadFormatException;
import com.socketworkbench.engine.http.TlsInfo;
import com.socketworkbench.engine.websocket.CloseCodes;
import com.socketworkbench.engine.websocket.Direction;
import com.socketworkbench.engine.websocket.HandshakeCheck;
import com.socketworkbench.engine.websocket.WsEvent;
import com.socketworkbench.engine.websocket.WsHeader;
import com.socketworkbench.engine.websocket.WsOptions;
import com.socketworkbench.engine.websocket.WsSession;
import com.socketworkbench.engine.websocket.WsUrl;
import com.socketworkbench.engine.websocket.WsVerdict;
import com.socketworkbench.ui.fx.RingObservableList;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.UiExecutor;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.TabModel;
import com.socketworkbench.ui.tab.TabStatus;
import com.socketworkbench.ui.traffic.Formats;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The WebSocket tab's state and actions: the URL, extra headers and subprotocols (saved with the workspace), the
 * insecure switch (per connection, never saved), the session, the handshake as sent and received with its accept
 * check, the timeline rows and the counters. Engine events arrive through a {@link WsEventQueue} and are applied
 * once per frame. FX thread only.
 */
public final class WebSocketModel implements TabModel {
    /** Rows the timeline keeps; older ones are dropped. */
    public static final int MAX_ROWS = 10_000;
    /** Payload bytes the timeline keeps over all its rows; older rows are dropped beyond it. */
    public static final long PAYLOAD_BUDGET = 64L * 1024 * 1024;
    static final String DEFAULT_URL = "ws://127.0.0.1:8080/";
    private static final String KEY_URL = "url";
    private static final String KEY_HEADERS = "headers";
    private static final String KEY_PROTOCOLS = "protocols";
    private static final String KEY_AUTO_PONG = "autoPong";
    private static final String KEY_FRAGMENT = "fragment";

    /** Where the connection is. */
    public enum Phase { IDLE, CONNECTING, OPEN, CLOSING }

    private final AppPreferences preferences;
    private final WsEventQueue queue;
    private final StringProperty url = new SimpleStringProperty(this, "url");
    private final StringProperty headers = new SimpleStringProperty(this, "headers");
    private final StringProperty protocols = new SimpleStringProperty(this, "protocols");
    private final BooleanProperty insecure = new SimpleBooleanProperty(this, "insecure");
    private final BooleanProperty autoPong = new SimpleBooleanProperty(this, "autoPong", true);
    private final ObjectProperty<SendKind> sendKind = new SimpleObjectProperty<>(this, "sendKind",
            SendKind.TEXT_MESSAGE);
    private final StringProperty payload = new SimpleStringProperty(this, "payload", "");
    private final StringProperty fragment = new SimpleStringProperty(this, "fragment", "");
    private final StringProperty closeCode = new SimpleStringProperty(this, "closeCode", "1000");
    private final StringProperty closeReason = new SimpleStringProperty(this, "closeReason", "");
    private final StringProperty urlError = new SimpleStringProperty(this, "urlError", "");
    private final StringProperty headersError = new SimpleStringProperty(this, "headersError", "");
    private final StringProperty sendError = new SimpleStringProperty(this, "sendError", "");
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.IDLE);
    private final ReadOnlyStringWrapper handshakeRequest = new ReadOnlyStringWrapper(this, "handshakeRequest", "");
    private final ReadOnlyStringWrapper handshakeResponse = new ReadOnlyStringWrapper(this, "handshakeResponse", "");
    private final ReadOnlyStringWrapper acceptCheck = new ReadOnlyStringWrapper(this, "acceptCheck", "");
    private final ReadOnlyObjectWrapper<Boolean> acceptMatches = new ReadOnlyObjectWrapper<>(this, "acceptMatches");
    private final ReadOnlyStringWrapper handshakeVerdict = new ReadOnlyStringWrapper(this, "handshakeVerdict", "");
    private final ReadOnlyStringWrapper tls = new ReadOnlyStringWrapper(this, "tls", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final LongProperty framesIn = new SimpleLongProperty(this, "framesIn");
    private final LongProperty framesOut = new SimpleLongProperty(this, "framesOut");
    private final LongProperty bytesIn = new SimpleLongProperty(this, "bytesIn");
    private final LongProperty bytesOut = new SimpleLongProperty(this, "bytesOut");
    private final RingObservableList<FrameRow> rows = new RingObservableList<>(MAX_ROWS);
    private final TabStatus status = new TabStatus();
    private KeyStore trustStore;
    private WsSession session;
    private WsUrl target;
    private long nextNumber = 1;
    private long keptBytes;

    public WebSocketModel(AppPreferences preferences, UiExecutor executor, Subscriptions subscriptions) {
        this.preferences = preferences;
        this.queue = new WsEventQueue(executor, this::apply);
        url.set(preferences.get(KEY_URL, DEFAULT_URL));
        headers.set(preferences.get(KEY_HEADERS, ""));
        protocols.set(preferences.get(KEY_PROTOCOLS, ""));
        autoPong.set(preferences.getBoolean(KEY_AUTO_PONG, true));
        fragment.set(preferences.get(KEY_FRAGMENT, ""));
        // Each field says what is wrong with it as it is typed; an empty URL is only reported at Connect.
        subscriptions.subscribe(url, typed -> urlError.set(typed == null || typed.isBlank() ? ""
                : checkUrl(typed)));
        subscriptions.subscribe(headers, typed -> checkHeaders());
        subscriptions.subscribe(protocols, typed -> checkHeaders());
        subscriptions.subscribe(autoPong, on -> {
            if (session != null) {
                session.setAutoPong(on);
            }
        });
        subscriptions.subscribe(payload, typed -> sendError.set(""));
        subscriptions.subscribe(sendKind, kind -> sendError.set(""));
        subscriptions.subscribe(phase, now -> updateStatus());
        updateStatus();
    }

    // ---------------------------------------------------------------- state

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty headersProperty() {
        return headers;
    }

    public StringProperty protocolsProperty() {
        return protocols;
    }

    /** Accept any certificate for the next connection; never saved. */
    public BooleanProperty insecureProperty() {
        return insecure;
    }

    public BooleanProperty autoPongProperty() {
        return autoPong;
    }

    public ObjectProperty<SendKind> sendKindProperty() {
        return sendKind;
    }

    public StringProperty payloadProperty() {
        return payload;
    }

    public StringProperty fragmentProperty() {
        return fragment;
    }

    public StringProperty closeCodeProperty() {
        return closeCode;
    }

    public StringProperty closeReasonProperty() {
        return closeReason;
    }

    public StringProperty urlErrorProperty() {
        return urlError;
    }

    public StringProperty headersErrorProperty() {
        return headersError;
    }

    public StringProperty sendErrorProperty() {
        return sendError;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public Phase phase() {
        return phase.get();
    }

    public ReadOnlyStringProperty handshakeRequestProperty() {
        return handshakeRequest.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty handshakeResponseProperty() {
        return handshakeResponse.getReadOnlyProperty();
    }

    /** "Sec-WebSocket-Accept: expected …, received …" with the outcome; "" before a response. */
    public ReadOnlyStringProperty acceptCheckProperty() {
        return acceptCheck.getReadOnlyProperty();
    }

    /** Whether the accept value matched; null before a response. */
    public ReadOnlyObjectProperty<Boolean> acceptMatchesProperty() {
        return acceptMatches.getReadOnlyProperty();
    }

    /** The handshake's verdicts in words ("" when all is well). */
    public ReadOnlyStringProperty handshakeVerdictProperty() {
        return handshakeVerdict.getReadOnlyProperty();
    }

    /** The TLS details of a wss connection ("" for ws). */
    public ReadOnlyStringProperty tlsProperty() {
        return tls.getReadOnlyProperty();
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
        String typed = url.get() == null ? "" : url.get();
        String urlProblem = checkUrl(typed);
        urlError.set(urlProblem);
        checkHeaders();
        if (!urlProblem.isEmpty() || !headersError.get().isEmpty()) {
            return;
        }
        target = WsUrl.parse(typed);
        WsOptions options = WsOptions.of(target, WsHeader.parseLines(headers.get()),
                WsHeader.parseProtocols(protocols.get()), target.secure() && insecure.get());
        if (trustStore != null) {
            options = options.withTrustStore(trustStore);
        }
        handshakeRequest.set("");
        handshakeResponse.set("");
        acceptCheck.set("");
        acceptMatches.set(null);
        handshakeVerdict.set("");
        tls.set("");
        problem.set("");
        phase.set(Phase.CONNECTING);
        session = WsSession.open(options, queue);
        session.setAutoPong(autoPong.get());
    }

    /** Sends what the send bar holds; a problem with it is shown at the bar and nothing is sent. */
    public void send() {
        sendError.set("");
        if (session == null || phase.get() != Phase.OPEN) {
            sendError.set(TEXT.get("send.error.notOpen"));
            return;
        }
        try {
            switch (sendKind.get()) {
                case TEXT_MESSAGE -> session.sendText(payload.get(), fragmentSize());
                case BINARY_MESSAGE -> session.sendBinary(HexCodec.parse(payload.get()), fragmentSize());
                case PING -> session.sendPing(controlPayload());
                case PONG -> session.sendPong(controlPayload());
                case CLOSE -> {
                    int code = checkedCloseCode();
                    String reason = closeReason.get() == null ? "" : closeReason.get();
                    if (reason.getBytes(StandardCharsets.UTF_8).length > 123) {
                        throw new IllegalArgumentException(TEXT.get("send.error.reason",
                                reason.getBytes(StandardCharsets.UTF_8).length));
                    }
                    session.close(code, reason);
                    phase.set(Phase.CLOSING);
                }
            }
        } catch (PayloadFormatException e) {
            sendError.set(TEXT.get("send.error.hex", e.getMessage()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            sendError.set(e.getMessage());
        }
    }

    private int fragmentSize() {
        String typed = fragment.get() == null ? "" : fragment.get().strip();
        if (typed.isEmpty()) {
            return 0;
        }
        try {
            int size = Integer.parseInt(typed);
            if (size < 1) {
                throw new NumberFormatException();
            }
            return size;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(TEXT.get("send.error.fragment", typed));
        }
    }

    private byte[] controlPayload() {
        byte[] data = (payload.get() == null ? "" : payload.get()).getBytes(StandardCharsets.UTF_8);
        if (data.length > 125) {
            throw new IllegalArgumentException(TEXT.get("send.error.control", data.length));
        }
        return data;
    }

    private int checkedCloseCode() {
        String typed = closeCode.get() == null ? "" : closeCode.get().strip();
        int code;
        try {
            code = Integer.parseInt(typed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(TEXT.get("send.error.closeCode.number", typed));
        }
        if (!CloseCodes.isValidOnWire(code)) {
            throw new IllegalArgumentException(TEXT.get("send.error.closeCode.range", code));
        }
        return code;
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

    private static String checkUrl(String typed) {
        try {
            WsUrl.parse(typed);
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private void checkHeaders() {
        try {
            WsHeader.parseLines(headers.get());
            WsHeader.parseProtocols(protocols.get());
            headersError.set("");
        } catch (IllegalArgumentException e) {
            headersError.set(e.getMessage());
        }
    }

    // ---------------------------------------------------------------- events

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
    }

    private FrameRow toRow(WsEvent event) {
        Instant time = event.time();
        return switch (event) {
            case WsEvent.Connecting connecting -> FrameRow.note(nextNumber++, time,
                    TEXT.get("row.connecting", connecting.url()), false);
            case WsEvent.TlsEstablished established -> {
                tls.set(describe(established.info()));
                yield FrameRow.note(nextNumber++, time, tls.get(), false);
            }
            case WsEvent.HandshakeSent sent -> {
                handshakeRequest.set(new String(sent.raw(), StandardCharsets.UTF_8));
                yield null;
            }
            case WsEvent.HandshakeReceived received -> {
                handshakeResponse.set(new String(received.raw(), StandardCharsets.ISO_8859_1));
                showCheck(received.check());
                yield null;
            }
            case WsEvent.Opened opened -> {
                phase.set(Phase.OPEN);
                yield FrameRow.note(nextNumber++, time, opened.protocol().isEmpty()
                        ? TEXT.get("row.opened") : TEXT.get("row.opened.protocol", opened.protocol()), false);
            }
            case WsEvent.Frame frame -> {
                FrameRow row = FrameRow.frame(nextNumber++, time, frame.direction(), frame.frame(),
                        frame.verdicts());
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
    }

    private void showCheck(HandshakeCheck check) {
        if (check.status() == 101) {
            acceptMatches.set(check.acceptMatches());
            acceptCheck.set(check.receivedAccept() == null
                    ? TEXT.get("handshake.accept.missing", check.expectedAccept())
                    : TEXT.get(check.acceptMatches() ? "handshake.accept.match" : "handshake.accept.mismatch",
                    check.expectedAccept(), check.receivedAccept()));
        }
        handshakeVerdict.set(check.verdicts().stream().map(WsVerdict::text).collect(Collectors.joining("\n")));
    }

    private static String describe(TlsInfo info) {
        String who = info.chain().isEmpty() ? "" : TEXT.get("tls.chain", info.chain().getFirst().subject(),
                info.chain().getFirst().issuer());
        String line = TEXT.get("tls.established", info.protocol(), info.cipherSuite(), who);
        return info.insecure() ? line + " " + TEXT.get("tls.insecure") : line;
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

    @Override
    public void stop() {
        if (session != null) {
            session.abort();
        }
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
        preferences.put(KEY_URL, url.get() == null ? "" : url.get());
        preferences.putText(KEY_HEADERS, headers.get() == null ? "" : headers.get());
        preferences.put(KEY_PROTOCOLS, protocols.get() == null ? "" : protocols.get());
        preferences.putBoolean(KEY_AUTO_PONG, autoPong.get());
        preferences.put(KEY_FRAGMENT, fragment.get() == null ? "" : fragment.get());
    }
}
