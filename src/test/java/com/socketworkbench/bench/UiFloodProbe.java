package com.socketworkbench.bench;

import com.socketworkbench.app.AppDriver;
import com.socketworkbench.app.FxWatchdog;
import com.socketworkbench.engine.capture.CaptureFileContents;
import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.framing.FramingMode;
import com.socketworkbench.engine.udp.UdpEndpoint;
import com.socketworkbench.ui.capture.RecordState;
import com.socketworkbench.ui.capture.TabCapture;
import com.socketworkbench.ui.fx.EventPump;
import com.socketworkbench.ui.tab.ListenerState;
import com.socketworkbench.ui.traffic.TimelineModel;
import com.socketworkbench.ui.traffic.TimelineRow;
import com.socketworkbench.ui.tcpserver.TcpServerTab;
import com.socketworkbench.ui.tcpserver.TcpServerViewModel;
import com.socketworkbench.ui.udp.UdpTab;
import com.socketworkbench.ui.udp.UdpViewModel;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.control.ToggleButton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;

/**
 * P2, in a child JVM: the real app, headless, launched the way the UI tests launch it ({@link AppDriver}), flooded in
 * phases of {@code rate} messages of 64 B per second for {@code seconds} each:
 * <ul>
 *   <li>{@code udp}: datagrams into the UDP tab;</li>
 *   <li>{@code tcp}: one connection into the TCP Server tab, one write per 64 B line (TCP_NODELAY; the tab frames by
 *       line feed, so every message is a row);</li>
 *   <li>{@code tcp100}: the same over 100 connections, one write per message, round-robin;</li>
 *   <li>{@code udpRec}: the UDP flood again with the tab's recording on (to a temporary pcapng); afterwards the file
 *       is read back and must hold every datagram the engine received, each with its own content.</li>
 * </ul>
 * Mode {@code quiet} runs all three; mode {@code hog} runs {@code udp} and {@code tcp100} while a {@link CpuHog}
 * process spins one thread (a bad day on a shared machine). Each phase records the FX pulse gaps
 * ({@link FxResponsiveness}) from the first send until the tab has shown everything, and reconciles the counters of
 * that phase. Arguments: results file, rate, seconds, mode.
 */
public final class UiFloodProbe {
    private static final Logger LOG = LoggerFactory.getLogger(UiFloodProbe.class);
    private static final int SIZE = 64;
    private static final Pattern LISTENING = Pattern.compile("Listening on 127\\.0\\.0\\.1:(\\d+)");

    /** The FX thread's CPU per frame, recorded beside the pulse gaps (set once in main). */
    private static FrameCpu frameCpu;

    private UiFloodProbe() {
    }

    public static void main(String[] args) throws Exception {
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        boolean hog = args.length > 3 && args[3].equals("hog");
        Properties out = new Properties();
        AppDriver driver = new AppDriver().launch();
        FxResponsiveness fxProbe = fx(FxResponsiveness::new);
        FrameCpu frameCpu = fx(FrameCpu::new);
        UiFloodProbe.frameCpu = frameCpu;
        ChildJvm cpuHog = null;
        try {
            if (hog) {
                // Spins through both floods (and the waits around them), ends by itself at the latest.
                cpuHog = startHog(4L * seconds + 60);
                udp(driver, fxProbe, rate, seconds, "udpHog", out);
                tcp(driver, fxProbe, rate, seconds, 100, "tcp100Hog", out);
            } else {
                udp(driver, fxProbe, rate, seconds, "udp", out);
                udp(driver, fxProbe, rate, seconds, "udpRec", out);
                tcp(driver, fxProbe, rate, seconds, 1, "tcp", out);
                tcp(driver, fxProbe, rate, seconds, 100, "tcp100", out);
            }
            fxRun(() -> tcpServer(driver).stop());
        } finally {
            if (cpuHog != null) {
                stopHog(cpuHog);
            }
            fxProbe.close();
            fxRun(frameCpu::close);
            FxWatchdog watchdog = driver.watchdog();
            try {
                driver.close();
            } catch (AssertionError blocked) {
                // Here the watchdog's verdict is a figure of the benchmark, not a failure of the run.
                LOG.info("FX watchdog: {}", blocked.getMessage().lines().findFirst().orElse(""));
            }
            out.setProperty("watchdog.blockedMillis", Long.toString(watchdog.longestBlock().toMillis()));
            out.setProperty("watchdog.busyMillis", Long.toString(watchdog.longestBusy().toMillis()));
        }
        ChildJvm.writeResults(args[0], out);
        Platform.exit();
        System.exit(0);
    }

    /** The pulse-gap targets hold with the rate chart's plots drawn: unfolded even where the window is short. */
    private static void unfoldRateChart(AppDriver driver, String tab) {
        fxRun(() -> {
            ToggleButton toggle = driver.node(tab + " #rateChartToggle");
            if (!toggle.isSelected()) {
                toggle.fire();
            }
        });
    }

    private static void udp(AppDriver driver, FxResponsiveness fxProbe, int rate, int seconds, String prefix,
                            Properties out) throws Exception {
        driver.selectTab("udp");
        unfoldRateChart(driver, "#udp");
        UdpViewModel model = driver.app().tabs().stream().filter(UdpTab.class::isInstance).map(UdpTab.class::cast)
                .findFirst().orElseThrow().model();
        // As a user would: the bind address stays 127.0.0.1 (the default), port 0 picks a free one.
        driver.setText("#udp #port", "0");
        driver.click("#udp #startStop");
        driver.waitUntil(() -> model.state() == ListenerState.RUNNING);
        Path recording = prefix.endsWith("Rec") ? startRecording(driver, model.capture()) : null;
        UdpEndpoint endpoint = fx(model::endpoint);
        // A later UDP phase starts from the counters and rows the earlier one left: count from here.
        EventPump pump = model.traffic().pump();
        TimelineModel timeline = model.traffic().timeline();
        awaitOrFail(() -> fx(pump::isIdle), "UDP tab before " + prefix);
        long[] before = fx(() -> new long[]{pump.counters().messagesIn(),
                timeline.rows().isEmpty() ? 0 : timeline.rows().getLast().sequence()});
        fxRun(timeline::clear);
        InetSocketAddress target = endpoint.localAddress();
        long total = (long) rate * seconds;
        long sent;
        fxRun(() -> {
            fxProbe.begin();
            frameCpu.begin();
        });
        try (DatagramChannel channel = DatagramChannel.open()) {
            channel.connect(target);
            ByteBuffer datagram = ByteBuffer.allocateDirect(SIZE);
            sent = paced(rate, total, seconds, sequence -> {
                datagram.clear();
                datagram.putLong(0, sequence);
                channel.write(datagram);
            });
        }
        // Everything sent either reached the engine or was dropped by the kernel; then the tab counts it.
        awaitOrFail(() -> endpoint.datagramsIn() + endpoint.kernelDrops().orElse(0) >= sent, "UDP delivery");
        long engineReceived = endpoint.datagramsIn();
        long kernelDrops = endpoint.kernelDrops().orElse(-1);
        awaitOrFail(() -> fx(() -> pump.isIdle() && pump.counters().messagesIn() - before[0] >= engineReceived),
                "UDP tab");
        fxRun(() -> {
            fxProbe.end(prefix, out);
            frameCpu.end(prefix, out);
        });
        long counted = fx(() -> pump.counters().messagesIn()) - before[0];
        out.setProperty(prefix + ".sent", Long.toString(sent));
        out.setProperty(prefix + ".engineReceived", Long.toString(engineReceived));
        out.setProperty(prefix + ".counted", Long.toString(counted));
        out.setProperty(prefix + ".kernelDrops", Long.toString(kernelDrops));
        out.setProperty(prefix + ".appDrops", Long.toString(engineReceived - counted));
        timeline(prefix, timeline, before[1], out);
        if (recording != null) {
            checkRecording(driver, model.capture(), recording, sent, engineReceived, prefix, out);
            // The check decoded a million datagrams in this JVM (several hundred MB, the harness's, not the app's):
            // collected now, between cases, so the next flood's pulse gaps do not pay for them. Left to the young
            // collections, they were promoted and cost the next case 300-500 ms pauses (docs/performance.md).
            System.gc();
        }
        fxRun(model::stop);
        driver.waitUntil(() -> model.state() == ListenerState.STOPPED);
        LOG.info("UDP: sent {}, engine received {}, tab counted {}, kernel drops {}", sent, engineReceived, counted,
                kernelDrops);
    }

    /** Turns the tab's recording on, as the Record toggle does, into a fresh temporary folder. */
    private static Path startRecording(AppDriver driver, TabCapture capture) throws IOException {
        Path folder = Files.createTempDirectory("bench-p2-recording-");
        fxRun(() -> {
            capture.recordSettings().file().textProperty().set(folder.resolve("udp-flood.pcapng").toString());
            capture.startRecording();
        });
        driver.waitUntil(() -> capture.state() == RecordState.ON);
        return folder;
    }

    /**
     * Stops the recording, reads its files back and checks every datagram the engine received is there: as many
     * datagrams as received, each 64 bytes with a sequence number below what was sent, no number twice (so each
     * datagram is a different one), and zeros after the number as sent. Then deletes the files.
     */
    private static void checkRecording(AppDriver driver, TabCapture capture, Path folder, long sent,
                                       long engineReceived, String prefix, Properties out) throws IOException {
        fxRun(capture::stopRecording);
        awaitOrFail(() -> fx(() -> capture.state() == RecordState.OFF), "the recording to close");
        List<Path> files;
        try (var listing = Files.list(folder)) {
            files = listing.sorted((a, b) -> Integer.compare(fileNumber(a), fileNumber(b))).toList();
        }
        long bytes = 0;
        for (Path file : files) {
            bytes += Files.size(file);
        }
        List<CaptureFileContents.Datagram> datagrams = CaptureFileContents.datagrams(files);
        java.util.BitSet seen = new java.util.BitSet();
        long distinct = 0;
        long inOrder = 0;
        long previous = -1;
        boolean contentOk = true;
        for (CaptureFileContents.Datagram datagram : datagrams) {
            ByteBuffer payload = ByteBuffer.wrap(datagram.payload());
            long sequence = payload.remaining() == SIZE ? payload.getLong(0) : -1;
            boolean padding = payload.remaining() == SIZE;
            for (int i = 8; padding && i < SIZE; i++) {
                padding = payload.get(i) == 0;
            }
            if (sequence < 0 || sequence >= sent || !padding) {
                contentOk = false;
                continue;
            }
            if (!seen.get((int) sequence)) {
                seen.set((int) sequence);
                distinct++;
            }
            if (sequence > previous) {
                inOrder++;
            }
            previous = sequence;
        }
        out.setProperty(prefix + ".fileDatagrams", Long.toString(datagrams.size()));
        out.setProperty(prefix + ".fileDistinct", Long.toString(distinct));
        out.setProperty(prefix + ".fileInOrder", Long.toString(inOrder));
        out.setProperty(prefix + ".fileContentOk", Boolean.toString(contentOk));
        out.setProperty(prefix + ".fileBytes", Long.toString(bytes));
        out.setProperty(prefix + ".files", Integer.toString(files.size()));
        out.setProperty(prefix + ".recordedAll", Boolean.toString(contentOk && datagrams.size() == engineReceived
                && distinct == engineReceived));
        for (Path file : files) {
            Files.deleteIfExists(file);
        }
        Files.deleteIfExists(folder);
        LOG.info("UDP recording: {} datagrams in {} files ({} bytes), {} distinct, engine received {}",
                datagrams.size(), files.size(), bytes, distinct, engineReceived);
    }

    private static int fileNumber(Path file) {
        String name = file.getFileName().toString();
        int dash = name.lastIndexOf('-');
        int dot = name.lastIndexOf('.');
        try {
            return dash < 0 || dot < dash ? 0 : Integer.parseInt(name.substring(dash + 1, dot));
        } catch (NumberFormatException notNumbered) {
            return 0;
        }
    }

    private static TcpServerViewModel tcpServer(AppDriver driver) {
        return driver.app().tabs().stream().filter(TcpServerTab.class::isInstance).map(TcpServerTab.class::cast)
                .findFirst().orElseThrow().model();
    }

    /**
     * A TCP flood over {@code connections} connections (one write per message, round-robin) into the TCP Server tab,
     * started on first use and kept running. The phase's figures are its own: the timeline is cleared and the
     * counters read as differences.
     */
    private static void tcp(AppDriver driver, FxResponsiveness fxProbe, int rate, int seconds, int connections,
                            String prefix, Properties out) throws Exception {
        driver.selectTab("tcpServer");
        unfoldRateChart(driver, "#tcpServer");
        TcpServerViewModel model = tcpServer(driver);
        if (fx(model::state) != ListenerState.RUNNING) {
            fxRun(() -> {
                // One row per message (line feed delimited, kept), so the tab sees every message as an event.
                model.stream().framing().modeProperty().set(FramingMode.DELIMITER);
                model.stream().framing().delimiterProperty().set("LF");
                model.stream().framing().keepDelimiterProperty().set(true);
            });
            driver.setText("#tcpServer #port", "0");
            driver.click("#tcpServer #startStop");
            driver.waitUntil(() -> model.state() == ListenerState.RUNNING);
        }
        Matcher listening = LISTENING.matcher(fx(() -> model.listeningAddressProperty().get()));
        if (!listening.find()) {
            throw new IllegalStateException("no listening address shown");
        }
        int port = Integer.parseInt(listening.group(1));
        EventPump pump = model.traffic().pump();
        TimelineModel timeline = model.traffic().timeline();
        awaitOrFail(() -> fx(() -> pump.isIdle() && model.clients().isEmpty()), "TCP tab before " + prefix);
        long[] before = fx(() -> new long[]{pump.counters().messagesIn(), pump.counters().bytesIn(),
                timeline.rows().isEmpty() ? 0 : timeline.rows().getLast().sequence()});
        fxRun(timeline::clear);
        List<Socket> sockets = new ArrayList<>();
        long total = (long) rate * seconds;
        long sentMessages;
        try {
            List<OutputStream> streams = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                Socket socket = new Socket(Loopback.ADDRESS, port);
                sockets.add(socket);
                socket.setTcpNoDelay(true);
                streams.add(socket.getOutputStream());
            }
            driver.waitUntil(() -> model.clients().size() == connections);
            awaitOrFail(() -> fx(pump::isIdle), "TCP tab after accepting " + connections);
            fxRun(() -> {
            fxProbe.begin();
            frameCpu.begin();
        });
            // A line of printable text: a sequence number, padding, a line feed (binary numbers could hold one).
            byte[] message = new byte[SIZE];
            Arrays.fill(message, (byte) '.');
            message[SIZE - 1] = '\n';
            sentMessages = paced(rate, total, seconds, sequence -> {
                byte[] digits = Long.toString(sequence).getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(digits, 0, message, 0, digits.length);
                streams.get((int) (sequence % connections)).write(message);
            });
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        long sentBytes = sentMessages * SIZE;
        awaitOrFail(() -> fx(() -> pump.isIdle() && pump.counters().bytesIn() - before[1] >= sentBytes),
                "TCP tab (" + prefix + ")");
        fxRun(() -> {
            fxProbe.end(prefix, out);
            frameCpu.end(prefix, out);
        });
        out.setProperty(prefix + ".sent", Long.toString(sentMessages));
        out.setProperty(prefix + ".sentBytes", Long.toString(sentBytes));
        out.setProperty(prefix + ".countedBytes", Long.toString(fx(() -> pump.counters().bytesIn()) - before[1]));
        out.setProperty(prefix + ".counted", Long.toString(fx(() -> pump.counters().messagesIn()) - before[0]));
        // The closes of the connections come after the flood; count them in before the rows are reconciled.
        awaitOrFail(() -> fx(() -> pump.isIdle() && model.clients().isEmpty()), "TCP tab after " + prefix);
        timeline(prefix, timeline, before[2], out);
        LOG.info("TCP over {} connection(s): sent {}, tab counted {}", connections, sentMessages,
                out.getProperty(prefix + ".counted"));
    }

    /**
     * Rows shown, rows trimmed, and rows pumped since the phase began (the last sequence number minus the one before
     * the phase; the timeline was cleared then), so every event pumped is one or the other.
     */
    private static void timeline(String prefix, TimelineModel timeline, long sequenceBefore, Properties out) {
        fxRun(() -> {
            List<TimelineRow> rows = timeline.rows();
            long dataRows = rows.stream().filter(row -> row.event() instanceof BytesReceived).count();
            long lastSequence = rows.isEmpty() ? sequenceBefore : rows.getLast().sequence();
            out.setProperty(prefix + ".rowsShown", Integer.toString(rows.size()));
            out.setProperty(prefix + ".dataRowsShown", Long.toString(dataRows));
            out.setProperty(prefix + ".rowsTrimmed", Long.toString(timeline.trimmed()));
            out.setProperty(prefix + ".rowsPumped", Long.toString(lastSequence - sequenceBefore));
        });
    }

    /** Starts the hog process and returns once it spins. */
    private static ChildJvm startHog(long seconds) throws Exception {
        CountDownLatch spinning = new CountDownLatch(1);
        ChildJvm hog = ChildJvm.start("hog", List.of("-Xmx32m"), CpuHog.class, List.of(Long.toString(seconds)),
                line -> {
                    if (line.contains(CpuHog.SPINNING)) {
                        spinning.countDown();
                    }
                });
        if (!spinning.await(30, TimeUnit.SECONDS)) {
            hog.kill();
            throw new IllegalStateException("the CPU hog did not start within 30 s");
        }
        return hog;
    }

    private static void stopHog(ChildJvm hog) {
        hog.kill();
        try {
            hog.await(Duration.ofSeconds(10));
        } catch (IOException | InterruptedException expected) {
            // Killed, as intended: its exit status is not a result.
            LOG.debug("CPU hog stopped: {}", expected.getMessage());
        }
    }

    @FunctionalInterface
    private interface Send {
        void send(long sequence) throws Exception;
    }

    /**
     * Sends {@code total} messages at {@code rate} per second: every millisecond (or as soon as the sender gets
     * the CPU back) it catches up to the schedule. Stops at {@code seconds} + 5 s whatever was sent.
     */
    static long paced(int rate, long total, int seconds, Send send) throws Exception {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds + 5L);
        long sent = 0;
        while (sent < total && System.nanoTime() - deadline < 0) {
            long due = Math.min(total, (System.nanoTime() - start) * rate / 1_000_000_000L + 1);
            while (sent < due) {
                send.send(sent);
                sent++;
            }
            LockSupport.parkNanos(1_000_000);
        }
        return sent;
    }

    private static void awaitOrFail(BooleanSupplier condition, String what) {
        if (!PumpDrainer.awaitCondition(condition, TimeUnit.SECONDS.toNanos(60))) {
            throw new IllegalStateException(what + " did not catch up within 60 s");
        }
    }

    /**
     * What the FX thread itself spent per frame, in CPU time (its own clock, so waits for a CPU on a busy machine do
     * not count): the work a frame costs, beside the pulse gaps, which also show how long the FX thread waited for a
     * core. Measured at the start of each pulse by an animation timer, so a frame's figure includes everything the
     * FX thread did since the previous pulse (runLater work included). Bounded like {@link FxResponsiveness}.
     */
    private static final class FrameCpu {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final long[] frames = new long[FxResponsiveness.CAPACITY];
        private final AnimationTimer timer;
        private int count;
        private long last;
        private long startCpu;
        private boolean recording;

        /** FX thread. */
        FrameCpu() {
            timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long cpu = threads.getCurrentThreadCpuTime();
                    if (recording && last != 0 && count < frames.length) {
                        frames[count++] = cpu - last;
                    }
                    last = cpu;
                }
            };
            timer.start();
        }

        void begin() {
            count = 0;
            last = 0;
            startCpu = threads.getCurrentThreadCpuTime();
            recording = true;
        }

        void end(String prefix, Properties out) {
            recording = false;
            long total = threads.getCurrentThreadCpuTime() - startCpu;
            out.setProperty(prefix + ".fxCpuMillis", Double.toString(total / 1e6));
            out.setProperty(prefix + ".frameCpuP50", Double.toString(Stats.percentile(frames, count, 50) / 1e6));
            out.setProperty(prefix + ".frameCpuP99", Double.toString(Stats.percentile(frames, count, 99) / 1e6));
            out.setProperty(prefix + ".frameCpuMax", Double.toString(Stats.max(frames, count) / 1e6));
        }

        void close() {
            timer.stop();
        }
    }
}
