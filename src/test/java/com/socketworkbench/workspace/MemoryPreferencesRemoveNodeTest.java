package com.socketworkbench.workspace;

import org.junit.jupiter.api.Test;

import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A tab that rewrites a child node on every save (its history, its list of groups) removes it and makes it again. */
class MemoryPreferencesRemoveNodeTest {

    @Test
    void aRemovedChildIsForgottenByItsParentAndCanBeMadeAgain() throws Exception {
        MemoryPreferences tab = new MemoryPreferences();
        tab.node("history").node("000").put("request", "GET / HTTP/1.1");
        tab.node("history").removeNode();
        assertArrayEquals(new String[0], tab.childrenNames(), "the parent no longer lists it");

        Preferences again = tab.node("history");
        again.node("000").put("request", "POST / HTTP/1.1");
        assertNull(again.node("000").get("status", null), "nothing of the removed node comes back");
        Settings settings = Settings.of(tab);
        assertEquals("POST / HTTP/1.1", settings.children().get("history").children().get("000").values()
                .get("request"));
    }
}
