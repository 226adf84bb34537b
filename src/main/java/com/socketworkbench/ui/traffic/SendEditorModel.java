package com.socketworkbench.ui.traffic;

import com.socketworkbench.ui.fx.Subscriptions;

import com.socketworkbench.engine.codec.LineEnding;
import com.socketworkbench.engine.codec.HexCodec;
import com.socketworkbench.engine.codec.PayloadConversion;
import com.socketworkbench.engine.codec.PayloadFormat;
import com.socketworkbench.engine.codec.PayloadFormatException;
import com.socketworkbench.engine.codec.SupportedCharsets;
import com.socketworkbench.engine.fields.FieldTemplate;
import com.socketworkbench.engine.fields.PayloadSpec;
import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.workspace.MemoryPreferences;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * State of a send editor: the typed input, how to interpret it (format, charset, line ending), live validation and
 * the history. The owning tab supplies where bytes go ({@link #setSender}) and when sending makes sense at all
 * ({@link #targetReadyProperty()}, e.g. "connected"). {@link #canSendProperty()} combines everything; the view's
 * Send button is disabled without it. Empty input sends nothing unless the tab allows it
 * ({@link #emptyAllowedProperty()}: an empty UDP datagram is a message, an empty TCP write is none).
 *
 * <p>Text is read with escapes ({@code \r \n \t \0 \\ \xNN}) while {@link #escapesProperty()} is on, the
 * default, so saved tabs and messages written with escapes keep sending what they did; off, every backslash is sent
 * as typed ({@code C:\temp\new}). Hex is sent exactly as written, without the line ending. Switching the format with
 * {@link #switchFormat} converts the input rather than re-reading it.
 *
 * <p>With {@link #fieldsProperty()} on (off by default, so braces stay braces) {@code {{counter}}}, {@code {{crc32}}}
 * and the other dynamic fields are read (docs/fields.md). The input is compiled into a {@link FieldTemplate} once per
 * edit: validation is its compile, Send takes {@link FieldTemplate#next()}, {@link #encode()} and
 * {@link #previewProperty()} its preview. Any edit recompiles, which restarts counters at their start.
 */
public final class SendEditorModel {
    static final String PREF_TEXT = "text";
    static final String PREF_FORMAT = "format";
    static final String PREF_CHARSET = "charset";
    static final String PREF_LINE_ENDING = "lineEnding";
    static final String PREF_ESCAPES = "escapes";
    static final String PREF_FIELDS = "fields";
    /** Bytes the preview shows before it elides the rest; it is one line under the input. */
    static final int PREVIEW_BYTES = 24;
    static final String NODE_HISTORY = "history";

    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.traffic.send");

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<PayloadFormat> format = new SimpleObjectProperty<>(this, "format", PayloadFormat.TEXT);
    private final ObjectProperty<Charset> charset = new SimpleObjectProperty<>(this, "charset", StandardCharsets.UTF_8);
    private final ObjectProperty<LineEnding> lineEnding = new SimpleObjectProperty<>(this, "lineEnding", LineEnding.NONE);
    private final BooleanProperty escapes = new SimpleBooleanProperty(this, "escapes", true);
    private final BooleanProperty fields = new SimpleBooleanProperty(this, "fields", false);
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper(this, "preview", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final BooleanProperty targetReady = new SimpleBooleanProperty(this, "targetReady", true);
    private final StringProperty targetHint = new SimpleStringProperty(this, "targetHint", "");
    private final BooleanProperty emptyAllowed = new SimpleBooleanProperty(this, "emptyAllowed");
    private final BooleanBinding nothingToSend;
    private final BooleanBinding canSend;
    private final SendHistory<SendHistory.Entry> history = new SendHistory<>();
    private Consumer<byte[]> sender = bytes -> { };
    private boolean converting;
    /** The input {@link #template} (or {@link #compileError}) was compiled from. */
    private PayloadSpec compiledSpec;
    private FieldTemplate template;
    private PayloadFormatException compileError;

    public SendEditorModel(Subscriptions subscriptions) {
        for (ObservableValue<?> input : new ObservableValue<?>[]{text, format, charset, lineEnding, escapes,
                fields}) {
            subscriptions.listen(input, (obs, old, now) -> validate());
        }
        // A note about the last conversion is about the input as it was then; any other change makes it stale.
        for (ObservableValue<?> input : new ObservableValue<?>[]{text, format, charset, escapes}) {
            subscriptions.listen(input, (obs, old, now) -> {
                if (!converting) {
                    note.set("");
                }
            });
        }
        nothingToSend = Bindings.createBooleanBinding(() -> !emptyAllowed.get()
                && nullToEmpty(text.get()).isEmpty()
                && (lineEnding.get() == LineEnding.NONE || format.get() == PayloadFormat.HEX),
                text, lineEnding, format, emptyAllowed);
        canSend = error.isEmpty().and(nothingToSend.not()).and(targetReady);
        validate();
    }

    private void validate() {
        Optional<FieldTemplate> compiled = compiled();
        error.set(compiled.isPresent() ? "" : compileError.getMessage());
        showPreview(compiled);
    }

    /**
     * The template of the input as it is now, compiled when the input changed since the last call. Asked for rather
     * than kept up to date by a listener: a tab's binding on the input (a datagram's size) may run before this
     * model's listener does.
     */
    private Optional<FieldTemplate> compiled() {
        PayloadSpec spec = payloadSpec();
        if (!spec.equals(compiledSpec)) {
            compiledSpec = spec;
            try {
                template = FieldTemplate.compile(spec);
                compileError = null;
            } catch (PayloadFormatException e) {
                template = null;
                compileError = e;
            }
        }
        return Optional.ofNullable(template);
    }

    private void showPreview(Optional<FieldTemplate> compiled) {
        if (!fields.get() || compiled.isEmpty()) {
            preview.set("");
            return;
        }
        byte[] next = compiled.get().preview();
        String hex = HexCodec.format(next, 0, Math.min(next.length, PREVIEW_BYTES), false);
        preview.set(TEXT.get("fields.preview", Formats.bytes(next.length),
                next.length > PREVIEW_BYTES ? hex + " …" : hex));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /**
     * The bytes the next send carries, or empty when the input is invalid; counters do not advance (a tab sizing
     * a datagram asks as often as it likes).
     */
    public Optional<byte[]> encode() {
        return compiled().map(FieldTemplate::preview);
    }

    /** The input as it stands, with how to read it: what periodic send, rules and previews compile. */
    public PayloadSpec payloadSpec() {
        return new PayloadSpec(nullToEmpty(text.get()), format.get(), charset.get(), lineEnding.get(), escapes.get(),
                fields.get());
    }

    /**
     * Renders the next payload (advancing counters) and hands it to the sender when allowed; records the input in
     * the history.
     */
    public boolean send() {
        if (!canSend.get()) {
            return false;
        }
        Optional<FieldTemplate> compiled = compiled();
        if (compiled.isEmpty()) {
            return false;
        }
        byte[] bytes = compiled.get().next();
        if (!nullToEmpty(text.get()).isEmpty()) {
            history.record(current());
        }
        sender.accept(bytes);
        if (compiled.get().dynamic()) {
            showPreview(compiled);
        }
        return true;
    }

    /**
     * Switches between Text and Hex the way a user does, converting the input: text becomes the hex of its bytes
     * (in the charset, escapes as set); hex becomes the text its bytes spell. When the input cannot be converted (a
     * bad escape, bytes that are not text in the charset) the format and input stay as they were and
     * {@link #noteProperty()} says why; returns whether the format is now {@code target}.
     */
    public boolean switchFormat(PayloadFormat target) {
        if (target == null || target == format.get()) {
            return target != null;
        }
        String input = nullToEmpty(text.get());
        String converted;
        try {
            converted = input.isEmpty() ? ""
                    : target == PayloadFormat.HEX
                            ? PayloadConversion.toHex(input, charset.get(), escapes.get())
                            : PayloadConversion.toText(input, charset.get(), escapes.get());
        } catch (PayloadFormatException e) {
            note.set(TEXT.get(target == PayloadFormat.HEX ? "convert.kept.text" : "convert.kept.hex",
                    e.getMessage()));
            return false;
        }
        converting = true;
        try {
            format.set(target);
            text.set(converted);
        } finally {
            converting = false;
        }
        note.set("");
        return true;
    }

    /**
     * Hands bytes encoded elsewhere (a saved message, with its own format, charset and line ending) to the tab's
     * sender, the same path Send takes; refused (false) while the target is not ready. The editor's input and history
     * are left alone.
     */
    public boolean sendEncoded(byte[] bytes) {
        if (!targetReady.get()) {
            return false;
        }
        sender.accept(bytes);
        return true;
    }

    /** Replaces the input with the previous history entry (Alt+Up). */
    public void historyPrevious() {
        history.previous(current()).ifPresent(this::load);
    }

    /** Replaces the input with the next history entry or the draft (Alt+Down). */
    public void historyNext() {
        history.next().ifPresent(this::load);
    }

    private SendHistory.Entry current() {
        return new SendHistory.Entry(nullToEmpty(text.get()), format.get(), escapes.get(), fields.get());
    }

    private void load(SendHistory.Entry entry) {
        format.set(entry.format());
        escapes.set(entry.escapes());
        fields.set(entry.fields());
        text.set(entry.text());
    }

    /**
     * Takes the input, its format, charset, line ending, escapes and fields switches and the history from {@code node} (written by
     * {@link #save}); what is missing or unknown keeps its default.
     */
    public void load(Preferences node) {
        format.set(named(PayloadFormat.class, node.get(PREF_FORMAT, null), PayloadFormat.TEXT));
        lineEnding.set(named(LineEnding.class, node.get(PREF_LINE_ENDING, null), LineEnding.NONE));
        escapes.set(node.getBoolean(PREF_ESCAPES, true));
        fields.set(node.getBoolean(PREF_FIELDS, false));
        try {
            charset.set(SupportedCharsets.byName(node.get(PREF_CHARSET, StandardCharsets.UTF_8.name())));
        } catch (IllegalArgumentException e) {
            charset.set(StandardCharsets.UTF_8);
        }
        text.set(node.get(PREF_TEXT, ""));
        try {
            if (node.nodeExists(NODE_HISTORY)) {
                Preferences saved = node.node(NODE_HISTORY);
                String[] names = saved.childrenNames();
                Arrays.sort(names);
                for (String name : names) {
                    Preferences entry = saved.node(name);
                    String sentText = entry.get(PREF_TEXT, "");
                    if (!sentText.isEmpty()) {
                        history.record(new SendHistory.Entry(sentText,
                                named(PayloadFormat.class, entry.get(PREF_FORMAT, null), PayloadFormat.TEXT),
                                entry.getBoolean(PREF_ESCAPES, true), entry.getBoolean(PREF_FIELDS, false)));
                    }
                }
            }
        } catch (BackingStoreException | IllegalStateException e) {
            // A history that cannot be read is only a convenience lost; the input itself is loaded.
        }
    }

    /**
     * Writes the input, its format, charset, line ending, escapes and fields switches, and the history (oldest first, as children "000",
     * "001"...) into {@code node}. Text stored preferences refuse (over 8 KiB, or with a NUL) is kept only by a
     * workspace's in-memory node; stored preferences keep their previous input then.
     */
    public void save(Preferences node) {
        node.put(PREF_FORMAT, format.get() == null ? PayloadFormat.TEXT.name() : format.get().name());
        node.put(PREF_LINE_ENDING, lineEnding.get() == null ? LineEnding.NONE.name() : lineEnding.get().name());
        node.put(PREF_CHARSET, (charset.get() == null ? StandardCharsets.UTF_8 : charset.get()).name());
        node.putBoolean(PREF_ESCAPES, escapes.get());
        node.putBoolean(PREF_FIELDS, fields.get());
        String typed = nullToEmpty(text.get());
        if (fits(node, typed)) {
            node.put(PREF_TEXT, typed);
        }
        try {
            if (node.nodeExists(NODE_HISTORY)) {
                node.node(NODE_HISTORY).removeNode();
            }
            Preferences saved = node.node(NODE_HISTORY);
            int index = 0;
            for (SendHistory.Entry entry : history.entries()) {
                if (fits(node, entry.text())) {
                    Preferences child = saved.node(String.format(Locale.ROOT, "%03d", index++));
                    child.put(PREF_TEXT, entry.text());
                    child.put(PREF_FORMAT, entry.format().name());
                    child.putBoolean(PREF_ESCAPES, entry.escapes());
                    if (entry.fields()) {
                        child.putBoolean(PREF_FIELDS, true);
                    }
                }
            }
        } catch (BackingStoreException | IllegalStateException e) {
            // Stored preferences that cannot be written lose the history only; the tab logs flush failures.
        }
    }

    private static boolean fits(Preferences node, String value) {
        return MemoryPreferences.holdsAnyLength(node)
                || (value.length() <= Preferences.MAX_VALUE_LENGTH && value.indexOf('\u0000') < 0);
    }

    private static <E extends Enum<E>> E named(Class<E> type, String name, E fallback) {
        for (E each : type.getEnumConstants()) {
            if (each.name().equals(name)) {
                return each;
            }
        }
        return fallback;
    }

    /** Where encoded bytes go; called on the FX thread, so it must not block (engine sends are async). */
    public void setSender(Consumer<byte[]> sender) {
        this.sender = sender;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<PayloadFormat> formatProperty() {
        return format;
    }

    /**
     * The charset typed text is sent in; a timeline or inspector showing this tab's traffic can follow it (the view
     * charset defaults to the send charset, so GBK sent shows as GBK). Never null once loaded.
     */
    public ObjectProperty<Charset> charsetProperty() {
        return charset;
    }

    /** Whether text-mode input reads escapes ({@code \n}, {@code \xNN}); off, a backslash is sent as it is. */
    public BooleanProperty escapesProperty() {
        return escapes;
    }

    /** Whether {@code {{name}}} dynamic fields are read; off, braces are sent as typed. */
    public BooleanProperty fieldsProperty() {
        return fields;
    }

    /**
     * While fields are on and the input is valid: the bytes the next send carries, as hex, elided after
     * {@value #PREVIEW_BYTES} bytes, with the length ("Next send (2 B): 41 30"); empty otherwise.
     */
    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** Why the last Text/Hex switch left the input as it was ({@link #switchFormat}); empty otherwise. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    public ObjectProperty<LineEnding> lineEndingProperty() {
        return lineEnding;
    }

    /** The validation message ("Invalid hex digit 'g' at position 5"), empty when the input is fine. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public String error() {
        return error.get();
    }

    /** The tab's own condition for sending (connected, a client selected); bind it. */
    public BooleanProperty targetReadyProperty() {
        return targetReady;
    }

    /** True when empty input may be sent as zero bytes (the UDP tab: an empty datagram); false by default. */
    public BooleanProperty emptyAllowedProperty() {
        return emptyAllowed;
    }

    /** Why the target is not ready ("Connect first"), shown next to the Send button while it is not. */
    public StringProperty targetHintProperty() {
        return targetHint;
    }

    public BooleanBinding canSendProperty() {
        return canSend;
    }

    public SendHistory<SendHistory.Entry> history() {
        return history;
    }
}
