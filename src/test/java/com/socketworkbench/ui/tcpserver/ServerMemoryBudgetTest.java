package com.socketworkbench.ui.tcpserver;

import com.socketworkbench.engine.framing.ByteSizes;
import com.socketworkbench.engine.tcp.TcpServerConfig;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.input.InputVerdict;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The listener's memory budget as typed in the server's settings: its verdicts, the config it makes, memory. */
class ServerMemoryBudgetTest {
    private static final long HEAP = 1024 * ByteSizes.MIB;

    private final Subscriptions subscriptions = new Subscriptions();
    private final AppPreferences preferences = InMemoryPreferences.fresh();

    @AfterEach
    void dispose() {
        subscriptions.dispose();
    }

    @Test
    void emptyMeansAQuarterOfTheHeapAndASizeIsTakenAsTyped() {
        MemoryBudgetInput input = new MemoryBudgetInput("", HEAP);
        assertEquals(InputVerdict.FINE, input.verdict());
        assertEquals(0, input.bytes(), "0 asks the engine for its default");
        assertEquals("256 MiB", input.defaultText());

        input.textProperty().set(" 96 MiB ");
        assertEquals(InputVerdict.FINE, input.verdict());
        assertEquals(96 * ByteSizes.MIB, input.bytes());
        input.textProperty().set("1536k");
        assertEquals(1536 * ByteSizes.KIB, input.bytes());
    }

    @Test
    void eachWrongBudgetSaysWhatIsWrongAtTheField() {
        MemoryBudgetInput input = new MemoryBudgetInput("lots", HEAP);
        assertEquals(InputVerdict.error("'lots' is not a size: enter a number of bytes or a size such as 64 KiB or"
                + " 16 MiB"), input.verdict());
        assertEquals(-1, input.bytes());

        input.textProperty().set("512K");
        assertEquals(InputVerdict.error("The memory budget must be at least 1 MiB"), input.verdict());

        input.textProperty().set("2 GiB");
        assertEquals(InputVerdict.error("At most 1 GiB, all the memory this app may use; leave it empty for the"
                + " default, 256 MiB"), input.verdict());
    }

    @Test
    void theBudgetGoesIntoTheConfigBlocksStartWhenWrongAndIsRemembered() {
        ServerSettings settings = new ServerSettings(preferences, subscriptions);
        assertEquals(0, settings.config().memoryBudget(), "the default until one is typed");
        assertEquals(TcpServerConfig.defaultMemoryBudget(), settings.config().effectiveMemoryBudget());

        settings.memoryBudget().textProperty().set("x");
        assertFalse(settings.canStartBinding().get(), "a wrong budget keeps Start disabled");
        settings.memoryBudget().textProperty().set("64 MiB");
        assertTrue(settings.canStartBinding().get());
        assertEquals(64 * ByteSizes.MIB, settings.config().memoryBudget());

        settings.save();
        ServerSettings reloaded = new ServerSettings(preferences, subscriptions);
        assertEquals("64 MiB", reloaded.memoryBudget().text());
        assertEquals(64 * ByteSizes.MIB, reloaded.config().memoryBudget());
    }
}
