package com.socketworkbench.engine.tcp;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.NetEvent;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** Records every event; tests wait on it with awaitility. */
final class RecordingSink implements EventSink {
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

    <T extends NetEvent> List<T> of(Class<T> type, long connectionId) {
        return of(type).stream().filter(e -> e.connectionId() == connectionId).toList();
    }

    <T extends NetEvent> T awaitFirst(Class<T> type) {
        return awaitFirst(type, e -> true);
    }

    <T extends NetEvent> T awaitFirst(Class<T> type, Predicate<? super T> condition) {
        await().atMost(WAIT).until(() -> of(type).stream().anyMatch(condition));
        return of(type).stream().filter(condition).findFirst().orElseThrow();
    }

    /** All bytes received on a connection so far, in order. */
    byte[] received(long connectionId) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (BytesReceived r : of(BytesReceived.class, connectionId)) {
            bytes.writeBytes(r.data());
        }
        return bytes.toByteArray();
    }

    long receivedCount(long connectionId) {
        return of(BytesReceived.class, connectionId).stream().mapToLong(r -> r.data().length).sum();
    }
}
