package com.socketworkbench.ui.tcpclient;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.Failure;

import com.socketworkbench.ui.fx.CurrentThreadUiExecutor;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.stream.Transport;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static com.socketworkbench.ui.tab.ModelPulses.pumpUntilRow;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The TCP Client view model on its own: no view, no toolkit. The synchronous executor makes the test thread its UI
 * thread, so every action has finished when it returns; the peer is a plain JDK server socket on loopback.
 */
@Timeout(60)
class TcpClientViewModelTest {
    private final CurrentThreadUiExecutor executor = new CurrentThreadUiExecutor();
    private final Subscriptions subscriptions = new Subscriptions();
    private final AppPreferences preferences = InMemoryPreferences.fresh();
    private final TcpClientViewModel model = new TcpClientViewModel(preferences, executor, subscriptions);
    private final List<Thread> stateChangedOn = new ArrayList<>();

    TcpClientViewModelTest() {
        model.stateProperty().addListener((obs, old, now) -> stateChangedOn.add(Thread.currentThread()));
    }

    @AfterEach
    void dispose() {
        model.stop();
        model.dispose();
        subscriptions.dispose();
    }

    @Test
    void connectsSendsReceivesAndDisconnectsOnTheCallingThread() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            model.host().textProperty().set("127.0.0.1");
            model.port().textProperty().set(Integer.toString(server.getLocalPort()));
            assertTrue(model.canConnectProperty().get());

            model.connect();
            assertEquals(ClientState.CONNECTED, model.state(), "the connect outcome is in when connect returns");
            assertTrue(model.connectionInfoProperty().get().endsWith("→ 127.0.0.1:" + server.getLocalPort()),
                    model.connectionInfoProperty().get());
            assertTrue(model.status().state().startsWith("Connected "), model.status().state());

            try (Socket peer = server.accept()) {
                peer.setSoTimeout(10_000);
                model.sendEditor().textProperty().set("hello");
                assertTrue(model.sendEditor().canSendProperty().get());
                assertTrue(model.sendEditor().send());
                assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), peer.getInputStream().readNBytes(5));

                peer.getOutputStream().write("world".getBytes(StandardCharsets.US_ASCII));
                pumpUntilRow(model, row -> row.event() instanceof BytesReceived received
                        && new String(received.data(), StandardCharsets.US_ASCII).equals("world"));

                model.disconnect();
                assertEquals(ClientState.DISCONNECTED, model.state());
                assertEquals("", model.connectionInfoProperty().get());
                InputStream in = peer.getInputStream();
                assertEquals(-1, in.read(), "the peer sees the FIN");
            }
        }
        assertEquals(List.of(Thread.currentThread()), stateChangedOn.stream().distinct().toList(),
                "every state change happened on the test thread, none on a toolkit or engine thread");
    }

    @Test
    void aRefusedConnectEndsDisconnectedWithAFailureRow() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        model.port().textProperty().set(Integer.toString(closedPort));
        model.connect();
        assertEquals(ClientState.DISCONNECTED, model.state());
        pumpUntilRow(model, row -> row.event() instanceof Failure);
        assertEquals("Not connected", model.status().state());
    }

    @Test
    void connectIsReadyOnlyWithValidSettingsOfTheChosenTransport() {
        model.host().textProperty().set("127.0.0.1");
        model.port().textProperty().set("5000");
        assertTrue(model.canConnectProperty().get());

        model.port().textProperty().set("0");
        assertFalse(model.canConnectProperty().get(), "a client cannot connect to port 0");
        assertEquals("Port must be a number from 1 to 65535", model.port().verdict().message());
        model.connect();
        assertEquals(ClientState.DISCONNECTED, model.state(), "connect refuses invalid settings by itself");

        model.port().textProperty().set("5000");
        model.host().textProperty().set("my host");
        assertFalse(model.canConnectProperty().get());
        assertEquals("A host name cannot contain spaces", model.host().verdict().message());

        model.stream().transportProperty().set(Transport.UNIX);
        model.stream().unixPath().textProperty().set("/tmp/sw-client-test.sock");
        assertTrue(model.canConnectProperty().get(), "host and port do not matter for a socket file");
        model.stream().unixPath().textProperty().set("  ");
        assertFalse(model.canConnectProperty().get());
    }

    @Test
    void afterTheServerClosedTheConnectionTheSendHintSaysSoNotConnectFirst() throws Exception {
        assertEquals("Connect first", model.sendEditor().targetHintProperty().get());
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            model.host().textProperty().set("127.0.0.1");
            model.port().textProperty().set(Integer.toString(server.getLocalPort()));
            model.connect();
            server.accept().close();
            pumpUntilRow(model, row -> row.event() instanceof ConnectionClosed);
        }
        assertEquals(ClientState.DISCONNECTED, model.state());
        assertEquals("Not connected: the last connection ended (the server closed it); connect again",
                model.sendEditor().targetHintProperty().get());
    }

    @Test
    void theHostIsUsedAndRememberedWithoutBrackets() {
        model.host().textProperty().set(" [::1] ");
        assertEquals("::1", model.host().host());
        model.port().textProperty().set("6000");
        model.savePreferences();
        TcpClientViewModel next = new TcpClientViewModel(preferences, executor, new Subscriptions());
        assertEquals("::1", next.host().textProperty().get());
        assertEquals("6000", next.port().textProperty().get());
    }
}
