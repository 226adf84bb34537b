package com.socketworkbench.ui.tools;

import com.socketworkbench.engine.tools.PortCheck;
import com.socketworkbench.engine.tools.Resolver;
import com.socketworkbench.ui.fx.CurrentThreadUiExecutor;
import com.socketworkbench.ui.fx.Subscriptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetAddress;
import java.net.ServerSocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The port check's model on the synchronous executor against loopback: the outcome is in when toggle returns. */
@Timeout(30)
class PortCheckModelTest {
    private final Subscriptions subscriptions = new Subscriptions();
    private final PortCheckModel model = new PortCheckModel(new Resolver(), "127.0.0.1", 80, 5,
            new CurrentThreadUiExecutor(), subscriptions);

    @AfterEach
    void dispose() {
        subscriptions.dispose();
    }

    @Test
    void aListeningPortIsOpenAndAClosedOneRefused() throws Exception {
        int closed;
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            model.port().textProperty().set(Integer.toString(server.getLocalPort()));
            model.toggle();
            assertFalse(model.runningProperty().get());
            assertEquals(PortCheck.Status.OPEN, model.resultProperty().get().status());
            closed = server.getLocalPort();
        }
        model.port().textProperty().set(Integer.toString(closed));
        model.toggle();
        assertEquals(PortCheck.Status.REFUSED, model.resultProperty().get().status());
        assertEquals(2, model.history().size());
    }

    @Test
    void aCheckNeedsAValidHostAndPort() {
        assertTrue(model.canCheckProperty().get());
        model.host().textProperty().set("");
        assertFalse(model.canCheckProperty().get());
        model.toggle();
        assertNull(model.resultProperty().get(), "nothing was checked");
        assertTrue(model.history().isEmpty());

        model.host().textProperty().set("localhost");
        model.port().textProperty().set("0");
        assertFalse(model.canCheckProperty().get());
        assertEquals("Port must be a number from 1 to 65535", model.port().verdict().message());
    }
}
