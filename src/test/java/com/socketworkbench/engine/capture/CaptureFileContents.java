package com.socketworkbench.engine.capture;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

/**
 * What pcapng files written by the app hold, read with the tests' own reader ({@link PcapngReader},
 * {@link DecodedPacket}, {@link TcpStreams}: every block, checksum and sequence number checked), for tests and the
 * benchmark outside this package.
 */
public final class CaptureFileContents {

    /** One UDP datagram of a capture. */
    public record Datagram(InetSocketAddress source, InetSocketAddress destination, byte[] payload) {
    }

    /** One TCP connection rebuilt from its segments: the bytes each side sent, whole and in order. */
    public record TcpConnection(InetSocketAddress client, InetSocketAddress server, byte[] clientBytes,
                                byte[] serverBytes, boolean closed) {
    }

    private CaptureFileContents() {
    }

    /** The UDP datagrams of {@code files}, read in order, in file order. */
    public static List<Datagram> datagrams(List<Path> files) throws IOException {
        return CaptureChecks.decode(CaptureChecks.readAll(files)).stream().filter(p -> p.protocol() == 17)
                .map(p -> new Datagram(p.source(), p.destination(), p.payload())).toList();
    }

    /** The TCP connections of {@code files}, read in order (a later file of a recording resumes them). */
    public static List<TcpConnection> tcpConnections(List<Path> files) throws IOException {
        return TcpStreams.rebuild(CaptureChecks.decode(CaptureChecks.readAll(files))).stream()
                .map(c -> new TcpConnection(c.client.from, c.client.to, c.client.bytes(), c.server.bytes(),
                        c.closed)).toList();
    }

    /** How many packets {@code files} hold. */
    public static int packets(List<Path> files) throws IOException {
        return CaptureChecks.readAll(files).size();
    }
}
