package com.socketworkbench.bench;

import com.socketworkbench.engine.capture.CaptureTransport;
import com.socketworkbench.engine.capture.PcapngRecorder;
import com.socketworkbench.engine.capture.RecorderConfig;
import com.socketworkbench.engine.capture.RecordingSummary;
import com.socketworkbench.engine.tcp.TcpServer;
import com.socketworkbench.engine.tcp.TcpServerConfig;
import com.socketworkbench.ui.fx.EventPump;
import com.socketworkbench.ui.traffic.TabTraffic;
import com.socketworkbench.ui.traffic.TimelineModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * P1: bulk transfer into a TCP server, three ways in the same rounds on the same machine:
 * <ul>
 *     <li>the engine path as the TCP Server tab runs it: {@link TcpServer} with raw framing, every read a
 *     BytesReceived into the tab's {@link EventPump} and {@link TimelineModel} (default caps), drained by a tight
 *     loop ({@link PumpDrainer}) instead of the FX pulse; the clock stops when the pump has counted every byte;</li>
 *     <li>a plain JDK socket read loop (blocking {@code InputStream.read} into a 64 KiB array, counting bytes);</li>
 *     <li>iperf3 (one stream, loopback) when it is installed;</li>
 *     <li>the engine path with the tab's recording on ({@link #engineRecorded}): the server's sink is the tab's
 *     {@link TabTraffic#engineSink()}, which hands every event to a {@link PcapngRecorder} writing a temporary
 *     pcapng (100 MiB files, rotated) before the pump; the clock stops when the pump has counted every byte and the
 *     recorder has written and closed its files. Compared with the unrecorded engine path of the same round;</li>
 *     <li>the owned-bytes loop ({@link #owned}): a virtual thread reading into a fresh array every time, the least
 *     that a reader whose events own their bytes pays. Compared with the plain loop of the same round (info).</li>
 * </ul>
 * The sender is the same plain JDK channel writing 256 KiB blocks for the run's duration. The engine path is warmed
 * up first ({@link #warmUp()}), in quick runs too; the engine and the plain loop take turns going first. Figures are
 * medians of the per-round ratios, so that each ratio compares runs made seconds apart. The benchmark JVM runs with the
 * app's garbage-collector options (pom.xml), which decide how the payloads the timeline keeps are collected.
 */
final class TcpThroughput implements BenchPart {
    private static final Logger LOG = LoggerFactory.getLogger(TcpThroughput.class);
    /** The owned-bytes loop's read size: the engine's largest read buffer (engine.tcp.ReadBuffer.MAX). */
    private static final int OWNED_READ = 4 * 1024 * 1024;
    /** Where the owned-bytes loop hands each read's array, so the JIT cannot leave the copy out. */
    private static volatile byte[] lastOwned;
    private static final Pattern RECEIVED_BPS =
            Pattern.compile("\"sum_received\"\\s*:\\s*\\{[^}]*?\"bits_per_second\"\\s*:\\s*([0-9.eE+]+)", Pattern.DOTALL);

    static final int MIN_WARM_UP_ROUNDS = 3;
    static final int MAX_WARM_UP_ROUNDS = 10;
    static final double WARM_TOLERANCE = 0.15;

    @Override
    public String id() {
        return "P1";
    }

    @Override
    public String title() {
        return "TCP throughput";
    }

    @Override
    public List<Figure> run(BenchConfig config) throws Exception {
        Duration each = Duration.ofSeconds(config.quick() ? 1 : 3);
        int rounds = config.runs(5, 3);
        Path iperf = iperf3();
        String warmUp = warmUp();
        List<Double> engineRates = new ArrayList<>();
        List<Double> plainRates = new ArrayList<>();
        List<Double> iperfRates = new ArrayList<>();
        List<Double> vsPlain = new ArrayList<>();
        List<Double> vsIperf = new ArrayList<>();
        List<Double> recordedRates = new ArrayList<>();
        List<Double> recordedVsEngine = new ArrayList<>();
        List<String> recordingChecks = new ArrayList<>();
        List<Double> ownedRates = new ArrayList<>();
        List<Double> ownedVsPlain = new ArrayList<>();
        String recordDir = System.getProperty("bench.recordDir", "").strip();
        Path recordings = recordDir.isEmpty() ? Files.createTempDirectory("bench-p1-recording-")
                : Files.createTempDirectory(Path.of(recordDir), "bench-p1-recording-");
        // The recording's own code paths are cold too: one round of it before the measured ones.
        engineRecorded(Duration.ofSeconds(1), recordings, new ArrayList<>());
        for (int round = 1; round <= rounds; round++) {
            // Every other round the plain loop goes first: load that rises or falls during a round (other work on a
            // shared machine) then favours neither side in the median.
            double engine;
            double plain;
            double recorded;
            double owned;
            if (round % 2 == 1) {
                engine = engine(each);
                plain = plain(each);
                owned = owned(each);
                recorded = engineRecorded(each, recordings, recordingChecks);
            } else {
                recorded = engineRecorded(each, recordings, recordingChecks);
                owned = owned(each);
                plain = plain(each);
                engine = engine(each);
            }
            ownedRates.add(owned);
            ownedVsPlain.add(owned / plain);
            recordedRates.add(recorded);
            recordedVsEngine.add(recorded / engine);
            engineRates.add(engine);
            plainRates.add(plain);
            vsPlain.add(engine / plain);
            String line = String.format(Locale.ROOT, "P1 round %d/%d: engine %s, plain JDK %s, owned-bytes loop %s,"
                    + " engine recording %s", round, rounds, rate(engine), rate(plain), rate(owned), rate(recorded));
            if (iperf != null) {
                double reference = iperf(iperf, each);
                iperfRates.add(reference);
                vsIperf.add(engine / reference);
                line += ", iperf3 " + rate(reference);
            }
            LOG.info(line);
        }
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.ratioAtLeast(id(), "Engine path (TcpServer → EventPump → TimelineModel) vs plain JDK read"
                + " loop", 0.8, Stats.median(vsPlain), "median " + rate(Stats.median(engineRates)) + " vs "
                + rate(Stats.median(plainRates)) + "; ratios per round " + Stats.ratios(vsPlain) + "; " + warmUp));
        figures.add(Figure.info(id(), "Ceiling in the same rounds: a read loop whose every read gets an array of its"
                        + " own (what an event owning its bytes costs) vs the plain loop",
                String.format(Locale.ROOT, "%.2f×", Stats.median(ownedVsPlain)), "virtual thread, reads of up to 4 MiB,"
                        + " each in an array of its own (a full one handed on, a partial one copied out); median " + rate(Stats.median(ownedRates))
                        + "; ratios per round " + Stats.ratios(ownedVsPlain)));
        Files.deleteIfExists(recordings);
        figures.add(Figure.ratioAtLeast(id(), "Engine path with recording on (tee → PcapngRecorder, temp pcapng) vs"
                + " the same path unrecorded", 0.5, Stats.median(recordedVsEngine), "median "
                + rate(Stats.median(recordedRates)) + " vs " + rate(Stats.median(engineRates))
                + "; ratios per round " + Stats.ratios(recordedVsEngine)));
        boolean whole = recordingChecks.stream().allMatch(check -> check.startsWith("ok"));
        figures.add(Figure.check(id(), "Recording kept every event of the transfer (none lost, none failed)",
                "exact", whole, whole ? "exact" : "mismatch", String.join("; ", recordingChecks)));
        if (iperf == null) {
            figures.add(Figure.skipped(id(), "Engine path vs iperf3", "≥ 0.50×",
                    "iperf3 not installed (install it with: sudo apt-get install iperf3)"));
        } else {
            figures.add(Figure.ratioAtLeast(id(), "Engine path vs iperf3 (one stream)", 0.5, Stats.median(vsIperf),
                    "median " + rate(Stats.median(engineRates)) + " vs " + rate(Stats.median(iperfRates))
                            + "; ratios per round " + Stats.ratios(vsIperf)));
        }
        return figures;
    }

    /**
     * Runs the engine path in rounds of 1 s until two rounds in a row agree within {@link #WARM_TOLERANCE} (at least
     * {@link #MIN_WARM_UP_ROUNDS}, at most {@link #MAX_WARM_UP_ROUNDS}), then the plain loop for 1 s. A cold engine
     * path is several times slower: its code is still interpreted or compiled without profiles, and the heap grows
     * to its working size (every page the collector takes for the first time is a page fault). Measured rounds
     * should see the path as a running app does.
     *
     * @return what the warm-up took, for the report
     */
    static String warmUp() throws Exception {
        List<Double> rates = new ArrayList<>();
        double previous = 0;
        for (int round = 1; round <= MAX_WARM_UP_ROUNDS; round++) {
            double rate = engine(Duration.ofSeconds(1));
            rates.add(rate);
            if (round >= MIN_WARM_UP_ROUNDS && Math.abs(rate - previous) <= WARM_TOLERANCE * Math.max(rate, previous)) {
                break;
            }
            previous = rate;
        }
        plain(Duration.ofSeconds(1));
        LOG.info("P1 warm-up: engine rounds of 1 s at {}", rates.stream().map(TcpThroughput::rate).toList());
        return "warm-up before the rounds: engine path for " + rates.size() + " s (" + rates.stream()
                .map(r -> String.format(Locale.ROOT, "%.2f", r / 1e9)).toList() + " GB/s), plain loop for 1 s";
    }

    /** Bytes per second through the engine path, until the pump has counted all of them. */
    static double engine(Duration duration) throws Exception {
        EventPump pump = new EventPump(new TimelineModel());
        TcpServer server = new TcpServer(new TcpServerConfig("127.0.0.1", 0), pump);
        try (PumpDrainer drainer = new PumpDrainer(pump)) {
            InetSocketAddress address = server.start();
            long start = System.nanoTime();
            long sent;
            try (SocketChannel channel = SocketChannel.open(address)) {
                sent = Loopback.blast(channel, start + duration.toNanos());
            }
            if (!PumpDrainer.awaitCondition(() -> drainer.bytesIn() >= sent, TimeUnit.SECONDS.toNanos(60))) {
                throw new IllegalStateException("the engine counted " + drainer.bytesIn() + " of " + sent + " bytes");
            }
            long elapsed = System.nanoTime() - start;
            if (drainer.bytesIn() != sent) {
                throw new IllegalStateException("the engine counted " + drainer.bytesIn() + " bytes, " + sent
                        + " were sent");
            }
            return sent * 1e9 / elapsed;
        } finally {
            server.stop();
        }
    }

    /**
     * Bytes per second through the engine path as a recording tab runs it: the server's events go through the tab's
     * engine sink into a {@link PcapngRecorder} and then the pump. The clock stops when the pump has counted every
     * byte and the recorder has closed its files; then the recording must hold every data event the pump counted,
     * with nothing left out or failed, and the files at least every byte sent. The files are deleted.
     *
     * @param checks gets "ok ..." or what went wrong, for the report
     */
    static double engineRecorded(Duration duration, Path folder, List<String> checks) throws Exception {
        return engineRecorded(duration, folder, 0, checks);
    }

    /**
     * As {@link #engineRecorded(Duration, Path, List)}, keeping only the newest {@code keepFiles} files (0: all, the
     * tab's default): with a ring the page cache holds a few hundred MiB instead of every GiB recorded, which on
     * this machine's VM is most of a recording's cost (docs/performance.md, P1).
     */
    static double engineRecorded(Duration duration, Path folder, int keepFiles, List<String> checks)
            throws Exception {
        TabTraffic traffic = new TabTraffic();
        RecorderConfig config = RecorderConfig.of(folder.resolve("p1.pcapng"), CaptureTransport.TCP)
                .withComment("P1 benchmark").withKeepFiles(keepFiles);
        PcapngRecorder recorder = PcapngRecorder.start(config, traffic.pump());
        traffic.recordTo(recorder);
        TcpServer server = new TcpServer(new TcpServerConfig("127.0.0.1", 0), traffic.engineSink());
        RecordingSummary summary;
        try (PumpDrainer drainer = new PumpDrainer(traffic.pump())) {
            InetSocketAddress address = server.start();
            long start = System.nanoTime();
            long sent;
            try (SocketChannel channel = SocketChannel.open(address)) {
                sent = Loopback.blast(channel, start + duration.toNanos());
            }
            if (!PumpDrainer.awaitCondition(() -> drainer.bytesIn() >= sent, TimeUnit.SECONDS.toNanos(60))) {
                throw new IllegalStateException("the engine counted " + drainer.bytesIn() + " of " + sent + " bytes");
            }
            traffic.recordTo(null);
            summary = recorder.stop().get(120, TimeUnit.SECONDS);
            long elapsed = System.nanoTime() - start;
            long dataEvents = drainer.messagesIn();
            // A ring deletes its oldest files, so only the files kept can be checked against the bytes sent.
            boolean ok = summary.failure() == null && summary.notRecorded() == 0
                    && summary.eventsRecorded() >= dataEvents && (keepFiles > 0 || summary.bytes() > sent);
            checks.add(String.format(Locale.ROOT, "%s %,d bytes sent, %,d data events counted, %,d events recorded"
                            + " in %d files of %,d bytes, %,d waits for the writer", ok ? "ok" : "MISMATCH:", sent,
                    dataEvents, summary.eventsRecorded(), summary.files().size(), summary.bytes(),
                    summary.producerWaits()));
            return sent * 1e9 / elapsed;
        } finally {
            server.stop();
            recorder.close();
            try (var files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** Bytes per second through a plain blocking read loop into a 64 KiB array. */
    static double plain(Duration duration) throws Exception {
        return readLoop(duration, Thread.ofPlatform().name("bench-plain-reader"), in -> {
            byte[] buffer = new byte[64 * 1024];
            long count = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                count += n;
            }
            return count;
        });
    }

    /**
     * Bytes per second through the least a reader that follows the event model can do: a virtual thread (as the
     * engine's reader) reads into an array of up to 4 MiB (the engine's largest read buffer) and gives every read an
     * array of its own, as the engine's reader does under raw framing: a full array is handed on and replaced, a
     * partial read copied out. An event owns its bytes, so every byte received lands in memory never touched before,
     * where the plain loop reuses one array that stays in the cache.
     */
    static double owned(Duration duration) throws Exception {
        return readLoop(duration, Thread.ofVirtual().name("bench-owned-reader"), in -> {
            long count = 0;
            byte[] array = new byte[OWNED_READ];
            int n;
            while ((n = in.read(array)) > 0) {
                count += n;
                if (n == array.length) {
                    lastOwned = array;
                    array = new byte[OWNED_READ];
                } else {
                    lastOwned = Arrays.copyOf(array, n);
                }
            }
            return count;
        });
    }

    /** How a reference loop reads one connection to its end; returns the bytes read. */
    private interface ReadLoop {
        long read(InputStream in) throws IOException;
    }

    /** Bytes per second from the sender into {@code loop}, run on a thread that {@code builder} makes. */
    private static double readLoop(Duration duration, Thread.Builder builder, ReadLoop loop) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, Loopback.ADDRESS)) {
            CompletableFuture<long[]> received = new CompletableFuture<>();
            Thread reader = builder.start(() -> {
                try (Socket socket = listener.accept(); InputStream in = socket.getInputStream()) {
                    long count = loop.read(in);
                    received.complete(new long[]{count, System.nanoTime()});
                } catch (IOException e) {
                    received.completeExceptionally(e);
                }
            });
            long start = System.nanoTime();
            long sent;
            try (SocketChannel channel = SocketChannel.open(Loopback.at(listener.getLocalPort()))) {
                sent = Loopback.blast(channel, start + duration.toNanos());
            }
            long[] result = received.get(60, TimeUnit.SECONDS);
            reader.join(Duration.ofSeconds(5));
            if (result[0] != sent) {
                throw new IllegalStateException("the reference loop read " + result[0] + " bytes, " + sent
                        + " were sent");
            }
            return sent * 1e9 / (result[1] - start);
        }
    }

    /** Bytes per second iperf3 reports as received for one stream over loopback. */
    static double iperf(Path iperf3, Duration duration) throws Exception {
        int port = Loopback.freePort();
        Process server = new ProcessBuilder(iperf3.toString(), "-s", "-1", "--forceflush", "-B", "127.0.0.1", "-p",
                Integer.toString(port)).redirectErrorStream(true).start();
        try {
            awaitListening(server);
            Process client = new ProcessBuilder(iperf3.toString(), "-c", "127.0.0.1", "-p", Integer.toString(port),
                    "-t", Long.toString(duration.toSeconds()), "-J").redirectErrorStream(true).start();
            String json;
            try (InputStream out = client.getInputStream()) {
                json = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!client.waitFor(duration.toSeconds() + 30, TimeUnit.SECONDS)) {
                client.destroyForcibly();
                throw new IllegalStateException("iperf3 did not finish");
            }
            Matcher matcher = RECEIVED_BPS.matcher(json);
            if (!matcher.find()) {
                throw new IllegalStateException("iperf3 reported no received rate: "
                        + json.substring(0, Math.min(300, json.length())));
            }
            return Double.parseDouble(matcher.group(1)) / 8;
        } finally {
            if (!server.waitFor(5, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    /** Reads the server's output until it says it listens (a probe connection would end a one-off server). */
    private static void awaitListening(Process server) throws Exception {
        CompletableFuture<Void> listening = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("bench-iperf3-server-output").start(() -> {
            try (var lines = server.inputReader(StandardCharsets.UTF_8)) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.contains("listening")) {
                        listening.complete(null);
                    }
                }
            } catch (IOException e) {
                listening.completeExceptionally(e);
            }
            listening.completeExceptionally(new IllegalStateException("iperf3 -s ended before listening"));
        });
        listening.get(10, TimeUnit.SECONDS);
    }

    /** iperf3 from the PATH, or null when it is not installed. */
    static Path iperf3() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "iperf3");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    static String rate(double bytesPerSecond) {
        return String.format(Locale.ROOT, "%.2f GB/s", bytesPerSecond / 1e9);
    }
}
