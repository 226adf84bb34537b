// Over 400 lines: the Relay tab's one view model; its settings, TLS, held chunks and pairs are classes of their own.
package com.socketworkbench.ui.relay;

import com.socketworkbench.engine.event.ConnectionAccepted;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.net.Endpoints;
import com.socketworkbench.engine.relay.Faults;
import com.socketworkbench.engine.relay.HeldChunk;
import com.socketworkbench.engine.relay.HoldOutcome;
import com.socketworkbench.engine.relay.Relay;
import com.socketworkbench.engine.relay.RelayConfig;
import com.socketworkbench.engine.relay.RelayDirection;
import com.socketworkbench.engine.relay.RelaySide;
import com.socketworkbench.engine.relay.RelayTransport;
import com.socketworkbench.engine.relay.TargetProbe;
import com.socketworkbench.engine.tcp.CloseMode;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.UiExecutor;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.ListenerState;
import com.socketworkbench.ui.tab.SocketTabModel;
import com.socketworkbench.ui.tab.TabStatus;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * State and actions of the Relay tab. Starts a {@link Relay} from its {@link RelaySettings} (off the FX thread), feeds
 * its events into the tab's timeline through the pump, mirrors its pairs into the pairs table once per UI tick, and
 * keeps the chunks it holds in {@link HeldChunks}, drained on the pulse. Intercept, hold timeout and faults apply live
 * while it runs.
 */
public final class RelayViewModel extends SocketTabModel {
    private static final Logger LOG = LoggerFactory.getLogger(RelayViewModel.class);
    /** How often the pairs table reads the engine's counters during a flood (every pulse while it is quiet). */
    private static final long PAIRS_REFRESH_NANOS = Duration.ofMillis(200).toNanos();

    private final AppPreferences preferences;
    private final UiExecutor executor;
    private final TabStatus status = traffic().status();
    private final RelaySettings settings;
    private final RelayTls tls;
    private final BooleanBinding canStart;
    private final HeldChunks held = new HeldChunks();
    private final HeldEditor editor;
    private final PairTable pairs = new PairTable();
    private final ReadOnlyObjectWrapper<ListenerState> state =
            new ReadOnlyObjectWrapper<>(this, "state", ListenerState.STOPPED);
    private final ReadOnlyStringWrapper listeningAddress = new ReadOnlyStringWrapper(this, "listeningAddress", "");
    private final ReadOnlyStringWrapper startError = new ReadOnlyStringWrapper(this, "startError", "");
    private final ReadOnlyStringWrapper editorNote = new ReadOnlyStringWrapper(this, "editorNote", "");
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(this, "now", Instant.now());
    /** The hold timeout the running relay applies (zero: none), which the held list counts down to. */
    private final ReadOnlyObjectWrapper<Duration> holdTimeout =
            new ReadOnlyObjectWrapper<>(this, "holdTimeout", Duration.ZERO);
    private final Map<RelayDirection, Faults> appliedFaults = new EnumMap<>(RelayDirection.class);
    /** Counts refreshes that changed a pair's snapshot in place (the list itself does not change then). */
    private long lastPairsRefresh;
    /** Counts starts, so the outcome of one the user has since abandoned is recognised. */
    private long attempt;

    private Relay relay;
    private InetSocketAddress boundAddress;

    public RelayViewModel(AppPreferences preferences, UiExecutor executor, Subscriptions subscriptions) {
        this.preferences = preferences;
        this.executor = executor;
        settings = new RelaySettings(preferences);
        tls = new RelayTls(preferences, executor, settings, subscriptions);
        canStart = settings.canStartBinding().and(tls.validProperty());
        editor = new HeldEditor(subscriptions);
        subscriptions.subscribe(held.selectedProperty(), chunk -> {
            editorNote.set("");
            editor.show(chunk);
        });
        for (RelayDirection direction : RelayDirection.values()) {
            subscriptions.subscribe(settings.intercept(direction), on -> applyIntercept(direction));
            subscriptions.subscribe(settings.faults(direction).faultsProperty(), faults -> applyFaults(direction));
        }
        subscriptions.subscribe(settings.holdTimeout().textProperty(), text -> applyHoldTimeout());
        subscriptions.subscribe(settings.holdTimeoutActionProperty(), action -> applyHoldTimeout());
        traffic().onPulse(this::onPulse, subscriptions);
        traffic().tickWhile(state.isEqualTo(ListenerState.RUNNING), subscriptions);
        updateStatus();
    }

    /** Start when stopped, stop when running; ignored while a start or stop is under way. */
    public void toggle() {
        switch (state.get()) {
            case STOPPED -> start();
            case RUNNING -> stop();
            default -> {
            }
        }
    }

    /** Binds the relay with the current settings (off the FX thread); a failure shows at the settings. */
    public void start() {
        if (state.get() != ListenerState.STOPPED || !canStart.get()) {
            return;
        }
        RelayConfig config;
        RelayTls.Start tlsStart;
        try {
            config = settings.config();
            tlsStart = tls.start();
        } catch (IllegalArgumentException e) {
            startError.set(RelayTexts.TEXT.get("error.start", e.getMessage()));
            return;
        }
        startError.set("");
        settings.targetPort().forgetFinding();
        pairs.clear();
        held.clear();
        state.set(ListenerState.STARTING);
        updateStatus();
        long mine = ++attempt;
        executor.run("ui-relay-start", () -> Relay.start(tlsStart.apply(config), traffic().engineSink(), held),
                started -> {
            if (mine != attempt || state.get() != ListenerState.STARTING) {
                // Stopped (or the tab closed) while binding: let the new relay go at once.
                executor.run("ui-relay-stop", started::close, () -> { });
                return;
            }
            relay = started;
            settings.listenPort().forgetFinding();
            tls.started(tlsStart);
            boundAddress = started.localAddress();
            appliedFaults.clear();
            for (RelayDirection direction : RelayDirection.values()) {
                applyIntercept(direction);
                applyFaults(direction);
            }
            applyHoldTimeout();
            state.set(ListenerState.RUNNING);
            listeningAddress.set(RelayTexts.TEXT.get("listening.on", Endpoints.describe(boundAddress),
                    settings.target()));
            savePreferences();
            updateStatus();
            probeTarget(started, mine);
        }, failure -> {
            if (mine != attempt) {
                return;
            }
            Throwable cause = UiExecutor.unwrap(failure);
            LOG.debug("relay start failed", cause);
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            startError.set(RelayTexts.TEXT.get("error.start", message));
            // Said at the port field too, where the fix is typed.
            settings.listenPort().startFailed(cause);
            state.set(ListenerState.STOPPED);
            updateStatus();
        });
    }

    /**
     * A one-off connect to a TCP target (closed at once), so a target where nothing listens shows at its port field
     * when the relay starts rather than as a refusal when the first client arrives. Only a hint: the relay runs on,
     * the server may come up later. UDP has nothing to connect to (a datagram to a closed port may not even bounce).
     */
    private void probeTarget(Relay started, long mine) {
        RelayConfig config = started.config();
        if (config.transport() != RelayTransport.TCP) {
            return;
        }
        String host = config.targetHost();
        int port = config.targetPort();
        executor.run("ui-relay-probe", () -> TargetProbe.check(host, port, TargetProbe.DEFAULT_TIMEOUT),
                found -> {
                    if (mine != attempt || relay != started) {
                        return;
                    }
                    found.ifPresent(failure -> settings.targetPort().startNote(
                            failure.kind() == FailureKind.CONNECTION_REFUSED
                                    ? RelayTexts.TEXT.get("target.probe.refused", settings.target())
                                    : RelayTexts.TEXT.get("target.probe.failed", failure.message())));
                }, failure -> LOG.debug("relay target probe failed", failure));
    }

    /**
     * Stops listening and closes every pair (off the FX thread); held chunks are not delivered (the timeline says
     * how many bytes). The pairs table keeps the final counters until the next start.
     */
    @Override
    public void stop() {
        Relay stopping = relay;
        if (state.get() == ListenerState.STARTING) {
            attempt++;
            state.set(ListenerState.STOPPED);
            updateStatus();
            return;
        }
        if (stopping == null || state.get() != ListenerState.RUNNING) {
            return;
        }
        state.set(ListenerState.STOPPING);
        updateStatus();
        executor.run("ui-relay-stop", stopping::close, () -> {
            if (relay == stopping) {
                relay = null;
                boundAddress = null;
                listeningAddress.set("");
                // "Clients will be refused" spoke of the running relay.
                settings.targetPort().forgetFinding();
                held.clear();
                // The pairs stay with their final counters, to read after the stop; the next start clears them.
                pairs.stopped(stopping.pairs());
                state.set(ListenerState.STOPPED);
                updateStatus();
            }
        });
    }

    /** Forgets the selected UDP pair (UDP has no connection to end): the client's next datagram opens a new one. */
    public void forgetSelectedPair() {
        closeSelectedPair(RelaySide.CLIENT, CloseMode.GRACEFUL);
    }

    /** Ends one side of the selected pair: FIN (graceful) or RST (reset). */
    public void closeSelectedPair(RelaySide side, CloseMode mode) {
        Relay current = relay;
        PairRow pair = pairs.selectedProperty().get();
        if (current != null && pair != null) {
            long id = pair.pairId();
            executor.run("ui-relay-close", () -> current.closePair(id, side, mode), () -> { });
        }
    }

    /** Sends the held chunk on with the editor's bytes (edited or not). */
    public void forward() {
        Relay current = relay;
        HeldChunk chunk = editor.chunkProperty().get();
        if (current == null || chunk == null) {
            return;
        }
        editor.bytes().ifPresent(bytes -> release(chunk, current.forward(chunk.holdId(), bytes)));
    }

    /** Drops the held chunk: it never reaches the other side. */
    public void drop() {
        Relay current = relay;
        HeldChunk chunk = editor.chunkProperty().get();
        if (current != null && chunk != null) {
            release(chunk, current.drop(chunk.holdId()));
        }
    }

    /**
     * Forwards every held chunk, both ways: the one open in the editor with the user's edits (when they are valid,
     * as Forward would), the others as they came. Chunks queued behind them follow in order.
     */
    public void forwardAll() {
        Relay current = relay;
        if (current == null) {
            return;
        }
        forwardOpenChunk(current, null);
        for (RelayDirection direction : RelayDirection.values()) {
            current.forwardAll(direction);
        }
        held.clearRows();
        editorNote.set("");
    }

    /** Drops every held chunk, both ways; the timeline gets a Notice with the bytes of each. */
    public void dropAll() {
        Relay current = relay;
        if (current == null) {
            return;
        }
        for (RelayDirection direction : RelayDirection.values()) {
            current.dropAll(direction);
        }
        held.clearRows();
        editorNote.set("");
    }

    /** Forwards the chunk open in the editor with its edits, if it goes {@code direction} (null: either way). */
    private void forwardOpenChunk(Relay current, RelayDirection direction) {
        HeldChunk chunk = editor.chunkProperty().get();
        if (chunk != null && (direction == null || chunk.direction() == direction)) {
            editor.bytes().ifPresent(bytes -> {
                current.forward(chunk.holdId(), bytes);
                held.remove(chunk.holdId());
            });
        }
    }

    private void release(HeldChunk chunk, boolean done) {
        // Off the list at once (the selection moves on with it); the engine's events tell the timeline the outcome.
        held.remove(chunk.holdId());
        // Gone already (timed out, or its pair closed): the timeline says what became of it.
        editorNote.set(done ? "" : RelayTexts.TEXT.get("editor.gone"));
    }

    /**
     * Intercept on or off for a direction. Off releases what is held that way, as Burp does when intercept is turned
     * off: the chunk open in the editor goes with the user's edits (when valid), the others as they came. Held chunks
     * never wait for a user who has stopped looking.
     */
    private void applyIntercept(RelayDirection direction) {
        Relay current = relay;
        if (current == null) {
            return;
        }
        boolean on = settings.intercept(direction).get();
        current.setIntercept(direction, on);
        if (!on) {
            forwardOpenChunk(current, direction);
            current.forwardAll(direction);
            held.removeDirection(direction);
        }
    }

    private void applyFaults(RelayDirection direction) {
        Faults faults = settings.faults(direction).faultsProperty().get();
        if (relay != null && faults != null) {
            relay.setFaults(direction, faults);
            appliedFaults.put(direction, faults);
        }
    }

    private void applyHoldTimeout() {
        if (relay != null && settings.holdTimeout().isValid()) {
            Duration timeout = Duration.ofSeconds(settings.holdTimeout().value());
            relay.setHoldTimeout(timeout, settings.holdTimeoutActionProperty().get());
            holdTimeout.set(timeout);
        }
    }

    private void onPulse(List<NetEvent> batch) {
        // The chunk open before the drain: the selection moves on when its row goes, so compare with this one.
        HeldChunk open = editor.chunkProperty().get();
        held.drain((holdId, outcome) -> {
            if (open != null && open.holdId() == holdId && (outcome == HoldOutcome.TIMED_OUT_FORWARDED
                    || outcome == HoldOutcome.TIMED_OUT_DROPPED)) {
                // Said after the selection moved on (which clears the note), so the user learns why it went.
                editorNote.set(RelayTexts.TEXT.get(outcome == HoldOutcome.TIMED_OUT_DROPPED
                        ? "editor.timedOut.dropped" : "editor.timedOut.forwarded"));
            }
        });
        if (!held.rows().isEmpty()) {
            now.set(Instant.now());
        }
        long nanos = System.nanoTime();
        boolean pairsChanged = batch.stream().anyMatch(event -> event instanceof ConnectionAccepted
                || event instanceof ConnectionClosed);
        Relay current = relay;
        if (current != null && (pairsChanged || nanos - lastPairsRefresh >= PAIRS_REFRESH_NANOS)) {
            lastPairsRefresh = nanos;
            pairs.refresh(current.pairs());
        }
        traffic().updateCounters();
        updateStatus();
    }

    private void updateStatus() {
        switch (state.get()) {
            case STOPPED -> {
                status.setState(RelayTexts.TEXT.get("status.stopped"));
                status.setAddresses("");
            }
            case STARTING -> status.setState(RelayTexts.TEXT.get("status.starting", settings.listen()));
            case RUNNING -> {
                String address = boundAddress == null ? "" : Endpoints.describe(boundAddress);
                long open = pairs.openCount();
                status.setState(RelayTexts.TEXT.get(open == 1 ? "status.running.one" : "status.running.other",
                        address, settings.target(), Long.toString(open)));
                status.setAddresses(address);
            }
            case STOPPING -> status.setState(RelayTexts.TEXT.get("status.stopping"));
        }
    }

    @Override
    public void savePreferences() {
        settings.save();
        tls.save();
        preferences.flush();
    }

    RelaySettings settings() {
        return settings;
    }

    /** The two TLS sides' forms. */
    RelayTls tls() {
        return tls;
    }

    HeldChunks held() {
        return held;
    }

    HeldEditor editor() {
        return editor;
    }

    /** The faults last handed to the running relay per direction (what the engine now applies). */
    public Faults appliedFaults(RelayDirection direction) {
        return appliedFaults.get(direction);
    }

    /** The running relay's address, or null. */
    public InetSocketAddress boundAddress() {
        return boundAddress;
    }

    public ObservableBooleanValue canStartProperty() {
        return canStart;
    }

    public ReadOnlyObjectProperty<ListenerState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ListenerState state() {
        return state.get();
    }

    /** "Relaying 127.0.0.1:40123 → 127.0.0.1:5000", or empty while stopped. */
    public ReadOnlyStringProperty listeningAddressProperty() {
        return listeningAddress.getReadOnlyProperty();
    }

    /** Why the last start failed (port in use, a bad address), or empty. */
    public ReadOnlyStringProperty startErrorProperty() {
        return startError.getReadOnlyProperty();
    }

    /** A note at the editor: the chunk was released before the user acted. */
    ReadOnlyStringProperty editorNoteProperty() {
        return editorNote.getReadOnlyProperty();
    }

    /** The time of the last pulse while chunks are held: the held list's ages count from it. */
    ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    /** The hold timeout the running relay applies; zero when none (or before a start). */
    ReadOnlyObjectProperty<Duration> holdTimeoutProperty() {
        return holdTimeout.getReadOnlyProperty();
    }

    /** Changes whenever a listed pair's snapshot changed (its state, its counters). */
    public ReadOnlyLongProperty pairsUpdatedProperty() {
        return pairs.updatedProperty();
    }

    public ObservableList<PairRow> pairs() {
        return pairs.rows();
    }

    public ObjectProperty<PairRow> selectedPairProperty() {
        return pairs.selectedProperty();
    }
}
