package com.socketworkbench.bench;

import com.socketworkbench.engine.event.ConnectionAccepted;
import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.tcp.TcpClient;
import com.socketworkbench.engine.tcp.TcpClientConfig;
import com.socketworkbench.engine.tcp.TcpServer;
import com.socketworkbench.engine.tcp.TcpServerConfig;
import com.socketworkbench.engine.udp.UdpConfig;
import com.socketworkbench.engine.udp.UdpEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * P5: Stop while sending as fast as possible to a peer that reads as fast as it can. For each of TcpServer
 * ({@link TcpServer#stop()}), TcpClient (what the client tab's Disconnect does: {@code disconnect()} then
 * {@code close()}) and UdpEndpoint ({@link UdpEndpoint#stop()}): the time from calling stop until both the call has
 * returned and the peer has seen the end (end of stream for TCP; for UDP, the last datagram to arrive). The sender
 * keeps 8 sends of 1 MiB (TCP) or 256 datagrams of 1 KiB (UDP) queued, as a user's repeated sends would.
 */
final class StopUnderLoad implements BenchPart {
    private static final Logger LOG = LoggerFactory.getLogger(StopUnderLoad.class);
    private static final int TCP_CHUNK = 1024 * 1024;
    private static final int TCP_OUTSTANDING = 8;
    private static final int UDP_OUTSTANDING = 256;
    private static final Duration LOAD_BEFORE_STOP = Duration.ofMillis(700);

    @Override
    public String id() {
        return "P5";
    }

    @Override
    public String title() {
        return "Stop under load";
    }

    @Override
    public List<Figure> run(BenchConfig config) throws Exception {
        int runs = config.runs(5, 3);
        List<Double> server = new ArrayList<>();
        List<Double> client = new ArrayList<>();
        List<Double> udp = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            server.add(tcpServer());
            client.add(tcpClient());
            udp.add(udpEndpoint());
            LOG.info(String.format(Locale.ROOT, "P5 run %d/%d: TcpServer %.1f ms, TcpClient %.1f ms, UdpEndpoint"
                    + " %.1f ms", run + 1, runs, server.getLast(), client.getLast(), udp.getLast()));
        }
        return List.of(
                Figure.atMost(id(), "TcpServer.stop() while sending at max rate: effective", 200, Stats.median(server),
                        "ms", "per run " + server + " ms"),
                Figure.atMost(id(), "TcpClient disconnect + close while sending at max rate: effective", 200,
                        Stats.median(client), "ms", "per run " + client + " ms"),
                Figure.atMost(id(), "UdpEndpoint.stop() while sending at max rate: effective", 200, Stats.median(udp),
                        "ms", "per run " + udp + " ms"));
    }

    /** Milliseconds from stop() until it returned and the reading peer saw end of stream. */
    private static double tcpServer() throws Exception {
        CompletableFuture<Long> accepted = new CompletableFuture<>();
        EventSink sink = event -> {
            if (event instanceof ConnectionAccepted connection) {
                accepted.complete(connection.connectionId());
            }
        };
        TcpServer server = new TcpServer(new TcpServerConfig("127.0.0.1", 0), sink);
        try (Socket peer = new Socket()) {
            InetSocketAddress address = server.start();
            peer.connect(address, 5000);
            long id = accepted.get(5, TimeUnit.SECONDS);
            PeerReader reader = new PeerReader(peer.getInputStream());
            return stopWhileSending(data -> server.send(id, data), server::stop, reader);
        } finally {
            server.stop();
        }
    }

    private static double tcpClient() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 5, Loopback.ADDRESS);
             TcpClient client = new TcpClient(new TcpClientConfig("127.0.0.1", listener.getLocalPort()), event -> { })) {
            client.connect().get(5, TimeUnit.SECONDS);
            try (Socket peer = listener.accept()) {
                PeerReader reader = new PeerReader(peer.getInputStream());
                return stopWhileSending(client::send, () -> {
                    client.disconnect();
                    client.close();
                }, reader);
            }
        }
    }

    /**
     * Sends {@link #TCP_CHUNK}-byte blocks keeping {@link #TCP_OUTSTANDING} queued for {@link #LOAD_BEFORE_STOP},
     * then stops and measures until {@code reader} has seen the end.
     */
    private static double stopWhileSending(Function<byte[], CompletableFuture<Void>> send, Runnable stop,
                                           PeerReader reader) throws Exception {
        byte[] chunk = new byte[TCP_CHUNK];
        ArrayDeque<CompletableFuture<Void>> queued = new ArrayDeque<>();
        long loadUntil = System.nanoTime() + LOAD_BEFORE_STOP.toNanos();
        while (System.nanoTime() - loadUntil < 0) {
            while (queued.size() < TCP_OUTSTANDING) {
                queued.add(send.apply(chunk));
            }
            queued.poll().get(10, TimeUnit.SECONDS);
        }
        if (reader.bytes.get() == 0) {
            throw new IllegalStateException("the peer received nothing while the sender ran");
        }
        long start = System.nanoTime();
        stop.run();
        long returned = System.nanoTime();
        long ended = reader.end.get(10, TimeUnit.SECONDS);
        return (Math.max(returned, ended) - start) / 1e6;
    }

    /** Reads everything until end of stream (or a reset) and completes {@link #end} with that moment. */
    private static final class PeerReader {
        final AtomicLong bytes = new AtomicLong();
        final CompletableFuture<Long> end = new CompletableFuture<>();

        PeerReader(InputStream in) {
            Thread.ofPlatform().daemon().name("bench-stop-peer").start(() -> {
                byte[] buffer = new byte[256 * 1024];
                try {
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        bytes.addAndGet(n);
                    }
                } catch (IOException reset) {
                    LOG.debug("Peer read ended with {}", reset.toString());
                }
                end.complete(System.nanoTime());
            });
        }
    }

    /** Milliseconds from stop() until it returned and the last datagram had arrived at the peer. */
    private static double udpEndpoint() throws Exception {
        try (DatagramChannel peer = DatagramChannel.open();
             UdpEndpoint endpoint = new UdpEndpoint(UdpConfig.of("127.0.0.1", 0), event -> { })) {
            peer.bind(Loopback.at(0));
            InetSocketAddress target = (InetSocketAddress) peer.getLocalAddress();
            endpoint.start();
            AtomicLong lastArrival = new AtomicLong();
            AtomicLong received = new AtomicLong();
            Thread reader = Thread.ofPlatform().daemon().name("bench-stop-udp-peer").start(() -> {
                ByteBuffer buffer = ByteBuffer.allocateDirect(2048);
                try {
                    while (true) {
                        buffer.clear();
                        peer.receive(buffer);
                        received.incrementAndGet();
                        lastArrival.set(System.nanoTime());
                    }
                } catch (IOException closed) {
                    LOG.debug("UDP peer closed: {}", closed.toString());
                }
            });
            byte[] datagram = new byte[1024];
            ArrayDeque<CompletableFuture<Void>> queued = new ArrayDeque<>();
            long loadUntil = System.nanoTime() + LOAD_BEFORE_STOP.toNanos();
            while (System.nanoTime() - loadUntil < 0) {
                while (queued.size() < UDP_OUTSTANDING) {
                    queued.add(endpoint.send(target, datagram));
                }
                queued.poll().get(10, TimeUnit.SECONDS);
            }
            if (received.get() == 0) {
                throw new IllegalStateException("the UDP peer received nothing while the sender ran");
            }
            long start = System.nanoTime();
            endpoint.stop();
            long returned = System.nanoTime();
            // Anything still in flight arrives within this quiet period; a later arrival would count against stop.
            long quiet = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
            while (System.nanoTime() - quiet < 0) {
                Thread.sleep(10);
            }
            peer.close();
            reader.join(Duration.ofSeconds(2));
            return (Math.max(returned, lastArrival.get()) - start) / 1e6;
        }
    }
}
