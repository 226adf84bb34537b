package com.socketworkbench.ui.tcpserver;

import com.socketworkbench.engine.tcp.ConnectionInfo;
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

        table.refresh(List.of(info(1, 10), info(2, 20)));

        assertSame(second, table.rows().get(1));
        assertSame(second, table.selectedProperty().get());
        assertEquals(20, second.bytesInProperty().get());
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

    private static ConnectionInfo info(long id, long bytesIn) {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        return new ConnectionInfo(id, new InetSocketAddress(loopback, 5000),
                new InetSocketAddress(loopback, 50_000 + (int) id), SINCE, bytesIn, 0, 0, 0);
    }
}
