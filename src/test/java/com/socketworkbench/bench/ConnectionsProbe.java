package com.socketworkbench.bench;

import com.socketworkbench.engine.event.ConnectionAccepted;
import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.tcp.TcpServer;
import com.socketworkbench.engine.tcp.TcpServerConfig;
import com.socketworkbench.ui.fx.EventPump;
import com.socketworkbench.ui.traffic.TimelineModel;
import com.sun.management.HotSpotDiagnosticMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * P3, in a child JVM: a {@link TcpServer} feeding an {@link EventPump} and {@link TimelineModel} (drained by a
 * {@link PumpDrainer}, as the tab keeps its events) holds {@code count} connections opened by a {@link ClientHolder}
 * process. Measures the heap per connection (used heap after full GCs, before and with the connections), the accept
 * latency of new clients while they are held (connect start to the server's ConnectionAccepted), the time
 * {@link TcpServer#stop()} takes to close everything, and which engine threads are left afterwards (a JSON thread
 * dump, which lists virtual threads). Arguments: results file, count, probes.
 */
public final class ConnectionsProbe {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionsProbe.class);
    private static final Pattern THREAD_NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]*)\"");

    private ConnectionsProbe() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[1]);
        int probes = Integer.parseInt(args[2]);
        Properties out = new Properties();
        Map<Integer, Long> acceptedAt = new ConcurrentHashMap<>();
        EventPump pump = new EventPump(new TimelineModel());
        EventSink sink = event -> {
            if (event instanceof ConnectionAccepted accepted
                    && accepted.remote() instanceof InetSocketAddress remote) {
                acceptedAt.put(remote.getPort(), System.nanoTime());
            }
            pump.emit(event);
        };
        TcpServer server = new TcpServer(new TcpServerConfig("127.0.0.1", 0, count + probes + 100, false), sink);
        try (PumpDrainer drainer = new PumpDrainer(pump)) {
            InetSocketAddress address = server.start();
            warmUp(address, server, probes);
            long before = usedHeapAfterGc();
            ChildJvm holder = ChildJvm.start("P3-clients", List.of("-Xmx256m"), ClientHolder.class,
                    List.of(Integer.toString(address.getPort()), Integer.toString(count)), line -> { });
            try {
                long connectStart = System.nanoTime();
                if (!PumpDrainer.awaitCondition(() -> server.connectionCount() >= count,
                        TimeUnit.SECONDS.toNanos(120))) {
                    throw new IllegalStateException("only " + server.connectionCount() + " of " + count
                            + " clients were accepted");
                }
                out.setProperty("acceptAllMillis", Long.toString((System.nanoTime() - connectStart) / 1_000_000));
                PumpDrainer.awaitCondition(pump::isIdle, TimeUnit.SECONDS.toNanos(10));
                long with = usedHeapAfterGc();
                out.setProperty("heapBefore", Long.toString(before));
                out.setProperty("heapWith", Long.toString(with));
                out.setProperty("bytesPerConnection", Long.toString((with - before) / count));
                out.setProperty("connections", Integer.toString(server.connectionCount()));
                long[] latencies = acceptLatencies(address, acceptedAt, probes);
                out.setProperty("acceptP50Millis", Double.toString(Stats.percentile(latencies, probes, 50) / 1e6));
                out.setProperty("acceptP99Millis", Double.toString(Stats.percentile(latencies, probes, 99) / 1e6));
                out.setProperty("acceptMaxMillis", Double.toString(Stats.max(latencies, probes) / 1e6));
                int open = server.connectionCount();
                long stopStart = System.nanoTime();
                server.stop();
                out.setProperty("stopMillis", Double.toString((System.nanoTime() - stopStart) / 1e6));
                out.setProperty("closedConnections", Integer.toString(open));
                out.setProperty("connectionsAfterStop", Integer.toString(server.connectionCount()));
                out.setProperty("engineThreadsLeft", String.join(",", engineThreads()));
                out.setProperty("serverLiveThreads", Integer.toString(liveThreads(server)));
            } finally {
                holder.closeInput();
                holder.await(Duration.ofSeconds(60));
            }
        } finally {
            server.stop();
        }
        ChildJvm.writeResults(args[0], out);
        System.exit(0);
    }

    /** Loads and compiles the accept path once, so that the measured heap does not include first-use classes. */
    private static void warmUp(InetSocketAddress address, TcpServer server, int probes) throws Exception {
        List<SocketChannel> warm = new ArrayList<>();
        for (int i = 0; i < probes; i++) {
            warm.add(SocketChannel.open(address));
        }
        PumpDrainer.awaitCondition(() -> server.connectionCount() >= probes, TimeUnit.SECONDS.toNanos(30));
        for (SocketChannel channel : warm) {
            channel.close();
        }
        PumpDrainer.awaitCondition(() -> server.connectionCount() == 0, TimeUnit.SECONDS.toNanos(30));
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
    }

    private static long[] acceptLatencies(InetSocketAddress address, Map<Integer, Long> acceptedAt, int probes)
            throws Exception {
        long[] latencies = new long[probes];
        for (int i = 0; i < probes; i++) {
            long start = System.nanoTime();
            try (SocketChannel probe = SocketChannel.open(address)) {
                int port = ((InetSocketAddress) probe.getLocalAddress()).getPort();
                if (!PumpDrainer.awaitCondition(() -> acceptedAt.containsKey(port), TimeUnit.SECONDS.toNanos(5))) {
                    throw new IllegalStateException("probe " + i + " was not accepted within 5 s");
                }
                latencies[i] = acceptedAt.remove(port) - start;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        return latencies;
    }

    static long usedHeapAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** Names of engine threads (tcp-*) alive now, virtual ones included (JSON thread dump). */
    static List<String> engineThreads() throws Exception {
        Path dump = Files.createTempDirectory("bench-threads").resolve("threads.json");
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                .dumpThreads(dump.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
        List<String> names = new ArrayList<>();
        Matcher matcher = THREAD_NAME.matcher(Files.readString(dump));
        while (matcher.find()) {
            if (matcher.group(1).startsWith("tcp-")) {
                names.add(matcher.group(1));
            }
        }
        Files.delete(dump);
        Files.delete(dump.getParent());
        return names;
    }

    /** The server's own count of its live threads (package-private, read for the benchmark). */
    private static int liveThreads(TcpServer server) throws Exception {
        Method method = TcpServer.class.getDeclaredMethod("liveThreads");
        method.setAccessible(true);
        return ((List<?>) method.invoke(server)).size();
    }
}
