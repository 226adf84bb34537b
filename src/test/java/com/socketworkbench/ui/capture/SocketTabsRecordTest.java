package com.socketworkbench.ui.capture;

import com.socketworkbench.engine.capture.CaptureFileContents;
import com.socketworkbench.ui.fx.CurrentThreadUiExecutor;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import com.socketworkbench.ui.tab.ListenerState;
import com.socketworkbench.ui.tcpserver.TcpServerViewModel;
import com.socketworkbench.ui.udp.UdpViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static com.socketworkbench.ui.tab.ModelPulses.pumpUntil;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The TCP server and UDP tabs record what their engine components emit: their view models (no toolkit, the test
 * thread as UI thread) against plain JDK peers on loopback, the files read back.
 */
@Timeout(60)
class SocketTabsRecordTest {
    @TempDir
    Path dir;

    private final CurrentThreadUiExecutor executor = new CurrentThreadUiExecutor();
    private final Subscriptions subscriptions = new Subscriptions();

    @AfterEach
    void dispose() {
        subscriptions.dispose();
    }

    @Test
    void theTcpServerTabRecordsItsConnectionsAsTcp() throws Exception {
        TcpServerViewModel model = new TcpServerViewModel(InMemoryPreferences.fresh(), executor, subscriptions);
        try {
            model.port().textProperty().set("0");
            model.start();
            assertEquals(ListenerState.RUNNING, model.state());
            Path file = dir.resolve("server.pcapng");
            model.capture().recordSettings().file().textProperty().set(file.toString());
            model.capture().startRecording();
            assertEquals(RecordState.ON, model.capture().state());

            int port = Integer.parseInt(model.listeningAddressProperty().get().replaceAll(".*:", ""));
            byte[] sent = "hello over tcp".getBytes(StandardCharsets.US_ASCII);
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
                OutputStream out = client.getOutputStream();
                out.write(sent);
                out.flush();
                pumpUntil(model, () -> model.traffic().pump().counters().bytesIn() == sent.length);
            }
            model.capture().stopRecording();
            assertEquals(RecordState.OFF, model.capture().state());

            List<CaptureFileContents.TcpConnection> connections = CaptureFileContents.tcpConnections(List.of(file));
            assertEquals(1, connections.size());
            assertEquals(port, connections.getFirst().server().getPort(), "the accepted connection, server side");
            assertArrayEquals(sent, connections.getFirst().clientBytes());
        } finally {
            model.stop();
            model.dispose();
        }
    }

    @Test
    void theUdpTabRecordsEveryDatagramItReceives() throws Exception {
        UdpViewModel model = new UdpViewModel(InMemoryPreferences.fresh(), executor, subscriptions);
        try {
            model.port().textProperty().set("0");
            model.start();
            assertEquals(ListenerState.RUNNING, model.state());
            Path file = dir.resolve("udp.pcapng");
            model.capture().recordSettings().file().textProperty().set(file.toString());
            model.capture().startRecording();

            InetSocketAddress target = model.endpoint().localAddress();
            int count = 200;
            try (DatagramSocket peer = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                for (int i = 0; i < count; i++) {
                    byte[] payload = ("datagram " + i).getBytes(StandardCharsets.US_ASCII);
                    peer.send(new DatagramPacket(payload, payload.length, target));
                    // One at a time, so none is lost to a full receive buffer on a busy machine.
                    int expected = i + 1;
                    pumpUntil(model, () -> model.traffic().pump().counters().messagesIn() == expected);
                }
            }
            model.capture().stopRecording();

            List<CaptureFileContents.Datagram> datagrams = CaptureFileContents.datagrams(List.of(file));
            assertEquals(count, datagrams.size());
            for (int i = 0; i < count; i++) {
                assertEquals("datagram " + i, new String(datagrams.get(i).payload(), StandardCharsets.US_ASCII));
                assertEquals(target.getPort(), datagrams.get(i).destination().getPort());
            }
            assertTrue(model.capture().messageProperty().get().text().startsWith("Recording stopped. Recorded 200"
                    + " events"), model.capture().messageProperty().get().text());
        } finally {
            model.stop();
            model.dispose();
        }
    }
}
