package com.socketworkbench.ui.websocket;

import com.socketworkbench.engine.websocket.WsHeader;
import com.socketworkbench.engine.websocket.WsOptions;
import com.socketworkbench.engine.websocket.WsUrl;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.AppPreferences;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the WebSocket tab connects with: the URL, extra headers, subprotocols and auto-pong (saved with the
 * workspace) and the insecure switch (per connection, never saved). Each field says what is wrong with it as it is
 * typed; an empty URL is only reported at Connect. FX thread only.
 */
final class WsConnectionSettings {
    static final String DEFAULT_URL = "ws://127.0.0.1:8080/";
    private static final String KEY_URL = "url";
    private static final String KEY_HEADERS = "headers";
    private static final String KEY_PROTOCOLS = "protocols";
    private static final String KEY_AUTO_PONG = "autoPong";

    private final StringProperty url = new SimpleStringProperty(this, "url");
    private final StringProperty headers = new SimpleStringProperty(this, "headers");
    private final StringProperty protocols = new SimpleStringProperty(this, "protocols");
    private final BooleanProperty insecure = new SimpleBooleanProperty(this, "insecure");
    private final BooleanProperty autoPong = new SimpleBooleanProperty(this, "autoPong", true);
    private final StringProperty urlError = new SimpleStringProperty(this, "urlError", "");
    private final StringProperty headersError = new SimpleStringProperty(this, "headersError", "");

    WsConnectionSettings(AppPreferences preferences, Subscriptions subscriptions) {
        url.set(preferences.get(KEY_URL, DEFAULT_URL));
        headers.set(preferences.get(KEY_HEADERS, ""));
        protocols.set(preferences.get(KEY_PROTOCOLS, ""));
        autoPong.set(preferences.getBoolean(KEY_AUTO_PONG, true));
        subscriptions.subscribe(url, typed -> urlError.set(typed == null || typed.isBlank() ? ""
                : checkUrl(typed)));
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

    StringProperty urlError() {
        return urlError;
    }

    StringProperty headersError() {
        return headersError;
    }

    /** The options to connect with; null when a field is wrong, which then shows its message. */
    WsOptions checkedOptions() {
        String typed = url.get() == null ? "" : url.get();
        String urlProblem = checkUrl(typed);
        urlError.set(urlProblem);
        checkHeaders();
        if (!urlProblem.isEmpty() || !headersError.get().isEmpty()) {
            return null;
        }
        WsUrl target = WsUrl.parse(typed);
        return WsOptions.of(target, WsHeader.parseLines(headers.get()), WsHeader.parseProtocols(protocols.get()),
                target.secure() && insecure.get());
    }

    void save(AppPreferences preferences) {
        preferences.put(KEY_URL, url.get() == null ? "" : url.get());
        preferences.putText(KEY_HEADERS, headers.get() == null ? "" : headers.get());
        preferences.put(KEY_PROTOCOLS, protocols.get() == null ? "" : protocols.get());
        preferences.putBoolean(KEY_AUTO_PONG, autoPong.get());
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
}
