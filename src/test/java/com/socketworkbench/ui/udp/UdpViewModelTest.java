package com.socketworkbench.ui.udp;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.ui.fx.CurrentThreadUiExecutor;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import com.socketworkbench.ui.tab.ListenerState;
import com.socketworkbench.ui.traffic.TimelineRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.socketworkbench.ui.tab.ModelPulses.pumpUntil;
import static com.socketworkbench.ui.tab.ModelPulses.pumpUntilRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The UDP view model on its own: no view, no toolkit; the synchronous executor makes the test thread its UI thread
 * and a plain JDK datagram socket on loopback is the peer.
 */
@Timeout(60)
class UdpViewModelTest {
    private static final Pattern BOUND = Pattern.compile("Bound to 127\\.0\\.0\\.1:(\\d+)");

    private final CurrentThreadUiExecutor executor = new CurrentThreadUiExecutor();
    private final Subscriptions subscriptions = new Subscriptions();
    private final UdpViewModel model = new UdpViewModel(InMemoryPreferences.fresh(), executor, subscriptions);
    private final List<Thread> stateChangedOn = new ArrayList<>();

    UdpViewModelTest() {
        model.stateProperty().addListener((obs, old, now) -> stateChangedOn.add(Thread.currentThread()));
    }

    @AfterEach
    void dispose() {
        model.stop();
        model.dispose();
        subscriptions.dispose();
    }

    @Test
    void bindsReceivesRepliesToTheSenderAndStopsOnTheCallingThread() throws Exception {
        model.port().textProperty().set("0");
        model.start();
        assertEquals(ListenerState.RUNNING, model.state(), "bound when start returns");
        Matcher bound = BOUND.matcher(model.listeningAddressProperty().get());
        assertTrue(bound.matches(), model.listeningAddressProperty().get());
        int port = Integer.parseInt(bound.group(1));

        try (DatagramSocket peer = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            peer.setSoTimeout(10_000);
            byte[] ping = "ping".getBytes(StandardCharsets.US_ASCII);
            peer.send(new DatagramPacket(ping, ping.length, InetAddress.getLoopbackAddress(), port));
            TimelineRow received = pumpUntilRow(model, row -> row.event() instanceof BytesReceived datagram
                    && new String(datagram.data(), StandardCharsets.US_ASCII).equals("ping"));

            model.selectedRowProperty().set(received);
            assertTrue(model.canReplyBinding().get());
            assertTrue(model.replyToSender());
            assertEquals("127.0.0.1", model.targetHost().textProperty().get());
            assertEquals(Integer.toString(peer.getLocalPort()), model.targetPort().textProperty().get());

            model.sendEditor().textProperty().set("pong");
            assertEquals("", model.sendEditor().targetHintProperty().get());
            assertTrue(model.sendEditor().send());
            DatagramPacket answer = new DatagramPacket(new byte[100], 100);
            peer.receive(answer);
            assertEquals("pong", new String(answer.getData(), 0, answer.getLength(), StandardCharsets.US_ASCII));
            assertEquals(port, answer.getPort(), "sent from the tab's own socket");
            assertEquals("", model.sendMessageProperty().get());
            pumpUntil(model, () -> model.stats().datagramCountersProperty().get().startsWith("Received 1 "));
        }

        model.stop();
        assertEquals(ListenerState.STOPPED, model.state());
        assertEquals("", model.listeningAddressProperty().get());
        assertEquals(List.of(Thread.currentThread()), stateChangedOn.stream().distinct().toList(),
                "every state change happened on the test thread");
    }

    @Test
    void theTargetIsJudgedInTheModelAndExplainedAtSend() {
        model.targetHost().textProperty().set("127.0.0.1");
        model.targetPort().textProperty().set("9");
        assertEquals("", model.sendEditor().targetHintProperty().get());
        assertTrue(model.sendEditor().targetReadyProperty().get());

        model.targetHost().textProperty().set("");
        assertEquals("Enter a host name or address, e.g. 127.0.0.1", model.targetHost().verdict().message());
        assertEquals("Enter the target host to send to", model.sendEditor().targetHintProperty().get());
        assertFalse(model.sendEditor().targetReadyProperty().get());

        model.targetHost().textProperty().set("::1");
        model.targetPort().textProperty().set("0");
        assertTrue(model.targetPort().verdict().isError(), "nothing can be sent to port 0");
        assertEquals("Enter the target port (1–65535)", model.sendEditor().targetHintProperty().get());
    }

    @Test
    void startIsReadyOnlyWithAValidPort() {
        model.port().textProperty().set("x");
        assertFalse(model.canStartProperty().get());
        assertEquals("'x' is not a number. Port must be a number from 0 to 65535 (0 = any free port)",
                model.port().verdict().message());
        model.start();
        assertEquals(ListenerState.STOPPED, model.state());
        model.port().textProperty().set(" 0 ");
        assertTrue(model.canStartProperty().get());
    }
}
