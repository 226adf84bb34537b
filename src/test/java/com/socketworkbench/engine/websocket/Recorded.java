package com.socketworkbench.engine.websocket;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

/** The events of one session, as they came, with waits for the tests. */
final class Recorded implements Consumer<WsEvent> {
    final List<WsEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void accept(WsEvent event) {
        events.add(event);
    }

    <T extends WsEvent> List<T> all(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends WsEvent> T await(Class<T> type, Predicate<T> test) {
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> all(type).stream().anyMatch(test));
        return all(type).stream().filter(test).findFirst().orElseThrow();
    }

    WsEvent.Frame awaitFrame(Direction direction, Predicate<WsFrame> test) {
        return await(WsEvent.Frame.class, f -> f.direction() == direction && test.test(f.frame()));
    }

    void awaitOpen() {
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> !all(WsEvent.Opened.class).isEmpty()
                || !all(WsEvent.Failed.class).isEmpty());
        assertTrue(all(WsEvent.Failed.class).isEmpty(), () -> "failed: " + all(WsEvent.Failed.class));
    }

    List<String> verdictCodes() {
        return all(WsEvent.Frame.class).stream().flatMap(f -> f.verdicts().stream()).map(WsVerdict::code).toList();
    }

    static String text(WsFrame frame) {
        return new String(frame.payload(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
