package com.socketworkbench.ui.websocket;

import static com.socketworkbench.ui.websocket.WebSocketTab.TEXT;

import com.socketworkbench.engine.codec.HexCodec;
import com.socketworkbench.engine.codec.PayloadFormatException;
import com.socketworkbench.engine.websocket.CloseCodes;
import com.socketworkbench.engine.websocket.FrameEncoder;
import com.socketworkbench.engine.websocket.Opcode;
import com.socketworkbench.engine.websocket.RawFrame;
import com.socketworkbench.engine.websocket.WsSession;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.input.InputVerdict;
import com.socketworkbench.ui.tab.AppPreferences;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableObjectValue;

import java.nio.charset.StandardCharsets;

/**
 * The WebSocket tab's send bar: what to send (a message, a control frame, a close), its payload, whether a ping or
 * pong payload is hex, the fragment size, the close code and reason (all saved with the workspace), and the message
 * saying why the last send was refused. The close code and reason are judged as they are typed, each at its field;
 * the rest is checked at Send and a problem is reported at the bar, with nothing sent. FX thread only.
 */
final class WsSendBar {
    private static final String KEY_FRAGMENT = "fragment";
    private static final String KEY_PAYLOAD = "payload";
    private static final String KEY_SEND_KIND = "sendKind";
    private static final String KEY_CONTROL_HEX = "controlHex";
    private static final String KEY_CLOSE_CODE = "closeCode";
    private static final String KEY_CLOSE_REASON = "closeReason";
    private static final String DEFAULT_CLOSE_CODE = "1000";
    /** A close frame's payload is at most 125 bytes, two of them the code. */
    private static final int MAX_CLOSE_REASON = 123;
    /** A control frame's payload is at most 125 bytes (RFC 6455 section 5.5). */
    private static final int MAX_CONTROL_PAYLOAD = 125;

    private final ObjectProperty<SendKind> sendKind = new SimpleObjectProperty<>(this, "sendKind",
            SendKind.TEXT_MESSAGE);
    private final StringProperty payload = new SimpleStringProperty(this, "payload", "");
    private final BooleanProperty controlHex = new SimpleBooleanProperty(this, "controlHex");
    private final StringProperty fragment = new SimpleStringProperty(this, "fragment", "");
    private final StringProperty closeCode = new SimpleStringProperty(this, "closeCode", DEFAULT_CLOSE_CODE);
    private final StringProperty closeReason = new SimpleStringProperty(this, "closeReason", "");
    private final StringProperty sendError = new SimpleStringProperty(this, "sendError", "");
    private final WsSendHistory history = new WsSendHistory();
    // The expert send: one frame built bit by bit, sent as set (RawFrame). Not saved: each session starts with the
    // normal, checked Send.
    private final BooleanProperty expert = new SimpleBooleanProperty(this, "expert");
    private final BooleanProperty fin = new SimpleBooleanProperty(this, "fin", true);
    private final BooleanProperty rsv1 = new SimpleBooleanProperty(this, "rsv1");
    private final BooleanProperty rsv2 = new SimpleBooleanProperty(this, "rsv2");
    private final BooleanProperty rsv3 = new SimpleBooleanProperty(this, "rsv3");
    private final ObjectProperty<Integer> rawOpcode = new SimpleObjectProperty<>(this, "rawOpcode", Opcode.TEXT);
    private final BooleanProperty mask = new SimpleBooleanProperty(this, "mask", true);
    // Only a close sends these fields, and they are hidden otherwise: a message about a hidden field helps nobody.
    private final ObjectBinding<InputVerdict> closeCodeVerdict = Bindings.createObjectBinding(
            () -> sendKind.get() != SendKind.CLOSE ? InputVerdict.FINE
                    : expert.get() ? expertCloseCodeVerdict() : InputVerdict.error(closeCodeProblem()),
            sendKind, closeCode, expert);
    private final ObjectBinding<InputVerdict> closeReasonVerdict = Bindings.createObjectBinding(
            () -> sendKind.get() != SendKind.CLOSE ? InputVerdict.FINE
                    : expert.get() ? expertCloseReasonVerdict() : InputVerdict.error(closeReasonProblem()),
            sendKind, closeReason, expert);

    WsSendBar(AppPreferences preferences, Subscriptions subscriptions) {
        fragment.set(preferences.get(KEY_FRAGMENT, ""));
        payload.set(preferences.get(KEY_PAYLOAD, ""));
        sendKind.set(savedKind(preferences.get(KEY_SEND_KIND, null)));
        controlHex.set(preferences.getBoolean(KEY_CONTROL_HEX, false));
        closeCode.set(preferences.get(KEY_CLOSE_CODE, DEFAULT_CLOSE_CODE));
        closeReason.set(preferences.get(KEY_CLOSE_REASON, ""));
        history.load(preferences);
        // A refusal is about what was there when Send was pressed; editing any of it takes the message away.
        subscriptions.subscribe(payload, typed -> sendError.set(""));
        subscriptions.subscribe(sendKind, kind -> sendError.set(""));
        subscriptions.subscribe(controlHex, on -> sendError.set(""));
        subscriptions.subscribe(fragment, typed -> sendError.set(""));
        subscriptions.subscribe(closeCode, typed -> sendError.set(""));
        subscriptions.subscribe(closeReason, typed -> sendError.set(""));
        subscriptions.subscribe(expert, on -> sendError.set(""));
        // The raw opcode follows the kind chosen (its payload is read as that kind's); it can be changed after.
        subscriptions.subscribe(sendKind, kind -> rawOpcode.set(opcodeOf(kind)));
    }

    BooleanProperty expert() {
        return expert;
    }

    BooleanProperty fin() {
        return fin;
    }

    BooleanProperty rsv1() {
        return rsv1;
    }

    BooleanProperty rsv2() {
        return rsv2;
    }

    BooleanProperty rsv3() {
        return rsv3;
    }

    /** The expert frame's opcode, 0–15. */
    ObjectProperty<Integer> rawOpcode() {
        return rawOpcode;
    }

    BooleanProperty mask() {
        return mask;
    }

    private static int opcodeOf(SendKind kind) {
        return switch (kind == null ? SendKind.TEXT_MESSAGE : kind) {
            case TEXT_MESSAGE -> Opcode.TEXT;
            case BINARY_MESSAGE -> Opcode.BINARY;
            case PING -> Opcode.PING;
            case PONG -> Opcode.PONG;
            case CLOSE -> Opcode.CLOSE;
        };
    }

    ObjectProperty<SendKind> sendKind() {
        return sendKind;
    }

    StringProperty payload() {
        return payload;
    }

    /** Whether a ping or pong payload is read as hex bytes rather than sent as UTF-8 text. */
    BooleanProperty controlHex() {
        return controlHex;
    }

    StringProperty fragment() {
        return fragment;
    }

    StringProperty closeCode() {
        return closeCode;
    }

    StringProperty closeReason() {
        return closeReason;
    }

    /** The verdict on the close code as typed; no message unless Close is the kind to send. */
    ObservableObjectValue<InputVerdict> closeCodeVerdict() {
        return closeCodeVerdict;
    }

    /** The verdict on the close reason as typed; no message unless Close is the kind to send. */
    ObservableObjectValue<InputVerdict> closeReasonVerdict() {
        return closeReasonVerdict;
    }

    StringProperty sendError() {
        return sendError;
    }

    /** Whether the payload box reads hex: a binary message, or a ping or pong with hex on. */
    boolean payloadIsHex() {
        SendKind kind = sendKind.get();
        return kind == SendKind.BINARY_MESSAGE || ((kind == SendKind.PING || kind == SendKind.PONG)
                && controlHex.get());
    }

    /**
     * Sends what the bar holds on {@code session} (null when no connection is open); a problem is shown at the bar,
     * or, for the close code and reason, already at their fields.
     *
     * @return whether a close handshake was started
     */
    boolean sendOn(WsSession session) {
        sendError.set("");
        if (session == null) {
            sendError.set(TEXT.get("send.error.notOpen"));
            return false;
        }
        try {
            if (expert.get()) {
                return sendRaw(session);
            }
            switch (sendKind.get()) {
                case TEXT_MESSAGE -> session.sendText(text(payload), fragmentSize());
                case BINARY_MESSAGE -> session.sendBinary(hex("send.error.hex"), fragmentSize());
                case PING -> session.sendPing(controlPayload("send.error.hex.ping"));
                case PONG -> session.sendPong(controlPayload("send.error.hex.pong"));
                case CLOSE -> {
                    if (closeCodeVerdict.get().isError() || closeReasonVerdict.get().isError()) {
                        return false;
                    }
                    session.close(Integer.parseInt(text(closeCode).strip()), text(closeReason));
                    return true;
                }
            }
            history.record(current());
        } catch (IllegalArgumentException | IllegalStateException e) {
            sendError.set(e.getMessage());
        }
        return false;
    }

    /**
     * The expert send: one frame with the FIN, RSV bits, opcode and mask set, its payload read as the kind chosen
     * says (text, hex, or the close code and reason), with none of the protocol's limits.
     */
    private boolean sendRaw(WsSession session) {
        if (closeCodeVerdict.get().isError()) {
            return false;
        }
        byte[] data = switch (sendKind.get()) {
            case TEXT_MESSAGE -> text(payload).getBytes(StandardCharsets.UTF_8);
            case BINARY_MESSAGE -> hex("send.error.hex");
            case PING -> rawControlPayload("send.error.hex.ping");
            case PONG -> rawControlPayload("send.error.hex.pong");
            case CLOSE -> rawClosePayload();
        };
        int rsv = (rsv1.get() ? 4 : 0) | (rsv2.get() ? 2 : 0) | (rsv3.get() ? 1 : 0);
        Integer opcode = rawOpcode.get();
        return session.sendRaw(new RawFrame(fin.get(), rsv, opcode == null ? opcodeOf(sendKind.get()) : opcode,
                mask.get(), data));
    }

    /** A ping or pong payload as typed, text or hex, with no 125-byte limit. */
    private byte[] rawControlPayload(String hexMessageKey) {
        return controlHex.get() ? hex(hexMessageKey) : text(payload).getBytes(StandardCharsets.UTF_8);
    }

    /** An empty code sends a close without payload; otherwise the code in two bytes and the reason, any length. */
    private byte[] rawClosePayload() {
        String typed = text(closeCode).strip();
        if (typed.isEmpty()) {
            return text(closeReason).getBytes(StandardCharsets.UTF_8);
        }
        return FrameEncoder.closePayload(Integer.parseInt(typed), text(closeReason));
    }

    /**
     * In expert mode any code that fits in two bytes goes (empty: no code at all); one the normal Send refuses is a
     * warning saying it breaks RFC 6455, not an error.
     */
    private InputVerdict expertCloseCodeVerdict() {
        String typed = text(closeCode).strip();
        if (typed.isEmpty()) {
            return InputVerdict.hint(TEXT.get("expert.closeCode.none"));
        }
        if (!typed.chars().allMatch(c -> c >= '0' && c <= '9') || typed.length() > 5
                || Integer.parseInt(typed) > 0xFFFF) {
            return InputVerdict.error(TEXT.get("expert.closeCode.range", typed));
        }
        return CloseCodes.isValidOnWire(Integer.parseInt(typed)) ? InputVerdict.FINE
                : InputVerdict.warning(TEXT.get("expert.closeCode.breaks", typed));
    }

    private InputVerdict expertCloseReasonVerdict() {
        int bytes = text(closeReason).getBytes(StandardCharsets.UTF_8).length;
        return bytes > MAX_CLOSE_REASON ? InputVerdict.warning(TEXT.get("expert.reason.breaks", bytes))
                : InputVerdict.FINE;
    }

    /** Puts the previous send of the history in the bar (the one being typed is kept to come back to). */
    void historyPrevious() {
        history.previous(current()).ifPresent(this::load);
    }

    /** Puts the next send in the bar; past the newest, what was being typed. */
    void historyNext() {
        history.next().ifPresent(this::load);
    }

    WsSendHistory history() {
        return history;
    }

    private WsSendHistory.Entry current() {
        return new WsSendHistory.Entry(sendKind.get() == null ? SendKind.TEXT_MESSAGE : sendKind.get(), text(payload),
                controlHex.get());
    }

    private void load(WsSendHistory.Entry entry) {
        sendKind.set(entry.kind());
        controlHex.set(entry.controlHex());
        payload.set(entry.payload());
    }

    void save(AppPreferences preferences) {
        history.save(preferences);
        preferences.put(KEY_FRAGMENT, text(fragment));
        preferences.putText(KEY_PAYLOAD, text(payload));
        preferences.put(KEY_SEND_KIND, (sendKind.get() == null ? SendKind.TEXT_MESSAGE : sendKind.get()).name());
        preferences.putBoolean(KEY_CONTROL_HEX, controlHex.get());
        preferences.put(KEY_CLOSE_CODE, text(closeCode));
        preferences.putText(KEY_CLOSE_REASON, text(closeReason));
    }

    /** A kind saved by this or an older version; anything unknown (a hand-edited file) falls back to Text. */
    private static SendKind savedKind(String name) {
        SendKind kind = SendKind.named(name);
        return kind == null ? SendKind.TEXT_MESSAGE : kind;
    }

    private static String text(StringProperty property) {
        return property.get() == null ? "" : property.get();
    }

    /** The payload as hex bytes; a bad digit becomes a message naming what was being sent ({@code messageKey}). */
    private byte[] hex(String messageKey) {
        try {
            return HexCodec.parse(text(payload));
        } catch (PayloadFormatException e) {
            throw new IllegalArgumentException(TEXT.get(messageKey, e.getMessage()), e);
        }
    }

    /** The fragment size typed; 0 for none. */
    int fragmentSize() {
        String typed = text(fragment).strip();
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

    private byte[] controlPayload(String hexMessageKey) {
        byte[] data = controlHex.get() ? hex(hexMessageKey) : text(payload).getBytes(StandardCharsets.UTF_8);
        if (data.length > MAX_CONTROL_PAYLOAD) {
            throw new IllegalArgumentException(TEXT.get("send.error.control", data.length));
        }
        return data;
    }

    /** What is wrong with the close code as typed; "" when it may be sent. */
    private String closeCodeProblem() {
        String typed = text(closeCode).strip();
        if (typed.isEmpty()) {
            return TEXT.get("send.error.closeCode.empty");
        }
        if (!typed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return TEXT.get("send.error.closeCode.number", typed);
        }
        // Ten digits or more is out of range anyway; parsing them would overflow.
        if (typed.length() > 9 || !CloseCodes.isValidOnWire(Integer.parseInt(typed))) {
            return TEXT.get("send.error.closeCode.range", typed);
        }
        return "";
    }

    /** What is wrong with the close reason as typed; "" when it fits in a close frame. */
    private String closeReasonProblem() {
        int bytes = text(closeReason).getBytes(StandardCharsets.UTF_8).length;
        return bytes > MAX_CLOSE_REASON ? TEXT.get("send.error.reason", bytes) : "";
    }
}
