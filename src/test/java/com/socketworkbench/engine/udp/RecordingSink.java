package com.socketworkbench.engine.udp;

import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.NetEvent;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** Keeps every event; tests wait for the ones they expect. */
final class RecordingSink implements EventSink {

    private final List<NetEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void emit(NetEvent event) {
        events.add(event);
    }

    List<NetEvent> events() {
        return List.copyOf(events);
    }

    <T extends NetEvent> List<T> all(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends NetEvent> T awaitFirst(Class<T> type, Predicate<? super T> condition) {
        return await().atMost(Duration.ofSeconds(5))
                .until(() -> all(type).stream().filter(condition).findFirst().orElse(null),
                        found -> found != null);
    }

    <T extends NetEvent> List<T> awaitCount(Class<T> type, int count) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> all(type), list -> list.size() >= count);
    }
}
