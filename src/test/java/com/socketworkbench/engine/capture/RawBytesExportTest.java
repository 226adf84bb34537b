package com.socketworkbench.engine.capture;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.engine.event.CloseReason;
import com.socketworkbench.engine.event.ConnectionAccepted;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.net.UnixPeerAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Raw bytes: one byte-exact file per connection and direction. */
class RawBytesExportTest {
    private static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 5_000);
    private static final InetSocketAddress CLIENT_A = new InetSocketAddress("127.0.0.1", 40_001);
    private static final InetSocketAddress CLIENT_B = new InetSocketAddress("::1", 40_002);
    private static final Instant T0 = Instant.parse("2025-03-04T05:06:07Z");

    @TempDir
    Path dir;

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        int size = 0;
        for (byte[] part : parts) {
            size += part.length;
        }
        byte[] all = new byte[size];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    @Test
    void eachConnectionAndDirectionGetsItsOwnFileWithExactlyItsBytesInOrder() throws Exception {
        byte[] a1 = random(70_000, 1);
        byte[] a2 = random(3, 2);
        byte[] aIn = random(256, 3);
        byte[] b1 = random(1, 4);
        UnixDomainSocketAddress path = UnixDomainSocketAddress.of("/tmp/app.sock");
        UnixPeerAddress unixPeer = new UnixPeerAddress(Path.of("/tmp/app.sock"), 3);
        List<NetEvent> events = List.of(
                new ConnectionAccepted(T0, 1, SERVER, CLIENT_A),
                new BytesSent(T0, 1, SERVER, CLIENT_A, a1),
                new BytesReceived(T0, 2, SERVER, CLIENT_B, b1),
                new BytesReceived(T0, 1, SERVER, CLIENT_A, aIn),
                new BytesSent(T0, 1, SERVER, CLIENT_A, a2),
                new BytesSent(T0, 1, SERVER, CLIENT_A, new byte[0]),
                new BytesReceived(T0, 3, path, unixPeer, aIn),
                new ConnectionClosed(T0, 1, SERVER, CLIENT_A, CloseReason.PEER_CLOSED, ""));
        Path folder = dir.resolve("raw");

        ExportSummary summary = RawBytesExport.write(events, folder);

        assertEquals(6, summary.eventsWritten());
        assertEquals(Map.of(SkipReason.NOT_DATA, 2L), summary.skipped());
        assertEquals(List.of(
                folder.resolve("1-sent-127.0.0.1-5000-to-127.0.0.1-40001.bin"),
                folder.resolve("2-received-__1-40002-to-127.0.0.1-5000.bin"),
                folder.resolve("1-received-127.0.0.1-40001-to-127.0.0.1-5000.bin"),
                folder.resolve("3-received-unix-tmp-app.sock-client-3-to-tmp-app.sock.bin")), summary.files());
        assertArrayEquals(concat(a1, a2), Files.readAllBytes(summary.files().get(0)));
        assertArrayEquals(b1, Files.readAllBytes(summary.files().get(1)));
        assertArrayEquals(aIn, Files.readAllBytes(summary.files().get(2)));
        assertArrayEquals(aIn, Files.readAllBytes(summary.files().get(3)));
        try (var files = Files.list(folder)) {
            assertEquals(4, files.count(), "no temporary files left");
        }
    }

    @Test
    void namesThatWouldCollideAreNumbered() throws Exception {
        InetSocketAddress unresolvedA = InetSocketAddress.createUnresolved("a:b", 1);
        InetSocketAddress unresolvedB = InetSocketAddress.createUnresolved("a/b", 1);
        ExportSummary summary = RawBytesExport.write(List.of(
                new BytesSent(T0, 1, SERVER, unresolvedA, new byte[] {1}),
                new BytesSent(T0, 1, SERVER, unresolvedB, new byte[] {2})), dir);

        assertEquals(List.of(dir.resolve("1-sent-127.0.0.1-5000-to-a-b-1.bin"),
                dir.resolve("1-sent-127.0.0.1-5000-to-a-b-1-2.bin")), summary.files());
        assertArrayEquals(new byte[] {2}, Files.readAllBytes(summary.files().get(1)));
    }
}
