package com.socketworkbench.engine.capture;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.ConnectionAccepted;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.DataEvent;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.tcp.CloseMode;
import com.socketworkbench.engine.tcp.TcpClient;
import com.socketworkbench.engine.tcp.TcpClientConfig;
import com.socketworkbench.engine.tcp.TcpServer;
import com.socketworkbench.engine.tcp.TcpServerConfig;
import com.socketworkbench.engine.udp.UdpConfig;
import com.socketworkbench.engine.udp.UdpEndpoint;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * Real traffic on loopback (127.0.0.1 or ::1, port 0) through the engine's TcpServer, TcpClient and UdpEndpoint,
 * with plain JDK sockets as peers; each session returns the events its engine component emitted, as a tab would
 * have them. Every wait is bounded.
 */
final class LoopbackTraffic {
    static final Duration WAIT = Duration.ofSeconds(20);
    private static final int PEER_TIMEOUT = 20_000;

    private final Random random;

    LoopbackTraffic(long seed) {
        this.random = new Random(seed);
    }

    byte[] bytes(int size) {
        byte[] data = new byte[size];
        random.nextBytes(data);
        return data;
    }

    /**
     * A TcpServer on {@code host} with three JDK clients: one sends {@code sizes} and gets a reply of each size
     * back, then closes (FIN); one is aborted by the server (RST); one resets itself (SO_LINGER 0).
     */
    List<NetEvent> tcpServerSession(String host, int... sizes) throws Exception {
        List<NetEvent> events = new CopyOnWriteArrayList<>();
        try (TcpServer server = new TcpServer(new TcpServerConfig(host, 0), events::add)) {
            InetSocketAddress address = server.start();
            try (Socket peer = connect(address)) {
                long id = acceptedId(events, peer);
                OutputStream out = peer.getOutputStream();
                InputStream in = peer.getInputStream();
                long total = 0;
                for (int size : sizes) {
                    out.write(bytes(size));
                    total += size;
                    long expected = total;
                    await().atMost(WAIT).until(() -> received(events, id) == expected);
                    byte[] reply = bytes(size);
                    server.send(id, reply).get(WAIT.toSeconds(), TimeUnit.SECONDS);
                    assertArrayEquals(reply, in.readNBytes(size));
                }
                peer.shutdownOutput();
                awaitClosed(events, id);
            }
            try (Socket aborted = connect(address)) {
                long id = acceptedId(events, aborted);
                aborted.getOutputStream().write(bytes(3));
                await().atMost(WAIT).until(() -> received(events, id) == 3);
                server.close(id, CloseMode.ABORT);
                awaitClosed(events, id);
            }
            Socket resetting = connect(address);
            long id = acceptedId(events, resetting);
            resetting.getOutputStream().write(bytes(5));
            await().atMost(WAIT).until(() -> received(events, id) == 5);
            resetting.setSoLinger(true, 0);
            resetting.close();
            awaitClosed(events, id);
        }
        return List.copyOf(events);
    }

    /** A TcpClient to a JDK listener on {@code host}: sends {@code sizes}, reads a reply of each, closes (FIN). */
    List<NetEvent> tcpClientSession(String host, int... sizes) throws Exception {
        List<NetEvent> events = new CopyOnWriteArrayList<>();
        try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getByName(host));
             TcpClient client = new TcpClient(new TcpClientConfig(host, listener.getLocalPort()), events::add)) {
            listener.setSoTimeout(PEER_TIMEOUT);
            client.connect().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            try (Socket peer = listener.accept()) {
                peer.setSoTimeout(PEER_TIMEOUT);
                long total = 0;
                for (int size : sizes) {
                    byte[] data = bytes(size);
                    client.send(data).get(WAIT.toSeconds(), TimeUnit.SECONDS);
                    assertArrayEquals(data, peer.getInputStream().readNBytes(size));
                    peer.getOutputStream().write(bytes(size));
                    total += size;
                    long expected = total;
                    await().atMost(WAIT).until(() -> received(events, client.id()) == expected);
                }
                client.disconnect();
                awaitClosed(events, client.id());
            }
        }
        return List.copyOf(events);
    }

    /**
     * Two UdpEndpoints on {@code host}: the first sends a datagram of each of {@code sizes} to the second, which
     * answers each with one of the same size. Returns the first endpoint's events and the second's.
     */
    List<List<NetEvent>> udpSession(String host, int... sizes) throws Exception {
        List<NetEvent> first = new CopyOnWriteArrayList<>();
        List<NetEvent> second = new CopyOnWriteArrayList<>();
        try (UdpEndpoint a = new UdpEndpoint(UdpConfig.of(host, 0), first::add);
             UdpEndpoint b = new UdpEndpoint(UdpConfig.of(host, 0), second::add)) {
            a.start();
            InetSocketAddress bAddress = b.start();
            int count = 0;
            for (int size : sizes) {
                a.send(bAddress, bytes(size)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
                int expected = ++count;
                await().atMost(WAIT).until(() -> count(second, BytesReceived.class::isInstance) == expected);
                BytesReceived in = (BytesReceived) last(second, BytesReceived.class::isInstance);
                b.send((InetSocketAddress) in.remote(), bytes(size)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
                await().atMost(WAIT).until(() -> count(first, BytesReceived.class::isInstance) == expected);
            }
        }
        return List.of(List.copyOf(first), List.copyOf(second));
    }

    private static Socket connect(InetSocketAddress address) throws Exception {
        Socket socket = new Socket();
        socket.setSoTimeout(PEER_TIMEOUT);
        socket.connect(address, PEER_TIMEOUT);
        return socket;
    }

    private static long acceptedId(List<NetEvent> events, Socket peer) {
        int port = peer.getLocalPort();
        Predicate<NetEvent> mine = e -> e instanceof ConnectionAccepted accepted
                && ((InetSocketAddress) accepted.remote()).getPort() == port;
        await().atMost(WAIT).until(() -> count(events, mine) == 1);
        return last(events, mine).connectionId();
    }

    private static void awaitClosed(List<NetEvent> events, long id) {
        await().atMost(WAIT).until(() -> count(events, e -> e instanceof ConnectionClosed
                && e.connectionId() == id) == 1);
    }

    private static long received(List<NetEvent> events, long id) {
        return events.stream().filter(e -> e instanceof BytesReceived && e.connectionId() == id)
                .mapToLong(e -> ((DataEvent) e).data().length).sum();
    }

    private static long count(List<NetEvent> events, Predicate<NetEvent> which) {
        return events.stream().filter(which).count();
    }

    private static NetEvent last(List<NetEvent> events, Predicate<NetEvent> which) {
        List<NetEvent> matching = new ArrayList<>(events.stream().filter(which).toList());
        return matching.getLast();
    }
}
