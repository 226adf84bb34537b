package com.socketworkbench.ui.websocket;

import com.socketworkbench.engine.websocket.Handshake;
import com.socketworkbench.engine.websocket.WsHeader;
import com.socketworkbench.engine.websocket.WsOptions;
import com.socketworkbench.engine.websocket.WsUrl;
import com.socketworkbench.engine.websocket.FrameDecoder;
import com.socketworkbench.engine.websocket.MessageAssembler;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.input.ByteSizeInput;
import com.socketworkbench.ui.tls.CaFileInput;
import com.socketworkbench.ui.tab.AppPreferences;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.ArrayList;
import java.util.List;

/**
 * What the WebSocket tab connects with: the URL, extra headers, subprotocols, an extra CA file for wss, auto-pong and
 * the frame and message limits (saved with the workspace) and the insecure switch (per connection, never saved). Each field says what is
 * wrong with it as it is typed; an empty URL is only reported at Connect. FX thread only.
 */
final class WsConnectionSettings {
    static final String DEFAULT_URL = "ws://127.0.0.1:8080/";
    private static final String KEY_URL = "url";
    private static final String KEY_HEADERS = "headers";
    private static final String KEY_PROTOCOLS = "protocols";
    private static final String KEY_AUTO_PONG = "autoPong";
    private static final String KEY_CA_FILE = "caFile";
    private static final String KEY_MAX_FRAME = "maxFrame";
    private static final String KEY_MAX_MESSAGE = "maxMessage";
    /** The smallest limit: a control frame may carry 125 bytes, and a close or ping must always be read. */
    static final long MIN_LIMIT = 1024;
    /** The largest limit: a frame or message is held in memory whole, in one Java array. */
    static final long MAX_LIMIT = ByteSizeInput.GIB;

    private final StringProperty url = new SimpleStringProperty(this, "url");
    private final StringProperty headers = new SimpleStringProperty(this, "headers");
    private final StringProperty protocols = new SimpleStringProperty(this, "protocols");
    private final BooleanProperty insecure = new SimpleBooleanProperty(this, "insecure");
    private final BooleanProperty autoPong = new SimpleBooleanProperty(this, "autoPong", true);
    private final StringProperty urlError = new SimpleStringProperty(this, "urlError", "");
    private final StringProperty headersError = new SimpleStringProperty(this, "headersError", "");
    private final StringProperty headersNote = new SimpleStringProperty(this, "headersNote", "");
    private final ByteSizeInput maxFrame;
    private final ByteSizeInput maxMessage;
    private final CaFileInput caFile;

    WsConnectionSettings(AppPreferences preferences, Subscriptions subscriptions) {
        url.set(preferences.get(KEY_URL, DEFAULT_URL));
        headers.set(preferences.get(KEY_HEADERS, ""));
        protocols.set(preferences.get(KEY_PROTOCOLS, ""));
        autoPong.set(preferences.getBoolean(KEY_AUTO_PONG, true));
        // Only a wss URL reads the file: a stale path neither shows an error nor holds Connect back for ws.
        caFile = new CaFileInput(preferences.get(KEY_CA_FILE, ""), insecure,
                Bindings.createBooleanBinding(() -> url.get() != null
                        && url.get().strip().regionMatches(true, 0, "wss:", 0, 4), url));
        String heldWhole = WebSocketTab.TEXT.get("limit.max.because");
        maxFrame = new ByteSizeInput(preferences.get(KEY_MAX_FRAME,
                ByteSizeInput.format(FrameDecoder.DEFAULT_MAX_FRAME)), MIN_LIMIT, MAX_LIMIT, heldWhole);
        maxMessage = new ByteSizeInput(preferences.get(KEY_MAX_MESSAGE,
                ByteSizeInput.format(MessageAssembler.DEFAULT_MAX_MESSAGE)), MIN_LIMIT, MAX_LIMIT, heldWhole);
        subscriptions.subscribe(url, typed -> {
            urlError.set(typed == null || typed.isBlank() ? "" : checkUrl(typed));
            checkHeaders();
        });
        subscriptions.subscribe(headers, typed -> checkHeaders());
        subscriptions.subscribe(protocols, typed -> checkHeaders());
    }

    StringProperty url() {
        return url;
    }

    StringProperty headers() {
        return headers;
    }

    StringProperty protocols() {
        return protocols;
    }

    BooleanProperty insecure() {
        return insecure;
    }

    BooleanProperty autoPong() {
        return autoPong;
    }

    /** The largest frame payload read, as typed ("16 MiB"); saved with the workspace. */
    ByteSizeInput maxFrame() {
        return maxFrame;
    }

    /** The largest message put together, as typed; saved with the workspace. */
    ByteSizeInput maxMessage() {
        return maxMessage;
    }

    /** A PEM or DER file of CA certificates a wss server is also verified against; saved with the workspace. */
    CaFileInput caFile() {
        return caFile;
    }

    StringProperty urlError() {
        return urlError;
    }

    StringProperty headersError() {
        return headersError;
    }

    /** A warning that a typed Host or Sec-WebSocket-Version replaces the handshake's own; "" when none is typed. */
    StringProperty headersNote() {
        return headersNote;
    }

    /** The options to connect with; null when a field is wrong, which then shows its message. */
    WsOptions checkedOptions() {
        String typed = url.get() == null ? "" : url.get();
        String urlProblem = checkUrl(typed);
        urlError.set(urlProblem);
        checkHeaders();
        if (!urlProblem.isEmpty() || !headersError.get().isEmpty() || !limitsValid() || !caFile.isValid()) {
            return null;
        }
        WsUrl target = WsUrl.parse(typed);
        boolean skipChecks = target.secure() && insecure.get();
        WsOptions options = withLimits(WsOptions.of(target, WsHeader.parseLines(headers.get()),
                WsHeader.parseProtocols(protocols.get()), skipChecks));
        return target.secure() && !skipChecks ? options.withCaFile(caFile.path()) : options;
    }

    /** Whether both limits read (each field shows its own message when not). */
    boolean limitsValid() {
        return maxFrame.bytes() >= 0 && maxMessage.bytes() >= 0;
    }

    /** {@code options} with the limits typed; the defaults while a limit field does not read. */
    WsOptions withLimits(WsOptions options) {
        if (!limitsValid()) {
            return options;
        }
        return options.withLimits((int) maxFrame.bytes(), (int) maxMessage.bytes());
    }

    void save(AppPreferences preferences) {
        preferences.put(KEY_URL, url.get() == null ? "" : url.get());
        preferences.putText(KEY_HEADERS, headers.get() == null ? "" : headers.get());
        preferences.put(KEY_PROTOCOLS, protocols.get() == null ? "" : protocols.get());
        preferences.putBoolean(KEY_AUTO_PONG, autoPong.get());
        preferences.put(KEY_CA_FILE, caFile.text());
        // A limit that does not read is not saved: the last good one stays.
        if (maxFrame.bytes() >= 0) {
            preferences.put(KEY_MAX_FRAME, ByteSizeInput.format(maxFrame.bytes()));
        }
        if (maxMessage.bytes() >= 0) {
            preferences.put(KEY_MAX_MESSAGE, ByteSizeInput.format(maxMessage.bytes()));
        }
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
            List<WsHeader> typed = WsHeader.parseLines(headers.get());
            WsHeader.parseProtocols(protocols.get());
            headersError.set("");
            headersNote.set(overrideNote(typed));
        } catch (IllegalArgumentException e) {
            headersError.set(e.getMessage());
            headersNote.set("");
        }
    }

    /** Says which of the handshake's own headers the typed ones replace, and with what, so it is never a surprise. */
    private String overrideNote(List<WsHeader> typed) {
        List<String> notes = new ArrayList<>();
        for (WsHeader header : typed) {
            if (!WsHeader.overridesDefault(header.name())) {
                continue;
            }
            if (header.name().equalsIgnoreCase("host")) {
                notes.add(WebSocketTab.TEXT.get("headers.override.host", header.value(), automaticHost()));
            } else {
                notes.add(WebSocketTab.TEXT.get("headers.override.version", header.value(), Handshake.VERSION));
            }
        }
        return String.join("\n", notes);
    }

    private String automaticHost() {
        try {
            return WsUrl.parse(url.get() == null ? "" : url.get()).hostHeader();
        } catch (IllegalArgumentException e) {
            return WebSocketTab.TEXT.get("headers.override.fromUrl");
        }
    }
}
