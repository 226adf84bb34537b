package com.socketworkbench.bench;

import com.socketworkbench.engine.event.DataEvent;
import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.relay.HoldListener;
import com.socketworkbench.engine.relay.PairSnapshot;
import com.socketworkbench.engine.relay.Relay;
import com.socketworkbench.engine.relay.RelayConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.StandardSocketOptions;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * P11: the relay ({@code engine.relay}, intercept and faults off) against the same traffic without it, all on
 * 127.0.0.1:
 * <ul>
 *     <li>throughput: a bounded transfer (1 GiB, 256 MiB quick) from a JDK channel writing 256 KiB blocks to a JDK
 *     sink reading into 64 KiB, direct and through the relay, in interleaved rounds; the relay's events go to a
 *     counting sink, which must count every byte. Figure: the median of the per-round ratios. In the same rounds a
 *     bare JDK relay loop (one virtual thread reading and writing a direct buffer, no events) gives the ceiling that
 *     the loopback stack leaves any relay on this machine (info);</li>
 *     <li>added latency: 64-byte request/response ping-pong with a JDK echo peer (TCP_NODELAY), 20,000 round trips
 *     each way (5,000 quick) in alternating blocks of 1,000, bounded in time; figures: p50 and p99 of the relayed
 *     round trips minus those of the direct ones;</li>
 *     <li>1,000 concurrent pairs: 1,000 clients connect through the relay to a JDK echo peer and stay connected;
 *     once all are open (the relay lists 1,000 open pairs) each exchanges a message; all must succeed.</li>
 * </ul>
 */
final class RelayBench implements BenchPart {
    private static final Logger LOG = LoggerFactory.getLogger(RelayBench.class);
    private static final int BLOCK = 256 * 1024;
    /** The bare loop reads as much at once as the relay's largest read buffer (engine.relay.ReadBuffers). */
    private static final int BARE_READ = 4 * 1024 * 1024;
    private static final int PING_BYTES = 64;
    private static final int PING_BLOCK = 1_000;
    private static final long PING_BUDGET_NANOS = TimeUnit.SECONDS.toNanos(120);
    private static final int PAIRS = 1_000;

    @Override
    public String id() {
        return "P11";
    }

    @Override
    public String title() {
        return "Relay";
    }

    @Override
    public List<Figure> run(BenchConfig config) throws Exception {
        List<Figure> figures = new ArrayList<>();
        figures.addAll(throughput(config));
        figures.addAll(latency(config));
        figures.add(concurrentPairs());
        return figures;
    }

    private List<Figure> throughput(BenchConfig config) throws Exception {
        long total = config.quick() ? 256L << 20 : 1L << 30;
        int rounds = config.runs(7, 3);
        // Warm-up: every path once with a quarter of the transfer, so that none measures cold code.
        direct(total / 4);
        relayed(total / 4, new ArrayList<>());
        bare(total / 4);
        Transfers direct = new Transfers();
        Transfers relayed = new Transfers();
        Transfers bare = new Transfers();
        List<Double> ratios = new ArrayList<>();
        List<Double> bareRatios = new ArrayList<>();
        List<Double> relayedVsBare = new ArrayList<>();
        List<String> checks = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            // Odd rounds run direct, relay, bare loop; even rounds the other way round, so that load that rises or
            // falls during a round favours none of them in the medians.
            if (round % 2 == 1) {
                direct.measure(() -> direct(total));
                relayed.measure(() -> relayed(total, checks));
                bare.measure(() -> bare(total));
            } else {
                bare.measure(() -> bare(total));
                relayed.measure(() -> relayed(total, checks));
                direct.measure(() -> direct(total));
            }
            ratios.add(relayed.lastRate() / direct.lastRate());
            bareRatios.add(bare.lastRate() / direct.lastRate());
            relayedVsBare.add(relayed.lastRate() / bare.lastRate());
            LOG.info(String.format(Locale.ROOT, "P11 round %d/%d: direct %.2f GB/s (CPU %.2f s), relayed %.2f GB/s"
                            + " (CPU %.2f s), bare JDK relay loop %.2f GB/s (CPU %.2f s)", round, rounds,
                    direct.lastRate() / 1e9, direct.lastCpu(), relayed.lastRate() / 1e9, relayed.lastCpu(),
                    bare.lastRate() / 1e9, bare.lastCpu()));
        }
        boolean exact = checks.stream().allMatch(c -> c.startsWith("ok"));
        String mib = (total >> 20) + " MiB";
        return List.of(Figure.ratioAtLeast(id(), "Throughput through the relay vs direct (" + mib + ", JDK sender and"
                        + " sink)", 0.5, exact ? Stats.median(ratios) : 0,
                String.format(Locale.ROOT, "median %.2f GB/s relayed vs %.2f GB/s direct; ratios per round %s; "
                                + "CPU time of the JVM per transfer (all threads): median %.2f s relayed vs %.2f s "
                                + "direct; relay events counted every byte: %s", relayed.medianRate() / 1e9,
                        direct.medianRate() / 1e9, Stats.ratios(ratios), relayed.medianCpu(), direct.medianCpu(),
                        exact ? "yes" : String.join("; ", checks))),
                Figure.info(id(), "Ceiling in the same rounds: a bare JDK relay loop (no events, no copy) vs direct",
                        String.format(Locale.ROOT, "%.2f×", Stats.median(bareRatios)),
                        String.format(Locale.ROOT, "one virtual thread reads up to 4 MiB into a direct buffer and writes"
                                        + " it on, nothing else; median %.2f GB/s, ratios per round %s, CPU median"
                                        + " %.2f s per transfer; the relay / this loop: %.2f× (rounds %s)",
                                bare.medianRate() / 1e9, Stats.ratios(bareRatios), bare.medianCpu(),
                                Stats.median(relayedVsBare), Stats.ratios(relayedVsBare))));
    }

    /** The rates and the JVM's CPU times of one kind of transfer, round by round. */
    private static final class Transfers {
        private final List<Double> rates = new ArrayList<>();
        private final List<Double> cpu = new ArrayList<>();

        void measure(Callable<Double> transfer) throws Exception {
            long before = processCpuNanos();
            double rate = transfer.call();
            cpu.add((processCpuNanos() - before) / 1e9);
            rates.add(rate);
        }

        double lastRate() {
            return rates.getLast();
        }

        double lastCpu() {
            return cpu.getLast();
        }

        double medianRate() {
            return Stats.median(rates);
        }

        double medianCpu() {
            return Stats.median(cpu);
        }
    }

    /**
     * Bytes per second through the barest relay the JDK allows: what any relay written in Java pays at least, since
     * every byte crosses the loopback stack twice (sender to relay, relay to sink) instead of once.
     */
    private static double bare(long total) throws Exception {
        try (Sink sink = new Sink(); BareRelay relay = new BareRelay(sink.port())) {
            return transfer(sink, relay.port(), total);
        }
    }

    /** Bytes per second from a JDK sender straight into a JDK sink. */
    private static double direct(long total) throws Exception {
        try (Sink sink = new Sink()) {
            return transfer(sink, sink.port(), total);
        }
    }

    /** CPU time of the whole benchmark JVM (all threads, the relay's carriers included), in nanoseconds. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Bytes per second from a JDK sender through a relay into a JDK sink. */
    private static double relayed(long total, List<String> checks) throws Exception {
        CountingSink events = new CountingSink();
        try (Sink sink = new Sink(); Relay relay = Relay.start(RelayConfig.tcp("127.0.0.1", 0, "127.0.0.1",
                sink.port()), events, HoldListener.NONE)) {
            double rate = transfer(sink, relay.localAddress().getPort(), total);
            long counted = events.bytes.sum();
            checks.add((counted == total ? "ok " : "MISMATCH ") + counted + " of " + total);
            return rate;
        }
    }

    private static double transfer(Sink sink, int port, long total) throws Exception {
        ByteBuffer block = ByteBuffer.allocateDirect(BLOCK);
        byte[] random = new byte[BLOCK];
        new SplittableRandom(42).nextBytes(random);
        block.put(random);
        long start = System.nanoTime();
        try (SocketChannel channel = SocketChannel.open(Loopback.at(port))) {
            long left = total;
            while (left > 0) {
                block.clear();
                block.limit((int) Math.min(BLOCK, left));
                while (block.hasRemaining()) {
                    left -= channel.write(block);
                }
            }
            channel.shutdownOutput();
            long[] result = sink.result.get(120, TimeUnit.SECONDS);
            if (result[0] != total) {
                throw new IllegalStateException("the sink read " + result[0] + " of " + total + " bytes");
            }
            return total * 1e9 / (result[1] - start);
        }
    }

    private List<Figure> latency(BenchConfig config) throws Exception {
        int each = config.quick() ? 5_000 : 20_000;
        try (EchoPeer echo = new EchoPeer(); Relay relay = Relay.start(RelayConfig.tcp("127.0.0.1", 0, "127.0.0.1",
                echo.port()), EventSink.NONE, HoldListener.NONE);
             Socket direct = client(echo.port()); Socket relayed = client(relay.localAddress().getPort())) {
            byte[] ping = new byte[PING_BYTES];
            byte[] pong = new byte[PING_BYTES];
            // Warm-up: a block each way.
            pingPong(direct, ping, pong, new long[PING_BLOCK], 0, PING_BLOCK);
            pingPong(relayed, ping, pong, new long[PING_BLOCK], 0, PING_BLOCK);
            long[] directTimes = new long[each];
            long[] relayTimes = new long[each];
            int done = 0;
            long deadline = System.nanoTime() + PING_BUDGET_NANOS;
            while (done < each && System.nanoTime() < deadline) {
                int count = Math.min(PING_BLOCK, each - done);
                pingPong(direct, ping, pong, directTimes, done, count);
                pingPong(relayed, ping, pong, relayTimes, done, count);
                done += count;
            }
            long p50Direct = Stats.percentile(directTimes, done, 50);
            long p99Direct = Stats.percentile(directTimes, done, 99);
            long p50Relay = Stats.percentile(relayTimes, done, 50);
            long p99Relay = Stats.percentile(relayTimes, done, 99);
            String note = String.format(Locale.ROOT, "%,d round trips of %d B each way in alternating blocks of "
                            + "%,d; direct p50 %.3f ms, p99 %.3f ms; relayed p50 %.3f ms, p99 %.3f ms, max %.3f ms",
                    done, PING_BYTES, PING_BLOCK, p50Direct / 1e6, p99Direct / 1e6, p50Relay / 1e6, p99Relay / 1e6,
                    Stats.max(relayTimes, done) / 1e6);
            LOG.info("P11 latency: {}", note);
            return List.of(
                    Figure.info(id(), "Added latency p50 (64 B ping-pong, relayed minus direct)",
                            String.format(Locale.ROOT, "%.3f ms", (p50Relay - p50Direct) / 1e6), note),
                    Figure.atMost(id(), "Added latency p99 (64 B ping-pong, relayed minus direct)", 1.0,
                            Math.round((p99Relay - p99Direct) / 1e3) / 1e3, "ms", note));
        }
    }

    private static Socket client(int port) throws IOException {
        Socket socket = new Socket(Loopback.ADDRESS, port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static void pingPong(Socket socket, byte[] ping, byte[] pong, long[] times, int from, int count)
            throws IOException {
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        for (int i = 0; i < count; i++) {
            ping[0] = (byte) i;
            long start = System.nanoTime();
            out.write(ping);
            if (in.readNBytes(pong, 0, PING_BYTES) != PING_BYTES || pong[0] != ping[0]) {
                throw new IllegalStateException("the echo did not come back whole");
            }
            times[from + i] = System.nanoTime() - start;
        }
    }

    private Figure concurrentPairs() throws Exception {
        CountingSink events = new CountingSink();
        List<Socket> clients = new ArrayList<>();
        long start = System.nanoTime();
        try (EchoPeer echo = new EchoPeer(); Relay relay = Relay.start(RelayConfig.tcp("127.0.0.1", 0, "127.0.0.1",
                echo.port()), events, HoldListener.NONE);
             ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            try {
                for (int i = 0; i < PAIRS; i++) {
                    clients.add(client(relay.localAddress().getPort()));
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                long open = 0;
                while (System.nanoTime() < deadline) {
                    open = relay.pairs().stream().filter(PairSnapshot::open).count();
                    if (open == PAIRS && echo.connections() == PAIRS) {
                        break;
                    }
                    Thread.sleep(10);
                }
                long connectedMillis = (System.nanoTime() - start) / 1_000_000;
                List<Future<Boolean>> results = new ArrayList<>();
                for (int i = 0; i < PAIRS; i++) {
                    Socket client = clients.get(i);
                    byte[] message = ("pair " + i).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                    results.add(executor.submit(() -> {
                        client.getOutputStream().write(message);
                        return Arrays.equals(message, client.getInputStream().readNBytes(message.length));
                    }));
                }
                int ok = 0;
                for (Future<Boolean> result : results) {
                    if (result.get(60, TimeUnit.SECONDS)) {
                        ok++;
                    }
                }
                long tookMillis = (System.nanoTime() - start) / 1_000_000;
                String note = String.format(Locale.ROOT, "%,d pairs open at once (relay listed %,d open, the echo "
                                + "peer had %,d connections) after %,d ms; all exchanged within %,d ms; %,d B relayed",
                        PAIRS, open, echo.connections(), connectedMillis, tookMillis, events.bytes.sum());
                LOG.info("P11 pairs: {}", note);
                return Figure.check(id(), "1,000 concurrent pairs held open, each exchanging a message", "all",
                        ok == PAIRS && open == PAIRS, String.format(Locale.ROOT, "%,d of %,d", ok, PAIRS), note);
            } finally {
                for (Socket client : clients) {
                    client.close();
                }
            }
        }
    }

    /**
     * One connection forwarded by one virtual thread (as the relay runs its pairs, TCP_NODELAY on both sides as the
     * relay sets it): reads up to 4 MiB (the relay's largest read buffer) into a direct buffer and writes it on until end
     * of stream; no events, no copy.
     */
    private static final class BareRelay implements AutoCloseable {
        private final ServerSocketChannel listener;
        private final Thread thread;

        BareRelay(int target) throws IOException {
            listener = ServerSocketChannel.open().bind(new InetSocketAddress(Loopback.ADDRESS, 0));
            thread = Thread.ofVirtual().name("bench-bare-relay").start(() -> forward(target));
        }

        private void forward(int target) {
            try (SocketChannel in = listener.accept(); SocketChannel out = SocketChannel.open(Loopback.at(target))) {
                in.setOption(StandardSocketOptions.TCP_NODELAY, true);
                out.setOption(StandardSocketOptions.TCP_NODELAY, true);
                ByteBuffer buffer = ByteBuffer.allocateDirect(BARE_READ);
                while (in.read(buffer) >= 0) {
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        out.write(buffer);
                    }
                    buffer.clear();
                }
            } catch (IOException e) {
                LOG.warn("The bare relay loop failed", e);
            }
        }

        int port() throws IOException {
            return ((InetSocketAddress) listener.getLocalAddress()).getPort();
        }

        @Override
        public void close() throws Exception {
            listener.close();
            thread.join(5_000);
        }
    }

    /** Counts the bytes of the relay's data events (what a UI's pump would receive). */
    private static final class CountingSink implements EventSink {
        final LongAdder bytes = new LongAdder();

        @Override
        public void emit(NetEvent event) {
            if (event instanceof DataEvent data && data.incoming()) {
                bytes.add(data.data().length);
            }
        }
    }

    /** A JDK sink on 127.0.0.1: accepts one connection, reads it into 64 KiB until end of stream. */
    private static final class Sink implements AutoCloseable {
        final CompletableFuture<long[]> result = new CompletableFuture<>();
        private final ServerSocket listener;
        private final Thread reader;

        Sink() throws IOException {
            listener = new ServerSocket(0, 50, Loopback.ADDRESS);
            reader = Thread.ofPlatform().name("bench-relay-sink").start(() -> {
                try (Socket socket = listener.accept(); InputStream in = socket.getInputStream()) {
                    byte[] buffer = new byte[64 * 1024];
                    long count = 0;
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        count += n;
                    }
                    result.complete(new long[]{count, System.nanoTime()});
                } catch (IOException e) {
                    result.completeExceptionally(e);
                }
            });
        }

        int port() {
            return listener.getLocalPort();
        }

        @Override
        public void close() throws Exception {
            listener.close();
            reader.join(5_000);
        }
    }

    /** A JDK echo peer on 127.0.0.1 (TCP_NODELAY), a virtual thread per connection. */
    private static final class EchoPeer implements AutoCloseable {
        private final ServerSocket listener;
        private final List<Socket> sockets = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final Thread acceptor;

        EchoPeer() throws IOException {
            listener = new ServerSocket(0, 2048, Loopback.ADDRESS);
            acceptor = Thread.ofVirtual().name("bench-relay-echo-accept").start(this::acceptLoop);
        }

        int port() {
            return listener.getLocalPort();
        }

        int connections() {
            return sockets.size();
        }

        private void acceptLoop() {
            while (!listener.isClosed()) {
                try {
                    Socket socket = listener.accept();
                    socket.setTcpNoDelay(true);
                    sockets.add(socket);
                    Thread.ofVirtual().name("bench-relay-echo").start(() -> echo(socket));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private static void echo(Socket socket) {
            byte[] buffer = new byte[16 * 1024];
            try (socket) {
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                int n;
                while ((n = in.read(buffer)) > 0) {
                    out.write(buffer, 0, n);
                }
            } catch (IOException e) {
                // the client went away
            }
        }

        @Override
        public void close() throws Exception {
            listener.close();
            for (Socket socket : sockets) {
                socket.close();
            }
            acceptor.join(5_000);
        }
    }
}
