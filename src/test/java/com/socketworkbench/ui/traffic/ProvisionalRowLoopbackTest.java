package com.socketworkbench.ui.traffic;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.framing.DelimiterPreset;
import com.socketworkbench.engine.framing.FramingSpec;
import com.socketworkbench.engine.tcp.TcpClient;
import com.socketworkbench.engine.tcp.TcpClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A device prompt without a line end, from a real loopback peer, through a delimiter-framed client into the
 * timeline: shown as a provisional row marked incomplete after the idle gap, replaced by the frame once the line
 * ends, and kept as an (incomplete) row when the peer closes without ending it.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ProvisionalRowLoopbackTest {
    private final ConcurrentLinkedQueue<NetEvent> events = new ConcurrentLinkedQueue<>();
    private final List<NetEvent> seen = new ArrayList<>();
    private final TimelineModel model = new TimelineModel();

    private static String text(NetEvent event) {
        return new String(((BytesReceived) event).data(), StandardCharsets.US_ASCII);
    }

    /** Waits for an event, then hands everything that arrived to the timeline (as the pump does once a pulse). */
    private void pulseWhen(Predicate<NetEvent> wanted) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            NetEvent event;
            while ((event = events.poll()) != null) {
                seen.add(event);
                model.hold(List.of(event));
            }
            return seen.stream().anyMatch(wanted);
        });
        model.show();
    }

    private static Predicate<NetEvent> data(String text, boolean incomplete) {
        return event -> event instanceof BytesReceived received && received.incomplete() == incomplete
                && text(received).equals(text);
    }

    @Test
    void aPasswordPromptShowsAsAnIncompleteRowUntilItsLineEnds() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             TcpClient client = new TcpClient(new TcpClientConfig("127.0.0.1", listener.getLocalPort(),
                     Duration.ofSeconds(5)), events::add)) {
            client.setFramerFactory(new FramingSpec.Delimited(DelimiterPreset.LF, false)::create);
            client.connect().get(10, TimeUnit.SECONDS);
            try (Socket peer = listener.accept()) {
                OutputStream out = peer.getOutputStream();
                out.write("Welcome\nPassword: ".getBytes(StandardCharsets.US_ASCII));
                out.flush();

                pulseWhen(data("Password: ", true));
                assertEquals(1, model.provisionalRows().size());
                TimelineRow provisional = model.provisionalRows().getFirst();
                assertEquals("Password: ", EventText.preview(provisional.event(), StandardCharsets.US_ASCII));
                assertEquals("10 B · incomplete, waiting for the delimiter", EventText.size(provisional.event()));
                assertEquals("row-incomplete", EventText.rowStyleClass(provisional.event()));
                assertTrue(model.rows().stream().anyMatch(row -> row.event() instanceof BytesReceived r
                        && text(r).equals("Welcome")));
                assertFalse(model.rows().stream().anyMatch(row -> row.event() == provisional.event()),
                        "the provisional row is not one of the timeline's rows");
                assertEquals(1, client.messagesIn(), "a provisional view is no message");

                out.write("\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                pulseWhen(data("Password: ", false));
                assertTrue(model.provisionalRows().isEmpty(), "the complete frame replaced the provisional row");
                TimelineRow last = model.rows().getLast();
                assertEquals("Password: ", text(last.event()));
                assertFalse(((BytesReceived) last.event()).incomplete());

                out.write("Again: ".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                pulseWhen(data("Again: ", true));
                assertEquals(1, model.provisionalRows().size());
            }
            // The peer closed without ending the line: the pending bytes become a row, before the close.
            pulseWhen(event -> event instanceof ConnectionClosed);
            assertTrue(model.provisionalRows().isEmpty());
            int closed = model.rows().size() - 1;
            assertTrue(model.rows().get(closed).event() instanceof ConnectionClosed);
            BytesReceived kept = (BytesReceived) model.rows().get(closed - 1).event();
            assertEquals("Again: ", text(kept));
            assertTrue(kept.incomplete());
        }
    }
}
