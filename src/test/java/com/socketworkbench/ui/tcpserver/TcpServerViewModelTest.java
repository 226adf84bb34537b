package com.socketworkbench.ui.tcpserver;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.tcp.CloseMode;
import com.socketworkbench.ui.fx.CurrentThreadUiExecutor;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.input.BindChoices;
import com.socketworkbench.ui.input.InputVerdict;
import com.socketworkbench.ui.input.PortInput;
import com.socketworkbench.ui.stream.Transport;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import com.socketworkbench.ui.tab.ListenerState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.socketworkbench.ui.tab.ModelPulses.pumpUntil;
import static com.socketworkbench.ui.tab.ModelPulses.pumpUntilRow;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The TCP Server view model on its own: no view, no toolkit; the synchronous executor makes the test thread its UI
 * thread and plain JDK sockets on loopback are its clients.
 */
@Timeout(60)
class TcpServerViewModelTest {
    private static final Pattern LISTENING = Pattern.compile("Listening on 127\\.0\\.0\\.1:(\\d+)");

    private final CurrentThreadUiExecutor executor = new CurrentThreadUiExecutor();
    private final Subscriptions subscriptions = new Subscriptions();
    private final TcpServerViewModel model = new TcpServerViewModel(InMemoryPreferences.fresh(), executor,
            subscriptions);
    private final List<Thread> stateChangedOn = new ArrayList<>();

    TcpServerViewModelTest() {
        model.stateProperty().addListener((obs, old, now) -> stateChangedOn.add(Thread.currentThread()));
    }

    @AfterEach
    void dispose() {
        model.stop();
        model.dispose();
        subscriptions.dispose();
    }

    @Test
    void startsAcceptsExchangesClosesAClientAndStopsOnTheCallingThread() throws Exception {
        model.port().textProperty().set("0");
        model.start();
        assertEquals(ListenerState.RUNNING, model.state(), "bound when start returns");
        Matcher listening = LISTENING.matcher(model.listeningAddressProperty().get());
        assertTrue(listening.matches(), model.listeningAddressProperty().get());
        int port = Integer.parseInt(listening.group(1));

        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            client.setSoTimeout(10_000);
            pumpUntil(model, () -> model.clients().size() == 1);
            ClientRow row = model.clients().getFirst();
            model.selectedClientProperty().set(row);
            assertTrue(model.status().state().endsWith("· 1 client"), model.status().state());

            client.getOutputStream().write("ping".getBytes(StandardCharsets.US_ASCII));
            pumpUntilRow(model, timelineRow -> timelineRow.event() instanceof BytesReceived received
                    && new String(received.data(), StandardCharsets.US_ASCII).equals("ping"));

            model.sendEditor().textProperty().set("pong");
            assertTrue(model.sendEditor().send());
            assertArrayEquals("pong".getBytes(StandardCharsets.US_ASCII), client.getInputStream().readNBytes(4));

            model.closeSelected(CloseMode.GRACEFUL);
            assertEquals(-1, client.getInputStream().read(), "the client sees the FIN");
            pumpUntil(model, () -> model.clients().isEmpty());
        }

        model.stop();
        assertEquals(ListenerState.STOPPED, model.state());
        assertEquals("", model.listeningAddressProperty().get());
        assertEquals("Server stopped", model.status().state());
        assertEquals(List.of(Thread.currentThread()), stateChangedOn.stream().distinct().toList(),
                "every state change happened on the test thread");
    }

    @Test
    void startIsReadyOnlyWithValidSettingsOfTheChosenTransport() {
        model.port().textProperty().set("0");
        assertTrue(model.canStartProperty().get(), "0 asks the system for a free port");
        assertEquals(InputVerdict.FINE, model.port().verdict());

        model.port().textProperty().set("80");
        assertTrue(model.canStartProperty().get(), "a privileged port is a hint, not an error");
        assertEquals(InputVerdict.hint(PortInput.privilegedHint()), model.port().verdict());

        model.port().textProperty().set("65536");
        assertFalse(model.canStartProperty().get());
        assertTrue(model.port().verdict().isError());
        model.start();
        assertEquals(ListenerState.STOPPED, model.state(), "start refuses invalid settings by itself");

        model.stream().transportProperty().set(Transport.UNIX);
        assertTrue(model.canStartProperty().get(), "the port does not matter for a socket file");
        model.stream().unixPath().textProperty().set("");
        assertFalse(model.canStartProperty().get());
        assertEquals("Enter the file path of the Unix domain socket, e.g. /tmp/app.sock",
                model.stream().unixPath().verdict().message());
    }

    @Test
    void aWildcardBindIsAWarningInTheModel() {
        assertEquals(InputVerdict.FINE, model.bindAddress().verdictProperty().get());
        model.bindAddress().select(BindChoices.ANY_V4.host());
        assertEquals(InputVerdict.warning("Other machines on your network can connect to this port"),
                model.bindAddress().verdictProperty().get());
        assertEquals("0.0.0.0", model.bindAddress().host());
        assertTrue(model.canStartProperty().get(), "a warning does not block Start");
    }
}
