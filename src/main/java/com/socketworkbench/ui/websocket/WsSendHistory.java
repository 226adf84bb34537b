package com.socketworkbench.ui.websocket;

import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.traffic.SendHistory;

import java.util.List;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the WebSocket tab sent, for its ▲ ▼ buttons and Alt+Up / Alt+Down in the payload: the messages, pings and
 * pongs sent with Send (not closes, which end the session, nor expert frames, which are built bit by bit), newest
 * last, as the socket tabs' send editor keeps its own; kept with the workspace. FX thread only.
 */
final class WsSendHistory {
    /** One send as the bar held it. */
    record Entry(SendKind kind, String payload, boolean controlHex) {
    }

    static final String NODE = "history";
    private static final String KEY_KIND = "kind";
    private static final String KEY_PAYLOAD = "payload";
    private static final String KEY_CONTROL_HEX = "controlHex";

    private final SendHistory<Entry> history = new SendHistory<>();

    /** Takes the entries {@link #save} left under {@code preferences}; an entry of an unknown kind is skipped. */
    void load(AppPreferences preferences) {
        try {
            if (!preferences.node().nodeExists(NODE)) {
                return;
            }
            Preferences saved = preferences.node().node(NODE);
            for (String name : List.of(saved.childrenNames()).stream().sorted().toList()) {
                Preferences child = saved.node(name);
                SendKind kind = SendKind.named(child.get(KEY_KIND, ""));
                if (kind != null && kind != SendKind.CLOSE) {
                    history.record(new Entry(kind, child.get(KEY_PAYLOAD, ""),
                            child.getBoolean(KEY_CONTROL_HEX, false)));
                }
            }
        } catch (BackingStoreException | IllegalStateException e) {
            // Unreadable stored preferences lose the history only.
        }
    }

    void save(AppPreferences preferences) {
        try {
            if (preferences.node().nodeExists(NODE)) {
                preferences.node().node(NODE).removeNode();
            }
            AppPreferences saved = preferences.child(NODE);
            int index = 0;
            for (Entry entry : history.entries()) {
                AppPreferences child = saved.child(String.format(java.util.Locale.ROOT, "%03d", index));
                // A payload too long for stored preferences is left out; a workspace keeps any length.
                if (child.putText(KEY_PAYLOAD, entry.payload())) {
                    child.put(KEY_KIND, entry.kind().name());
                    child.putBoolean(KEY_CONTROL_HEX, entry.controlHex());
                    index++;
                } else {
                    child.node().removeNode();
                }
            }
        } catch (BackingStoreException | IllegalStateException e) {
            // Stored preferences that cannot be written lose the history only; the tab logs flush failures.
        }
    }

    void record(Entry entry) {
        history.record(entry);
    }

    Optional<Entry> previous(Entry current) {
        return history.previous(current);
    }

    Optional<Entry> next() {
        return history.next();
    }

    int size() {
        return history.size();
    }
}
