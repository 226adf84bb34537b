package com.socketworkbench.ui.tcpserver;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.engine.event.CloseReason;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.tcp.ConnectionInfo;
import com.socketworkbench.ui.fx.TrafficCounters;

import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server's client table mirrors the engine's connection list without replacing rows. */
class ClientTableTest {
    private static final Instant SINCE = Instant.parse("2025-01-01T10:00:00Z");
    private final ClientTable table = new ClientTable();

    @Test
    void aBurstOfArrivalsIsOneListChange() {
        AtomicInteger changes = new AtomicInteger();
        table.rows().addListener((ListChangeListener<ClientRow>) change -> changes.incrementAndGet());

        table.refresh(List.of(info(1, 0), info(2, 0), info(3, 0)));

        assertEquals(1, changes.get());
        assertEquals(List.of(1L, 2L, 3L), table.rows().stream().map(ClientRow::id).toList());
    }

    @Test
    void rowsKeepTheirIdentityAndSelectionWhileCountersChange() {
        table.refresh(List.of(info(1, 0), info(2, 0)));
        ClientRow second = table.rows().get(1);
        table.selectedProperty().set(second);

        table.count(List.of(received(2, 20)));
        table.refresh(List.of(info(1, 10), info(2, 25)));

        assertSame(second, table.rows().get(1));
        assertSame(second, table.selectedProperty().get());
        assertEquals(20, second.bytesInProperty().get());
    }

    @Test
    void bytesAreTheRowsBytesLikeTheStatusBarNotTheSocketsBytes() {
        // Two lines "ab\n" and "c\n" read as 5 bytes; framed by LF the rows hold 3, and so does the status bar.
        TrafficCounters statusBar = new TrafficCounters();
        List<NetEvent> batch = List.of(received(1, 2), received(1, 1), sent(1, 4));
        batch.forEach(statusBar::record);
        table.count(batch);
        table.refresh(List.of(info(1, 5)));

        ClientRow row = table.rows().getFirst();
        assertEquals(statusBar.bytesIn(), row.bytesInProperty().get());
        assertEquals(3, row.bytesInProperty().get());
        assertEquals(statusBar.bytesOut(), row.bytesOutProperty().get());
    }

    @Test
    void aProvisionalViewOfPendingBytesCountsInNeitherTheTableNorTheStatusBar() {
        // "Password: " shown while it waits for its delimiter, then the whole line once it arrives: 12 bytes once.
        TrafficCounters statusBar = new TrafficCounters();
        List<NetEvent> batch = List.of(
                new BytesReceived(SINCE, 1, null, peer(1), new byte[10], 1, false, true), received(1, 12));
        batch.forEach(statusBar::record);
        table.count(batch);
        table.refresh(List.of(info(1, 12)));

        assertEquals(12, table.rows().getFirst().bytesInProperty().get());
        assertEquals(statusBar.bytesIn(), table.rows().getFirst().bytesInProperty().get());
    }

    @Test
    void ratesAreBytesPerSecondOverAboutASecondMeasuredOnRefresh() {
        long start = 1_000_000_000L;
        table.refresh(List.of(info(1, 0)), start);
        ClientRow row = table.rows().getFirst();
        table.count(List.of(received(1, 3000), sent(1, 500)));

        table.refresh(List.of(info(1, 0)), start + 500_000_000L);
        assertEquals(0, row.rateInProperty().get(), "half a second is too short a window");
        assertEquals(3000, row.bytesInProperty().get(), "the counts themselves follow at once");

        table.refresh(List.of(info(1, 0)), start + 1_500_000_000L);
        assertEquals(2000, row.rateInProperty().get());
        assertEquals(333, row.rateOutProperty().get());

        table.refresh(List.of(info(1, 0)), start + 2_500_000_000L);
        assertEquals(0, row.rateInProperty().get(), "a quiet second reads as 0 B/s");
    }

    @Test
    void clientsThatLeftAreCountedUntilTheNextStart() {
        table.count(List.of(received(1, 1), closed(1), closed(2)));
        assertEquals(2, table.leftProperty().get());
        table.reset();
        assertEquals(0, table.leftProperty().get());
    }

    @Test
    void closedConnectionsLeaveTheTable() {
        table.refresh(List.of(info(1, 0), info(2, 0), info(3, 0)));
        table.refresh(List.of(info(2, 5)));
        assertEquals(List.of(2L), table.rows().stream().map(ClientRow::id).toList());

        table.refresh(List.of(info(2, 5), info(1, 0)));
        assertEquals(List.of(2L, 1L), table.rows().stream().map(ClientRow::id).toList(), "a new row for id 1");

        table.refresh(List.of());
        assertTrue(table.rows().isEmpty());
    }

    @Test
    void aReadingIsDueAQuarterSecondAfterTheLast() {
        long start = 5_000_000_000L;
        table.refresh(List.of(info(1, 0)), start);
        assertFalse(table.refreshDue(start + 249_999_999L));
        assertTrue(table.refreshDue(start + 250_000_000L));
    }

    private static InetSocketAddress peer(long id) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 50_000 + (int) id);
    }

    private static BytesReceived received(long id, int size) {
        return new BytesReceived(SINCE, id, null, peer(id), new byte[size]);
    }

    private static BytesSent sent(long id, int size) {
        return new BytesSent(SINCE, id, null, peer(id), new byte[size]);
    }

    private static ConnectionClosed closed(long id) {
        return new ConnectionClosed(SINCE, id, null, peer(id), CloseReason.PEER_CLOSED, "");
    }

    private static ConnectionInfo info(long id, long bytesIn) {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        return new ConnectionInfo(id, new InetSocketAddress(loopback, 5000),
                new InetSocketAddress(loopback, 50_000 + (int) id), SINCE, bytesIn, 0, 0, 0);
    }
}
