package com.socketworkbench.engine.relay;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.engine.event.DataEvent;
import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.NetEvent;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** Records every event of a relay; tests wait on it with awaitility. */
final class RelayEvents implements EventSink {
    static final Duration WAIT = Duration.ofSeconds(10);

    private final List<NetEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void emit(NetEvent event) {
        events.add(event);
    }

    List<NetEvent> all() {
        return List.copyOf(events);
    }

    <T extends NetEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends NetEvent> List<T> of(Class<T> type, long pairId) {
        return of(type).stream().filter(e -> e.connectionId() == pairId).toList();
    }

    <T extends NetEvent> T awaitFirst(Class<T> type, Predicate<? super T> condition) {
        await().atMost(WAIT).until(() -> of(type).stream().anyMatch(condition));
        return of(type).stream().filter(condition).findFirst().orElseThrow();
    }

    <T extends NetEvent> T awaitFirst(Class<T> type) {
        return awaitFirst(type, e -> true);
    }

    /** The bytes forwarded client → server on a pair, in order. */
    byte[] clientToServer(long pairId) {
        return joined(of(BytesReceived.class, pairId));
    }

    /** The bytes forwarded server → client on a pair, in order. */
    byte[] serverToClient(long pairId) {
        return joined(of(BytesSent.class, pairId));
    }

    private static byte[] joined(List<? extends DataEvent> chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        chunks.forEach(c -> out.writeBytes(c.data()));
        return out.toByteArray();
    }
}
