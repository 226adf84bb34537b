package com.socketworkbench.ui.stream;

import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.InMemoryPreferences;

import com.socketworkbench.engine.framing.FramingMode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both TCP tabs' stream settings, remembered under one preferences node and read back by the next session. */
class StreamSettingsTest {
    private final AppPreferences preferences = InMemoryPreferences.fresh();

    @Test
    void aFreshNodeGivesTcpAndTheDefaultSocketPath() {
        StreamSettings settings = new StreamSettings(preferences, new Subscriptions());
        assertEquals(Transport.TCP, settings.transportProperty().get());
        assertFalse(settings.isUnix());
        assertEquals(UnixPathInput.DEFAULT_PATH, settings.unixPath().text());
    }

    @Test
    void everySettingSurvivesASaveAndANewSession() {
        StreamSettings first = new StreamSettings(preferences, new Subscriptions());
        first.transportProperty().set(Transport.UNIX);
        first.unixPath().textProperty().set("  /tmp/sw-test.sock ");
        first.framing().modeProperty().set(FramingMode.DELIMITER);
        first.split().enabledProperty().set(true);
        first.save();

        StreamSettings next = new StreamSettings(preferences, new Subscriptions());
        assertTrue(next.isUnix());
        assertEquals("/tmp/sw-test.sock", next.unixPath().text());
        assertEquals(FramingMode.DELIMITER, next.framing().modeProperty().get());
        assertTrue(next.split().enabledProperty().get());
    }

    @Test
    void aBlankSocketPathIsNotRemembered() {
        StreamSettings first = new StreamSettings(preferences, new Subscriptions());
        first.unixPath().textProperty().set("/tmp/kept.sock");
        first.save();
        first.unixPath().textProperty().set("   ");
        first.save();
        assertEquals("/tmp/kept.sock", new StreamSettings(preferences, new Subscriptions()).unixPath().text());
    }
}
