package com.socketworkbench.ui.http;

import com.socketworkbench.engine.http.ScriptedServer;
import com.socketworkbench.ui.fx.CurrentThreadUiExecutor;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTTP tab's model against a server that floods it with interim responses, in the small-heap JVM: the exchange
 * ends, lands in the history with the limit's verdict, and the tab is ready for the next request.
 */
@Timeout(120)
class HttpViewModelHostileTest {
    private final CurrentThreadUiExecutor executor = new CurrentThreadUiExecutor();
    private final Subscriptions subscriptions = new Subscriptions();

    @Test
    void afterAContinueFloodTheTabIsReadyToSendAgain() throws Exception {
        byte[] interim = "HTTP/1.1 100 Continue\r\n\r\n".repeat(2_700).getBytes(StandardCharsets.US_ASCII);
        try (ScriptedServer server = new ScriptedServer(request -> new ScriptedServer.Reply(out -> {
            for (long sent = 0; sent < 32L * 1024 * 1024; sent += interim.length) {
                out.write(interim);
            }
        }, ScriptedServer.After.HOLD))) {
            HttpViewModel model = new HttpViewModel(InMemoryPreferences.fresh(), executor, subscriptions);
            try {
                model.port().textProperty().set(Integer.toString(server.port()));
                model.requestTextProperty().set("GET / HTTP/1.1\nHost: 127.0.0.1\n\n");
                model.send();

                assertFalse(model.busyProperty().get());
                assertTrue(model.canSendProperty().get(), "Send is enabled again");
                assertFalse(model.progressProperty().get().contains("Cancelling"), model.progressProperty().get());
                assertEquals(1, model.history().size());
                assertTrue(model.history().getFirst().exchange().response().orElseThrow()
                        .verdict("TOO_MANY_INTERIM_RESPONSES").isPresent());
            } finally {
                model.dispose();
                subscriptions.dispose();
            }
        }
    }
}
