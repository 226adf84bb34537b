package com.socketworkbench.engine.scenario;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.engine.event.NetEvent;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

class ScenarioRunnerTest {

    /** The listener's calls, for assertions. */
    static final class Progress implements ScenarioListener {
        final List<StepResult> finished = new CopyOnWriteArrayList<>();
        final Map<String, SocketAddress> opened = new ConcurrentHashMap<>();
        final CompletableFuture<ScenarioResult> done = new CompletableFuture<>();
        final CountDownLatch started = new CountDownLatch(1);

        @Override
        public void connectionOpened(ConnectionSpec connection, SocketAddress local) {
            opened.put(connection.name(), local);
        }

        @Override
        public void stepStarted(Step step, int iteration) {
            started.countDown();
        }

        @Override
        public void stepFinished(StepResult result) {
            finished.add(result);
        }

        @Override
        public void finished(ScenarioResult result) {
            done.complete(result);
        }
    }

    private static ScenarioResult run(String yaml, Progress progress, List<NetEvent> events) throws Exception {
        Scenario scenario = ScenarioParser.parse(yaml, "test.yaml");
        return new ScenarioRunner(scenario, events == null ? null : events::add, progress).run();
    }

    @Test
    void theDocExamplePassesAgainstAPeerThatAnswersOk42() throws Exception {
        try (LoopbackPeer peer = LoopbackPeer.lines(line -> line.equals("HELLO\r\n") ? "OK 42\r\n" : "ERR\r\n")) {
            String yaml = ScenarioParserTest.DOC_EXAMPLE.replace("5020", Integer.toString(peer.port()));
            List<NetEvent> events = new CopyOnWriteArrayList<>();
            Progress progress = new Progress();

            ScenarioResult result = run(yaml, progress, events);

            assertEquals(ScenarioOutcome.PASSED, result.outcome(), result.message());
            assertEquals(4, result.steps().size());
            assertTrue(result.steps().stream().allMatch(StepResult::passed));
            assertEquals(result, progress.done.getNow(null));
            assertTrue(events.stream().anyMatch(e -> e instanceof BytesSent sent
                    && new String(sent.data(), StandardCharsets.UTF_8).equals("HELLO\r\n")),
                    "traffic reaches the sink");
            assertTrue(events.stream().anyMatch(e -> e instanceof BytesReceived));
            // close: dev and the end of the run close the connection: the peer reads end of stream.
            await().atMost(5, TimeUnit.SECONDS).until(() -> peer.endsOfStream() == 1);
        }
    }

    @Test
    void capturesBecomeVariablesOfLaterSteps() throws Exception {
        try (LoopbackPeer peer = LoopbackPeer.lines(line -> line.startsWith("LOGIN")
                ? "SESSION 7f3a\r\n" : line.equals("GET 7f3a\r\n") ? "DATA for 7f3a\r\n" : "ERR\r\n")) {
            ScenarioResult result = run("""
                    vars: { user: alice }
                    connections:
                      dev: { tcp: "127.0.0.1:%d" }
                    steps:
                      - send: { to: dev, text: "LOGIN ${user}\\r\\n" }
                      - expect: { from: dev, regex: "SESSION (\\\\w+)", save: { session: 1 } }
                      - send: { to: dev, text: "GET ${session}\\r\\n" }
                      - expect: { from: dev, regex: "DATA for ${session}", within: 2s }
                    """.formatted(peer.port()), new Progress(), null);

            assertEquals(ScenarioOutcome.PASSED, result.outcome(), result.message());
            assertTrue(peer.received().contains("LOGIN alice\r\nGET 7f3a\r\n"), peer.received());
        }
    }

    @Test
    void anExpectThatNeverMatchesFailsAfterWithinAndReportsWhatArrived() throws Exception {
        try (LoopbackPeer peer = LoopbackPeer.silent("BUSY\r\n".getBytes(StandardCharsets.US_ASCII))) {
            Progress progress = new Progress();
            long start = System.nanoTime();

            ScenarioResult result = run("""
                    connections:
                      dev: { tcp: "127.0.0.1:%d" }
                    steps:
                      - send: { to: dev, text: "HELLO\\r\\n" }
                      - expect: { from: dev, regex: "^OK", within: 300ms }
                      - send: { to: dev, text: "never sent" }
                    """.formatted(peer.port()), progress, null);

            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(ScenarioOutcome.FAILED, result.outcome());
            assertTrue(tookMillis >= 300, "waited its within: " + tookMillis);
            StepResult failed = result.failure().orElseThrow();
            assertEquals(1, failed.step().index());
            assertEquals("BUSY\\r\\n", failed.receivedText());
            assertEquals("42 55 53 59 0d 0a", failed.receivedHex());
            assertEquals("^OK", failed.expected());
            assertTrue(failed.message().contains("did not arrive within")
                    && failed.message().contains("42 55 53 59 0d 0a"), failed.message());
            assertTrue(failed.took().toMillis() >= 300);
            assertEquals(StepStatus.SKIPPED, result.steps().get(2).status());
            assertEquals(failed.message(), result.message());
        }
    }

    @Test
    void aStreamExpectConsumesOnlyThroughItsMatch() throws Exception {
        // Two answers in one write: TCP keeps no boundaries, so the second expect finds its part left over.
        try (LoopbackPeer peer = LoopbackPeer.lines(line -> "A1\nB2\n")) {
            ScenarioResult result = run("""
                    connections:
                      dev: { tcp: "127.0.0.1:%d" }
                    steps:
                      - send: { to: dev, text: "go\\n" }
                      - expect: { from: dev, contains: "A1\\n" }
                      - expect: { from: dev, regex: "^B(\\\\d)\\n", save: { n: 1 } }
                      - expect: { from: dev, hex: "42 ??", within: 200ms }
                    """.formatted(peer.port()), new Progress(), null);

            assertEquals(ScenarioOutcome.FAILED, result.outcome(), "B2 was consumed by the second expect");
            assertEquals(3, result.failure().orElseThrow().step().index());
            assertEquals(0, result.failure().orElseThrow().received().length);
        }
    }

    @Test
    void aListenConnectionWaitsForItsClient() throws Exception {
        Progress progress = new Progress();
        Scenario scenario = ScenarioParser.parse("""
                connections:
                  srv: { listen: { tcp: "127.0.0.1:0" }, connectTimeout: 10s }
                steps:
                  - expect: { from: srv, contains: "PING", within: 5s }
                  - send: { to: srv, hex: "50 4f 4e 47" }
                """, "listen.yaml");
        CompletableFuture<ScenarioResult> running = CompletableFuture.supplyAsync(
                () -> new ScenarioRunner(scenario, null, progress).run());
        await().atMost(5, TimeUnit.SECONDS).until(() -> progress.opened.containsKey("srv"));
        InetSocketAddress listening = (InetSocketAddress) progress.opened.get("srv");
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), listening.getPort())) {
            client.setSoTimeout(10_000);
            OutputStream out = client.getOutputStream();
            out.write("PING".getBytes(StandardCharsets.US_ASCII));
            InputStream in = client.getInputStream();
            assertEquals("PONG", new String(in.readNBytes(4), StandardCharsets.US_ASCII));
            ScenarioResult result = running.get(10, TimeUnit.SECONDS);
            assertEquals(ScenarioOutcome.PASSED, result.outcome(), result.message());
            assertEquals(-1, in.read(), "the run closed the accepted client");
        }
    }

    @Test
    void udpMatchesPerDatagram() throws Exception {
        try (DatagramSocket peer = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            peer.setSoTimeout(10_000);
            Thread answer = Thread.ofVirtual().start(() -> {
                try {
                    DatagramPacket query = new DatagramPacket(new byte[1500], 1500);
                    peer.receive(query);
                    // A datagram that does not match first: it is passed over, the second matches.
                    for (String reply : List.of("noise", "TEMP 21.5")) {
                        byte[] data = reply.getBytes(StandardCharsets.US_ASCII);
                        peer.send(new DatagramPacket(data, data.length, query.getSocketAddress()));
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            ScenarioResult result = run("""
                    connections:
                      sensor: { udp: "127.0.0.1:%d" }
                    steps:
                      - send: { to: sensor, text: "READ" }
                      - expect: { from: sensor, regex: "^TEMP ([0-9.]+)$", within: 5s, save: { t: 1 } }
                    """.formatted(peer.getLocalPort()), new Progress(), null);

            assertEquals(ScenarioOutcome.PASSED, result.outcome(), result.message());
            answer.join(Duration.ofSeconds(10));
        }
    }

    @Test
    void aScenarioCanListenAndConnectToItselfWithTheListenersPort() throws Exception {
        ScenarioResult result = run("""
                connections:
                  srv: { listen: { tcp: "127.0.0.1:0" } }
                  dev: { tcp: "${srv.host}:${srv.port}" }
                steps:
                  - send: { to: dev, text: "ping\\n" }
                  - expect: { from: srv, contains: "ping\\n", within: 5s }
                  - send: { to: srv, text: "pong\\n" }
                  - expect: { from: dev, contains: "pong\\n", within: 5s }
                """, new Progress(), null);

        assertEquals(ScenarioOutcome.PASSED, result.outcome(), result.message());
    }

    @Test
    void aUdpListenerAnswersTheSenderOfTheLatestDatagram() throws Exception {
        Progress progress = new Progress();
        Scenario scenario = ScenarioParser.parse("""
                connections:
                  trap: { listen: { udp: "127.0.0.1:0" } }
                steps:
                  - expect: { from: trap, hex: "01 ?? 03", within: 5s, save: { got: 0 } }
                  - send: { to: trap, hex: "${got} ff" }
                """, "udp-listen.yaml");
        CompletableFuture<ScenarioResult> running = CompletableFuture.supplyAsync(
                () -> new ScenarioRunner(scenario, null, progress).run());
        await().atMost(5, TimeUnit.SECONDS).until(() -> progress.opened.containsKey("trap"));
        InetSocketAddress listening = (InetSocketAddress) progress.opened.get("trap");
        try (DatagramSocket client = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            client.setSoTimeout(10_000);
            byte[] query = {1, 2, 3};
            client.send(new DatagramPacket(query, query.length, listening));
            DatagramPacket reply = new DatagramPacket(new byte[16], 16);
            client.receive(reply);
            assertEquals("01 02 03 ff", com.socketworkbench.engine.codec.HexCodec.format(
                    java.util.Arrays.copyOf(reply.getData(), reply.getLength())));
        }
        assertEquals(ScenarioOutcome.PASSED, running.get(10, TimeUnit.SECONDS).outcome());
    }

    @Test
    void aLoopRunsItsStepsTimesOver() throws Exception {
        try (LoopbackPeer peer = LoopbackPeer.echo()) {
            Progress progress = new Progress();
            ScenarioResult result = run("""
                    connections:
                      dev: { tcp: "127.0.0.1:%d" }
                    steps:
                      - repeat:
                          times: 50
                          steps:
                            - send: { to: dev, text: "ping\\n" }
                            - expect: { from: dev, contains: "ping\\n", within: 2s }
                    """.formatted(peer.port()), progress, null);

            assertEquals(ScenarioOutcome.PASSED, result.outcome(), result.message());
            assertEquals(1, result.steps().size());
            assertEquals(50, result.steps().getFirst().iteration());
            assertEquals(101, progress.finished.size(), "50 x 2 inner steps and the repeat itself");
            assertEquals("ping\n".repeat(50), peer.received());
        }
    }

    @Test
    void aFailureInsideALoopNamesItsIteration() throws Exception {
        AtomicInteger lines = new AtomicInteger();
        try (LoopbackPeer peer = LoopbackPeer.lines(line -> lines.incrementAndGet() == 3 ? "no\n" : "ok\n")) {
            ScenarioResult result = run("""
                    connections:
                      dev: { tcp: "127.0.0.1:%d" }
                    steps:
                      - repeat:
                          times: 5
                          steps:
                            - send: { to: dev, text: "n\\n", fields: true }
                            - expect: { from: dev, contains: "ok\\n", within: 300ms }
                    """.formatted(peer.port()), new Progress(), null);

            assertEquals(ScenarioOutcome.FAILED, result.outcome());
            StepResult loop = result.steps().getFirst();
            assertEquals(3, loop.iteration());
            assertTrue(loop.message().startsWith("Iteration 3, expect from dev: contains ok\\n:"), loop.message());
            assertEquals("no\\n", loop.receivedText());
            assertEquals(2, result.failure().orElseThrow().step().index(), "the inner expect");
        }
    }

    @Test
    void cancelStopsAWaitingExpectAtOnceAndTheGlobalTimeoutEndsTheRun() throws Exception {
        try (LoopbackPeer peer = LoopbackPeer.silent(new byte[0])) {
            String yaml = """
                    connections:
                      dev: { tcp: "127.0.0.1:%d" }
                    steps:
                      - expect: { from: dev, contains: "never", within: 1m }
                    """.formatted(peer.port());
            Progress progress = new Progress();
            ScenarioRunner runner = new ScenarioRunner(ScenarioParser.parse(yaml, "t.yaml"), null, progress);
            CompletableFuture<ScenarioResult> running = CompletableFuture.supplyAsync(runner::run);
            assertTrue(progress.started.await(5, TimeUnit.SECONDS));
            runner.cancel();
            ScenarioResult cancelled = running.get(5, TimeUnit.SECONDS);
            assertEquals(ScenarioOutcome.CANCELLED, cancelled.outcome());
            assertEquals(StepStatus.CANCELLED, cancelled.steps().getFirst().status());

            ScenarioRunner limited = new ScenarioRunner(ScenarioParser.parse(yaml, "t.yaml"), null, null);
            limited.setTimeout(Duration.ofMillis(200));
            ScenarioResult timedOut = limited.run();
            assertEquals(ScenarioOutcome.TIMED_OUT, timedOut.outcome());
            assertTrue(timedOut.took().toMillis() < 5_000);
            await().atMost(5, TimeUnit.SECONDS).until(() -> peer.endsOfStream() == 2);
        }
    }

    @Test
    void aConnectionThatCannotOpenFailsTheRunWithItsReason() throws Exception {
        int closedPort;
        try (LoopbackPeer gone = LoopbackPeer.echo()) {
            closedPort = gone.port();
        }
        ScenarioResult result = run("""
                connections:
                  dev: { tcp: "127.0.0.1:%d", connectTimeout: 2s }
                steps:
                  - send: { to: dev, text: "x" }
                """.formatted(closedPort), new Progress(), null);

        assertEquals(ScenarioOutcome.FAILED, result.outcome());
        assertTrue(result.message().startsWith("Could not connect dev to 127.0.0.1:" + closedPort), result.message());
        assertEquals(StepStatus.SKIPPED, result.steps().getFirst().status());
    }
}
