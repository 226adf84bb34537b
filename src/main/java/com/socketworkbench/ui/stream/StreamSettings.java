package com.socketworkbench.ui.stream;

import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.AppPreferences;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The stream settings both TCP tabs have and remember under their own preferences node: the transport with its
 * socket path (typed text and its verdict), the receive framing and oversize policy, the socket options and the
 * split send plan. The tab adds its own reactions (applying a new framing to a live connection) and calls
 * {@link #save()} when it saves.
 */
public final class StreamSettings {
    static final String PREF_TRANSPORT = "transport";
    static final String PREF_UNIX_PATH = "unixPath";

    private final AppPreferences preferences;
    private final ObjectProperty<Transport> transport = new SimpleObjectProperty<>(this, "transport", Transport.TCP);
    private final UnixPathInput unixPath;
    private final FramingEditorModel framing;
    private final SocketOptionsModel socketOptions;
    private final SplitSendModel split;

    public StreamSettings(AppPreferences preferences, Subscriptions subscriptions) {
        this.preferences = preferences;
        transport.set(Transport.fromName(preferences.get(PREF_TRANSPORT, Transport.TCP.name())));
        unixPath = new UnixPathInput(preferences.get(PREF_UNIX_PATH, UnixPathInput.DEFAULT_PATH));
        framing = new FramingEditorModel(preferences.child("framing"), subscriptions);
        socketOptions = new SocketOptionsModel(preferences.child("socketOptions"), subscriptions);
        split = new SplitSendModel(preferences.child("split"), subscriptions);
    }

    /** Writes all of them into the preferences; the tab flushes once with its own settings. */
    public void save() {
        preferences.put(PREF_TRANSPORT, transport.get().name());
        if (unixPath.isValid()) {
            preferences.put(PREF_UNIX_PATH, unixPath.text());
        }
        framing.save();
        socketOptions.save();
        split.save();
    }

    public boolean isUnix() {
        return transport.get() == Transport.UNIX;
    }

    public ObjectProperty<Transport> transportProperty() {
        return transport;
    }

    /** The socket file for the Unix transport, as typed, and the verdict on it. */
    public UnixPathInput unixPath() {
        return unixPath;
    }

    public FramingEditorModel framing() {
        return framing;
    }

    public SocketOptionsModel socketOptions() {
        return socketOptions;
    }

    public SplitSendModel split() {
        return split;
    }
}
