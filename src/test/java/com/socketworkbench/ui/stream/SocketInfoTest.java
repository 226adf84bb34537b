package com.socketworkbench.ui.stream;

import com.socketworkbench.engine.options.ConnectionDetails;
import com.socketworkbench.ui.fx.CurrentThreadUiExecutor;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Real loopback sockets, read through a synchronous executor: what a TCP tab's socket panel is shown. */
class SocketInfoTest {
    private final SocketOptionsModel options = new SocketOptionsModel(InMemoryPreferences.fresh(), new Subscriptions());
    private final SocketInfo info = new SocketInfo(options, new CurrentThreadUiExecutor());

    @Test
    void aViewFollowingTheDetailsReadsTheirOwnSubject() throws IOException {
        try (ServerSocketChannel listener = ServerSocketChannel.open();
             SocketChannel client = SocketChannel.open()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            client.connect(listener.getLocalAddress());
            List<String> seen = new ArrayList<>();
            // As the server's view does: it shows the details under the subject it reads when they change.
            info.detailsProperty().addListener((obs, old, now) -> seen.add(info.subjectProperty().get()));

            info.read("test-socket-info", () -> new SocketInfo.Reading("listening socket",
                    options.effectiveProperty().get(), ConnectionDetails.describe(listener)), () -> true);
            info.read("test-socket-info", () -> new SocketInfo.Reading("connection of client",
                    options.effectiveProperty().get(), ConnectionDetails.describe(client)), () -> true);

            assertEquals(List.of("listening socket", "connection of client"), seen);
            assertEquals("connection", info.detailsProperty().get().role());
            assertEquals("connection of client", options.effectiveSubjectProperty().get());
        }
    }

    @Test
    void aReadingNoLongerWantedIsDropped() throws IOException {
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            info.read("test-socket-info", () -> new SocketInfo.Reading("listening socket", null,
                    ConnectionDetails.describe(listener)), () -> true);
            ConnectionDetails shown = info.detailsProperty().get();

            info.read("test-socket-info", () -> new SocketInfo.Reading("another socket", null,
                    ConnectionDetails.describe(listener)), () -> false);

            assertSame(shown, info.detailsProperty().get());
            assertEquals("listening socket", info.subjectProperty().get());
        }
    }

    @Test
    void aGoneSocketOrClearShowsNoSubject() throws IOException {
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            info.read("test-socket-info", () -> new SocketInfo.Reading("listening socket", null,
                    ConnectionDetails.describe(listener)), () -> true);
            info.read("test-socket-info", () -> new SocketInfo.Reading("listening socket", null, null), () -> true);
            assertNull(info.detailsProperty().get());
            assertEquals("", info.subjectProperty().get());

            info.read("test-socket-info", () -> new SocketInfo.Reading("listening socket", null,
                    ConnectionDetails.describe(listener)), () -> true);
            info.clear();
            assertNull(info.detailsProperty().get());
            assertEquals("", info.subjectProperty().get());
            assertEquals("", options.effectiveSubjectProperty().get());
        }
    }
}
