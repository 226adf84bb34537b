package com.socketworkbench.ui.udp;

import com.socketworkbench.app.AppDriver;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.input.BindChoice;
import com.socketworkbench.ui.input.BindChoices;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The UDP tab remembers bind, port, target, broadcast and address reuse in its own preferences node. */
@Timeout(60)
class UdpPreferencesTest {

    @Test
    void bindPortAndTargetSurviveARestart() throws Exception {
        AppPreferences preferences = InMemoryPreferences.fresh();
        AppDriver first = new AppDriver(preferences).launch();
        try {
            first.selectTab("udp");
            assertEquals("127.0.0.1", fx(() -> first.<ComboBox<BindChoice>>node("#udp #bindAddress")
                    .getValue().host()), "loopback by default");
            fxRun(() -> first.<ComboBox<BindChoice>>node("#udp #bindAddress").setValue(BindChoices.ANY));
            assertEquals("Other machines on your network can send datagrams to this port",
                    first.text("#udp #bindWarning"));
            first.setText("#udp #port", "6006");
            first.setText("#udp #targetHost", "::1");
            first.setText("#udp #targetPort", "7007");
            fxRun(() -> first.<CheckBox>node("#udp #broadcast").setSelected(true));
            fxRun(() -> first.<CheckBox>node("#udp #reuseAddress").setSelected(true));
        } finally {
            first.close();
        }
        AppPreferences udp = AppDriver.savedTabSettings(preferences, "udp");
        assertEquals("::", udp.get("bindHost", ""));
        assertEquals(6006, udp.getInt("port", -1));
        assertEquals("::1", udp.get("targetHost", ""));
        assertEquals(7007, udp.getInt("targetPort", -1));
        assertTrue(udp.getBoolean("reuseAddress", false));

        AppDriver second = new AppDriver(preferences).launch();
        try {
            assertEquals("::", fx(() -> second.<ComboBox<BindChoice>>node("#udp #bindAddress").getValue().host()));
            assertEquals("6006", second.text("#udp #port"));
            assertEquals("::1", second.text("#udp #targetHost"));
            assertEquals("7007", second.text("#udp #targetPort"));
            assertTrue(fx(() -> second.<CheckBox>node("#udp #broadcast").isSelected()));
            assertTrue(fx(() -> second.<CheckBox>node("#udp #reuseAddress").isSelected()));
        } finally {
            second.close();
        }
    }
}
