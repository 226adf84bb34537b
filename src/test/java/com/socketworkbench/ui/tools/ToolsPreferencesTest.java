package com.socketworkbench.ui.tools;

import com.socketworkbench.app.AppDriver;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shown tool and the inputs survive a restart. */
@Timeout(60)
class ToolsPreferencesTest {

    @Test
    void theToolAndTheInputsAreRemembered() throws Exception {
        AppPreferences preferences = InMemoryPreferences.fresh();
        AppDriver first = new AppDriver(preferences).launch();
        try {
            first.selectTab("tools");
            fxRun(() -> first.<ListView<Tool>>node("#tools #toolsNav").getSelectionModel().select(Tool.SUBNET));
            first.setText("#tools #subnetInput", "10.1.2.3/16");
            fxRun(() -> first.<ListView<Tool>>node("#tools #toolsNav").getSelectionModel().select(Tool.CONVERTER));
            first.setText("#tools #ipv4Input", "10.9.8.7");
            first.setText("#tools #classifyPrefix", "8");
        } finally {
            first.close();
        }
        assertEquals("CONVERTER", AppDriver.savedTabSettings(preferences, "tools").get("tool", ""));

        AppDriver second = new AppDriver(preferences).launch();
        try {
            second.selectTab("tools");
            assertEquals(second.app().tabs().getLast().view(), second.node("#tools"), "the new window is looked at");
            assertEquals(Tool.CONVERTER, fx(() -> second.<ListView<Tool>>node("#tools #toolsNav")
                    .getSelectionModel().getSelectedItem()));
            assertEquals("10.9.8.7", second.text("#tools #ipv4Input"));
            assertEquals("8", second.text("#tools #classifyPrefix"));
            fxRun(() -> second.<ListView<Tool>>node("#tools #toolsNav").getSelectionModel().select(Tool.SUBNET));
            assertEquals("10.1.2.3/16", second.text("#tools #subnetInput"));
            assertEquals("10.1.0.0/16", second.text("#tools #subnetNetwork"));
        } finally {
            second.close();
        }
    }
}
