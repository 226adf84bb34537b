package com.socketworkbench.ui.websocket;

import static com.socketworkbench.ui.websocket.WebSocketTab.TEXT;

import com.socketworkbench.engine.codec.HexCodec;
import com.socketworkbench.engine.codec.PayloadFormatException;
import com.socketworkbench.engine.websocket.CloseCodes;
import com.socketworkbench.engine.websocket.WsSession;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.AppPreferences;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.charset.StandardCharsets;

/**
 * The WebSocket tab's send bar: what to send (a message, a control frame, a close), its payload, the fragment size
 * (saved with the workspace), the close code and reason, and the message saying why the last send was refused.
 * Sending checks the fields first; a field that is wrong is reported at the bar and nothing is sent. FX thread only.
 */
final class WsSendBar {
    private static final String KEY_FRAGMENT = "fragment";
    /** A close frame's payload is at most 125 bytes, two of them the code. */
    private static final int MAX_CLOSE_REASON = 123;

    private final ObjectProperty<SendKind> sendKind = new SimpleObjectProperty<>(this, "sendKind",
            SendKind.TEXT_MESSAGE);
    private final StringProperty payload = new SimpleStringProperty(this, "payload", "");
    private final StringProperty fragment = new SimpleStringProperty(this, "fragment", "");
    private final StringProperty closeCode = new SimpleStringProperty(this, "closeCode", "1000");
    private final StringProperty closeReason = new SimpleStringProperty(this, "closeReason", "");
    private final StringProperty sendError = new SimpleStringProperty(this, "sendError", "");

    WsSendBar(AppPreferences preferences, Subscriptions subscriptions) {
        fragment.set(preferences.get(KEY_FRAGMENT, ""));
        // A refusal is about what was there when Send was pressed; editing it takes the message away.
        subscriptions.subscribe(payload, typed -> sendError.set(""));
        subscriptions.subscribe(sendKind, kind -> sendError.set(""));
    }

    ObjectProperty<SendKind> sendKind() {
        return sendKind;
    }

    StringProperty payload() {
        return payload;
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

    StringProperty sendError() {
        return sendError;
    }

    /**
     * Sends what the bar holds on {@code session} (null when no connection is open); a problem is shown at the bar.
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
            switch (sendKind.get()) {
                case TEXT_MESSAGE -> session.sendText(payload.get(), fragmentSize());
                case BINARY_MESSAGE -> session.sendBinary(HexCodec.parse(payload.get()), fragmentSize());
                case PING -> session.sendPing(controlPayload());
                case PONG -> session.sendPong(controlPayload());
                case CLOSE -> {
                    int code = checkedCloseCode();
                    String reason = closeReason.get() == null ? "" : closeReason.get();
                    if (reason.getBytes(StandardCharsets.UTF_8).length > MAX_CLOSE_REASON) {
                        throw new IllegalArgumentException(TEXT.get("send.error.reason",
                                reason.getBytes(StandardCharsets.UTF_8).length));
                    }
                    session.close(code, reason);
                    return true;
                }
            }
        } catch (PayloadFormatException e) {
            sendError.set(TEXT.get("send.error.hex", e.getMessage()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            sendError.set(e.getMessage());
        }
        return false;
    }

    void save(AppPreferences preferences) {
        preferences.put(KEY_FRAGMENT, fragment.get() == null ? "" : fragment.get());
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
}
