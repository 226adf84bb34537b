package com.socketworkbench.reliability;

import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.NetEvent;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** Keeps every event, payloads included; for tests that move little data. */
final class RecordingSink implements EventSink {
    static final Duration WAIT = Duration.ofSeconds(10);

    private final List<NetEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void emit(NetEvent event) {
        events.add(event);
    }

    <T extends NetEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends NetEvent> List<T> of(Class<T> type, Predicate<? super T> condition) {
        return of(type).stream().filter(condition).toList();
    }

    <T extends NetEvent> T awaitFirst(Class<T> type, Predicate<? super T> condition) {
        return await().atMost(WAIT).until(() -> of(type, condition), list -> !list.isEmpty()).getFirst();
    }

    <T extends NetEvent> T awaitFirst(Class<T> type) {
        return awaitFirst(type, e -> true);
    }
}
