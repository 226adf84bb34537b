package com.socketworkbench.bench;

import com.socketworkbench.app.AppDriver;
import com.socketworkbench.app.FxWatchdog;
import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.framing.FramingMode;
import com.socketworkbench.engine.udp.UdpEndpoint;
import com.socketworkbench.ui.fx.EventPump;
import com.socketworkbench.ui.tab.ListenerState;
import com.socketworkbench.ui.traffic.TimelineModel;
import com.socketworkbench.ui.traffic.TimelineRow;
import com.socketworkbench.ui.tcpserver.TcpServerTab;
import com.socketworkbench.ui.tcpserver.TcpServerViewModel;
import com.socketworkbench.ui.udp.UdpTab;
import com.socketworkbench.ui.udp.UdpViewModel;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;

/**
 * P2, in a child JVM: the real app, headless, launched the way the UI tests launch it ({@link AppDriver}). First the
 * UDP tab receives {@code rate} datagrams of 64 B per second for {@code seconds}, then the TCP Server tab receives a
 * stream of 64 B lines at the same rate (one write each, TCP_NODELAY; the tab frames by line feed, so every message
 * is a row). Each phase records the FX pulse gaps
 * ({@link FxResponsiveness}) from the first send until the tab has shown everything, and reconciles the counters.
 * Arguments: results file, rate, seconds.
 */
public final class UiFloodProbe {
    private static final Logger LOG = LoggerFactory.getLogger(UiFloodProbe.class);
    private static final int SIZE = 64;
    private static final Pattern LISTENING = Pattern.compile("Listening on 127\\.0\\.0\\.1:(\\d+)");

    private UiFloodProbe() {
    }

    public static void main(String[] args) throws Exception {
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        Properties out = new Properties();
        AppDriver driver = new AppDriver().launch();
        FxResponsiveness fxProbe = fx(FxResponsiveness::new);
        try {
            udp(driver, fxProbe, rate, seconds, out);
            tcp(driver, fxProbe, rate, seconds, out);
        } finally {
            fxProbe.close();
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

    private static void udp(AppDriver driver, FxResponsiveness fxProbe, int rate, int seconds, Properties out)
            throws Exception {
        driver.selectTab("udp");
        UdpViewModel model = driver.app().tabs().stream().filter(UdpTab.class::isInstance).map(UdpTab.class::cast)
                .findFirst().orElseThrow().model();
        // As a user would: the bind address stays 127.0.0.1 (the default), port 0 picks a free one.
        driver.setText("#udp #port", "0");
        driver.click("#udp #startStop");
        driver.waitUntil(() -> model.state() == ListenerState.RUNNING);
        UdpEndpoint endpoint = fx(model::endpoint);
        InetSocketAddress target = endpoint.localAddress();
        long total = (long) rate * seconds;
        long sent;
        fxRun(fxProbe::begin);
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
        EventPump pump = model.traffic().pump();
        awaitOrFail(() -> fx(() -> pump.isIdle() && pump.counters().messagesIn() >= engineReceived), "UDP tab");
        fxRun(() -> fxProbe.end("udp", out));
        long counted = fx(() -> pump.counters().messagesIn());
        out.setProperty("udp.sent", Long.toString(sent));
        out.setProperty("udp.engineReceived", Long.toString(engineReceived));
        out.setProperty("udp.counted", Long.toString(counted));
        out.setProperty("udp.kernelDrops", Long.toString(kernelDrops));
        out.setProperty("udp.appDrops", Long.toString(engineReceived - counted));
        timeline("udp", model.traffic().timeline(), out);
        fxRun(model::stop);
        driver.waitUntil(() -> model.state() == ListenerState.STOPPED);
        LOG.info("UDP: sent {}, engine received {}, tab counted {}, kernel drops {}", sent, engineReceived, counted,
                kernelDrops);
    }

    private static void tcp(AppDriver driver, FxResponsiveness fxProbe, int rate, int seconds, Properties out)
            throws Exception {
        driver.selectTab("tcpServer");
        TcpServerViewModel model = driver.app().tabs().stream().filter(TcpServerTab.class::isInstance)
                .map(TcpServerTab.class::cast).findFirst().orElseThrow().model();
        fxRun(() -> {
            // One row per message (line feed delimited, kept), so the tab sees every message as an event.
            model.stream().framing().modeProperty().set(FramingMode.DELIMITER);
            model.stream().framing().delimiterProperty().set("LF");
            model.stream().framing().keepDelimiterProperty().set(true);
        });
        driver.setText("#tcpServer #port", "0");
        driver.click("#tcpServer #startStop");
        driver.waitUntil(() -> model.state() == ListenerState.RUNNING);
        Matcher listening = LISTENING.matcher(fx(() -> model.listeningAddressProperty().get()));
        if (!listening.find()) {
            throw new IllegalStateException("no listening address shown");
        }
        int port = Integer.parseInt(listening.group(1));
        long total = (long) rate * seconds;
        long sentMessages;
        fxRun(fxProbe::begin);
        try (Socket socket = new Socket(Loopback.ADDRESS, port)) {
            socket.setTcpNoDelay(true);
            OutputStream stream = socket.getOutputStream();
            // A line of printable text: a sequence number, padding, a line feed (binary numbers could hold one).
            byte[] message = new byte[SIZE];
            java.util.Arrays.fill(message, (byte) '.');
            message[SIZE - 1] = '\n';
            sentMessages = paced(rate, total, seconds, sequence -> {
                byte[] digits = Long.toString(sequence).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                System.arraycopy(digits, 0, message, 0, digits.length);
                stream.write(message);
            });
        }
        long sentBytes = sentMessages * SIZE;
        EventPump pump = model.traffic().pump();
        awaitOrFail(() -> fx(() -> pump.isIdle() && pump.counters().bytesIn() >= sentBytes), "TCP tab");
        fxRun(() -> fxProbe.end("tcp", out));
        out.setProperty("tcp.sent", Long.toString(sentMessages));
        out.setProperty("tcp.sentBytes", Long.toString(sentBytes));
        out.setProperty("tcp.countedBytes", Long.toString(fx(() -> pump.counters().bytesIn())));
        out.setProperty("tcp.counted", Long.toString(fx(() -> pump.counters().messagesIn())));
        timeline("tcp", model.traffic().timeline(), out);
        fxRun(model::stop);
        driver.waitUntil(() -> model.state() == ListenerState.STOPPED);
    }

    /** Rows shown, rows trimmed, and whether every event pumped is one or the other (sequence numbers). */
    private static void timeline(String prefix, TimelineModel timeline, Properties out) {
        fxRun(() -> {
            List<TimelineRow> rows = timeline.rows();
            long dataRows = rows.stream().filter(row -> row.event() instanceof BytesReceived).count();
            long lastSequence = rows.isEmpty() ? 0 : rows.getLast().sequence();
            out.setProperty(prefix + ".rowsShown", Integer.toString(rows.size()));
            out.setProperty(prefix + ".dataRowsShown", Long.toString(dataRows));
            out.setProperty(prefix + ".rowsTrimmed", Long.toString(timeline.trimmed()));
            out.setProperty(prefix + ".rowsPumped", Long.toString(lastSequence));
        });
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
}
