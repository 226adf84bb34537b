package com.socketworkbench.engine.repeat;

import com.socketworkbench.engine.codec.LineEnding;
import com.socketworkbench.engine.codec.PayloadFormat;
import com.socketworkbench.engine.fields.FieldTemplate;
import com.socketworkbench.engine.fields.PayloadSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class PeriodicSenderTest {
    private static final byte[] PING = "ping\n".getBytes(StandardCharsets.US_ASCII);
    private LoopbackPeer peer;
    private PeriodicSender sender;

    @AfterEach
    void tearDown() throws Exception {
        if (sender != null) {
            sender.stop();
            sender.done().get(5, TimeUnit.SECONDS);
        }
        if (peer != null) {
            peer.close();
        }
    }

    static FieldTemplate template(String text) throws Exception {
        return FieldTemplate.compile(new PayloadSpec(text, PayloadFormat.TEXT, StandardCharsets.US_ASCII,
                LineEnding.NONE, false, false));
    }

    @Test
    void sendsExactlyTheCountToALoopbackPeer() throws Exception {
        peer = new LoopbackPeer();
        sender = PeriodicSender.start(template("ping\n"), RepeatPlan.every(Duration.ofMillis(10), 25), peer.sink());

        RepeatOutcome outcome = sender.done().get(10, TimeUnit.SECONDS);

        assertThat(outcome.ending()).isEqualTo(RepeatOutcome.Ending.COMPLETED);
        assertThat(outcome.sent()).isEqualTo(25);
        assertThat(sender.sent()).isEqualTo(25);
        await().atMost(Duration.ofSeconds(5)).until(() -> peer.received() == 25L * PING.length);
    }

    /**
     * Each send takes 30 ms before it counts as written, at a 40 ms interval: scheduled from the start the 15 sends
     * span 14 × 40 = 560 ms; "sleep the interval after each send" would span 14 × 70 = 980 ms.
     */
    @Test
    void slowSendsDoNotAccumulateDrift() throws Exception {
        peer = new LoopbackPeer();
        List<Long> sendTimes = new CopyOnWriteArrayList<>();
        SendSink slow = payload -> {
            sendTimes.add(System.nanoTime());
            return peer.client().send(payload).thenCompose(done -> CompletableFuture.runAsync(() -> { },
                    CompletableFuture.delayedExecutor(30, TimeUnit.MILLISECONDS)));
        };
        sender = PeriodicSender.start(template("x"), RepeatPlan.every(Duration.ofMillis(40), 15), slow);

        RepeatOutcome outcome = sender.done().get(10, TimeUnit.SECONDS);

        assertThat(outcome.sent()).isEqualTo(15);
        long first = sendTimes.getFirst();
        for (int k = 1; k < sendTimes.size(); k++) {
            // Never early: send k is not before its slot (less a millisecond for the first send's own lateness).
            assertThat(sendTimes.get(k) - first).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(40L * k - 1));
        }
        long span = TimeUnit.NANOSECONDS.toMillis(sendTimes.getLast() - first);
        // Generous for a loaded machine, and still well short of the drifting 980 ms.
        assertThat(span).isBetween(559L, 860L);
        await().atMost(Duration.ofSeconds(5)).until(() -> peer.received() == 15);
    }

    @Test
    void stopEndsAOneHourIntervalWithin200Milliseconds() throws Exception {
        peer = new LoopbackPeer();
        sender = PeriodicSender.start(template("x"), RepeatPlan.every(Duration.ofHours(1), RepeatPlan.UNTIL_STOPPED),
                peer.sink());
        await().atMost(Duration.ofSeconds(5)).until(() -> sender.sent() == 1);

        long stopAt = System.nanoTime();
        sender.stop();
        RepeatOutcome outcome = sender.done().get(5, TimeUnit.SECONDS);
        long latency = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopAt);

        assertThat(latency).isLessThan(200);
        assertThat(outcome.ending()).isEqualTo(RepeatOutcome.Ending.STOPPED);
        assertThat(outcome.sent()).isEqualTo(1);
    }

    /** A send that blocks 400 ms at a 10 ms interval: the slots older than the catch-up window are skipped. */
    @Test
    void fallingBehindSkipsMissedSlotsInsteadOfBursting() throws Exception {
        peer = new LoopbackPeer();
        AtomicInteger calls = new AtomicInteger();
        SendSink stalls = payload -> {
            CompletableFuture<?> written = peer.client().send(payload);
            if (calls.incrementAndGet() == 2) {
                return written.thenCompose(done -> CompletableFuture.runAsync(() -> { },
                        CompletableFuture.delayedExecutor(400, TimeUnit.MILLISECONDS)));
            }
            return written;
        };
        sender = PeriodicSender.start(template("x"), RepeatPlan.every(Duration.ofMillis(10), 10), stalls);

        RepeatOutcome outcome = sender.done().get(10, TimeUnit.SECONDS);

        assertThat(outcome.sent()).isEqualTo(10);
        // 400 ms behind is 40 slots, of which those within the 100 ms catch-up window (10) still go.
        assertThat(outcome.skipped()).isBetween(20L, 100L);
    }

    @Test
    void aFailedSendEndsTheRunWithTheEnginesReason() throws Exception {
        peer = new LoopbackPeer();
        peer.client().disconnect();
        await().atMost(Duration.ofSeconds(5)).until(() -> !peer.client().isConnected());
        sender = PeriodicSender.start(template("x"), RepeatPlan.every(Duration.ofMillis(5), 10), peer.sink());

        RepeatOutcome outcome = sender.done().get(5, TimeUnit.SECONDS);

        assertThat(outcome.ending()).isEqualTo(RepeatOutcome.Ending.FAILED);
        assertThat(outcome.sent()).isZero();
        assertThat(outcome.reason()).isNotBlank();
    }

    @Test
    void jitterKeepsTheCount() throws Exception {
        peer = new LoopbackPeer();
        sender = PeriodicSender.start(template("x"), new RepeatPlan(Duration.ofMillis(10), 15,
                Duration.ofMillis(4)), peer.sink());

        assertThat(sender.done().get(10, TimeUnit.SECONDS).sent()).isEqualTo(15);
    }

    @Test
    void aPlanOutsideItsLimitsIsRefusedInWords() {
        assertThatThrownBy(() -> RepeatPlan.every(Duration.ZERO, 1)).hasMessageContaining("interval");
        assertThatThrownBy(() -> RepeatPlan.every(Duration.ofHours(2), 1)).hasMessageContaining("interval");
        assertThatThrownBy(() -> RepeatPlan.every(Duration.ofMillis(5), -1)).hasMessageContaining("count");
        assertThatThrownBy(() -> new RepeatPlan(Duration.ofMillis(10), 1, Duration.ofMillis(6)))
                .hasMessageContaining("jitter");
    }
}
