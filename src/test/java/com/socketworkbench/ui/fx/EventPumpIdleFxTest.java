package com.socketworkbench.ui.fx;

import com.socketworkbench.app.FxWatchdog;
import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.NetEvent;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An idle pump asks for no pulses: it stops its timer when a pulse leaves nothing queued and nothing held, and the
 * next event starts it again through one wake-up. Nothing is lost or reordered across a stop and a restart, even
 * with events racing the decision to stop.
 */
@ExtendWith({ApplicationExtension.class, FxWatchdog.Extension.class})
@Timeout(60)
class EventPumpIdleFxTest {
    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 40001);

    private final RecordingSink sink = new RecordingSink();
    private EventPump pump;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Pane(), 200, 100));
        stage.show();
    }

    @AfterEach
    void disposePump() {
        if (pump != null) {
            fxRun(pump::dispose);
        }
    }

    private void startPump() {
        pump = fx(() -> {
            EventPump started = new EventPump(sink);
            started.start();
            return started;
        });
        awaitAsleep();
    }

    private void awaitAsleep() {
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> !pump.isPulsing()));
    }

    /** An event whose payload names its producer and its number there, for checking order afterwards. */
    private static NetEvent event(int producer, int number) {
        byte[] data = ByteBuffer.allocate(8).putInt(producer).putInt(number).array();
        return new BytesReceived(Instant.now(), producer, null, PEER, data);
    }

    @Test
    void theTimerStopsWhenIdleAndEachEventAfterAPauseStartsItOnce() {
        startPump();
        assertEquals(0, pump.wakeUps(), "started awake: no wake-up needed");

        for (int round = 1; round <= 20; round++) {
            pump.emit(event(0, round));
            int expected = round;
            await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> sink.shown.size() == expected));
            awaitAsleep();
            assertEquals(round, pump.wakeUps(), "one wake-up per pause, posted by the event that ended it");
        }

        assertEquals(20, fx(() -> pump.counters().messagesIn()));
        assertInOrder(fx(() -> List.copyOf(sink.shown)), 1, 20);
        assertTrue(fx(pump::isIdle));
    }

    @Test
    void eventsRacingTheStopAreNeitherLostNorReordered() throws InterruptedException {
        startPump();
        int producers = 4;
        int rounds = 60;
        int perRound = 4;
        int[] sent = new int[producers];
        int total = 0;
        for (int round = 0; round < rounds; round++) {
            // Events come in at random moments over a few pulses, so the pump goes to sleep and wakes up again within a
            // round, and now and then the last event of a round arrives while the FX thread decides to stop the timer.
            CountDownLatch go = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(producers);
            for (int p = 0; p < producers; p++) {
                int producer = p;
                int from = sent[p];
                long seed = 31L * round + p;
                Thread.ofVirtual().name("producer-" + p).start(() -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    try {
                        go.await();
                        for (int i = 1; i <= perRound; i++) {
                            pump.emit(event(producer, from + i));
                            LockSupport.parkNanos(random.nextLong(20_000_000));
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        done.countDown();
                    }
                });
                sent[p] += perRound;
            }
            go.countDown();
            assertTrue(done.await(20, TimeUnit.SECONDS), "producers finished");
            total += producers * perRound;
            // No further event comes to wake the pump: an event stranded by a missed wake-up would stay queued.
            int expected = total;
            await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> sink.shown.size() == expected));
        }
        awaitAsleep();

        List<NetEvent> shown = fx(() -> List.copyOf(sink.shown));
        assertEquals(total, shown.size(), "nothing lost, nothing twice");
        for (int p = 0; p < producers; p++) {
            int producer = p;
            assertInOrder(shown.stream().filter(e -> e.connectionId() == producer).toList(), 1, rounds * perRound);
        }
        assertEquals(total, fx(() -> pump.counters().messagesIn()));
        long wakeUps = pump.wakeUps();
        assertTrue(wakeUps >= rounds, "each round woke the pump: " + wakeUps);
        assertTrue(wakeUps <= total / 4, "wake-ups per pause, not per event: " + wakeUps + " for " + total);
    }

    @Test
    void aSleepingPumpTicksItsListenersWithoutAskingForPulses() throws InterruptedException {
        startPump();
        CountDownLatch ticks = new CountDownLatch(3);
        List<Integer> batchSizes = new ArrayList<>();
        List<Boolean> pulsingAtTick = new ArrayList<>();
        fxRun(() -> {
            pump.onPulse(batch -> {
                batchSizes.add(batch.size());
                pulsingAtTick.add(pump.isPulsing());
                ticks.countDown();
            });
            pump.setTicking(true);
        });

        assertTrue(ticks.await(10, TimeUnit.SECONDS), "three ticks");
        fxRun(() -> pump.setTicking(false));
        assertEquals(List.of(0, 0, 0), fx(() -> List.copyOf(batchSizes.subList(0, 3))), "ticks bring no events");
        // Its timer stayed stopped: a tick runs from the FX thread's queue, the pump asked for no pulse.
        assertEquals(List.of(false, false, false), fx(() -> List.copyOf(pulsingAtTick.subList(0, 3))));
        assertFalse(fx(pump::isPulsing));
        assertFalse(fx(pump::isTicking));

        pump.emit(event(0, 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> sink.shown.size() == 1));
    }

    private static void assertInOrder(List<NetEvent> events, int first, int last) {
        assertEquals(last - first + 1, events.size());
        int expected = first;
        for (NetEvent event : events) {
            int number = ByteBuffer.wrap(((BytesReceived) event).data()).getInt(4);
            assertEquals(expected, number, "in order");
            expected++;
        }
    }

    /** Holds what each pulse drained until the pump says to show it, like the timeline does. FX thread. */
    private static final class RecordingSink implements BatchSink {
        final List<NetEvent> held = new ArrayList<>();
        final List<NetEvent> shown = new ArrayList<>();

        @Override
        public void hold(List<NetEvent> batch) {
            held.addAll(batch);
        }

        @Override
        public boolean show() {
            if (held.isEmpty()) {
                return false;
            }
            shown.addAll(held);
            held.clear();
            return true;
        }

        @Override
        public boolean isHolding() {
            return !held.isEmpty();
        }
    }
}
