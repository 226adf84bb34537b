package com.socketworkbench.engine.net;

import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The messages for real failures of the JDK's Unix channels, and for those a test cannot provoke (as root). */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class UnixSocketErrorsTest {
    @TempDir(factory = ShortTempDir.class)
    Path dir;

    private static UnixDomainSocketAddress unix(Path path) {
        return UnixDomainSocketAddress.of(path);
    }

    private static IOException bindError(Path path) {
        return assertThrows(IOException.class, () -> {
            try (ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                channel.bind(unix(path));
            }
        });
    }

    private static IOException connectError(Path path) {
        return assertThrows(IOException.class, () -> {
            try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                channel.connect(unix(path));
            }
        });
    }

    private Failure bind(IOException e, Path path) {
        Failure failure = SocketErrors.toFailure(e, Operation.START, 0, unix(path), null);
        assertEquals(unix(path), failure.local());
        assertNull(failure.remote());
        assertTrue(failure.technicalDetail().contains(e.getClass().getName()), failure.technicalDetail());
        return failure;
    }

    private Failure connect(IOException e, Path path) {
        Failure failure = SocketErrors.toFailure(e, Operation.CONNECT, 7, null, unix(path));
        assertEquals(7, failure.connectionId());
        assertEquals(unix(path), failure.remote());
        return failure;
    }

    @Test
    void permissionDeniedWhenBindingNamesTheDirectory() {
        Path path = Path.of("/root/x.sock");
        Failure failure = bind(new SocketException("Permission denied"), path);
        assertEquals(FailureKind.PERMISSION_DENIED, failure.kind());
        assertEquals("Permission denied creating /root/x.sock: the directory /root is not writable for this user",
                failure.message());
        assertEquals(FailureKind.PERMISSION_DENIED,
                bind(new AccessDeniedException("/root/x.sock"), path).kind());
    }

    @Test
    void permissionDeniedWhenConnectingSaysWhatIsNeeded() {
        Failure failure = connect(new SocketException("Permission denied"), Path.of("/run/app/app.sock"));
        assertEquals(FailureKind.PERMISSION_DENIED, failure.kind());
        assertEquals("Permission denied connecting to /run/app/app.sock: this user may not use that socket (it needs"
                + " write permission on the socket file and access to its directory)", failure.message());
    }

    @Test
    void aReadOnlyFileSystemIsExplained() {
        Failure failure = bind(new SocketException("Read-only file system"), Path.of("/proc/x.sock"));
        assertEquals(FailureKind.PERMISSION_DENIED, failure.kind());
        assertEquals("Cannot create /proc/x.sock: the file system of /proc is read-only", failure.message());
    }

    @Test
    void aMissingDirectoryIsNamedForServerAndClient() {
        Path path = dir.resolve("missing/deeper/x.sock");
        Failure bind = bind(bindError(path), path);
        assertEquals(FailureKind.ADDRESS_NOT_AVAILABLE, bind.kind());
        assertEquals("Cannot create " + path + ": the directory " + dir.resolve("missing/deeper")
                + " does not exist", bind.message());

        Failure connect = connect(connectError(path), path);
        assertEquals(FailureKind.CONNECTION_REFUSED, connect.kind());
        assertEquals("Cannot connect to " + path + ": the directory " + dir.resolve("missing/deeper")
                + " does not exist", connect.message());
    }

    @Test
    void aFileWhereADirectoryShouldBeIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("f"), "x");
        Path path = file.resolve("x.sock");
        Failure failure = bind(bindError(path), path);
        assertEquals(FailureKind.ADDRESS_NOT_AVAILABLE, failure.kind());
        assertEquals("Cannot create " + path + ": " + file + " is not a directory", failure.message());
    }

    @Test
    void aClientFindingNoFileIsToldSo() {
        Path path = dir.resolve("none.sock");
        Failure failure = connect(connectError(path), path);
        assertEquals(FailureKind.CONNECTION_REFUSED, failure.kind());
        assertEquals("Cannot connect to " + path + ": no socket file exists there (is the server running, and is"
                + " the path right?)", failure.message());
    }

    @Test
    void aClientFindingAStaleSocketIsToldNobodyListens() throws IOException {
        Path path = dir.resolve("stale.sock");
        try (ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.bind(unix(path));
        }
        Failure failure = connect(connectError(path), path);
        assertEquals(FailureKind.CONNECTION_REFUSED, failure.kind());
        assertEquals("Connection refused: nobody is listening on " + path
                + " (the socket file is left over from a server that has ended)", failure.message());
    }

    @Test
    void aClientPointedAtARegularFileIsToldItIsNotASocket() throws IOException {
        Path path = Files.writeString(dir.resolve("notes.txt"), "x");
        Failure failure = connect(connectError(path), path);
        assertEquals(FailureKind.CONNECTION_REFUSED, failure.kind());
        assertEquals("Cannot connect to " + path + ": it is a regular file, not a socket", failure.message());
    }

    @Test
    void aFullQueueIsExplained() {
        Failure failure = connect(new SocketException("Resource temporarily unavailable"), Path.of("/tmp/q.sock"));
        assertEquals(FailureKind.CONNECTION_REFUSED, failure.kind());
        assertEquals("The server at /tmp/q.sock is not accepting connections now: its queue of pending connections"
                + " is full", failure.message());
    }

    @Test
    void aPathTooLongForTheSystemIsExplained() {
        Path path = Path.of("/tmp/" + "a".repeat(120));
        Failure failure = bind(bindError(path), path);
        assertEquals(FailureKind.INVALID_INPUT, failure.kind());
        assertEquals("The socket path " + path + " is 125 bytes long, but Unix domain socket paths may have at most "
                + UnixSocketPaths.maxPathBytes() + " bytes on this system; choose a shorter path, e.g. in /tmp",
                failure.message());
        assertEquals(FailureKind.INVALID_INPUT, connect(connectError(path), path).kind());
    }

    @Test
    void aFileInTheWayOfAServerIsDescribedByWhatItIs() throws IOException {
        Path regular = Files.writeString(dir.resolve("r.sock"), "x");
        Failure notSocket = bind(bindError(regular), regular);
        assertEquals(FailureKind.PORT_IN_USE, notSocket.kind());
        assertEquals("A file already exists at " + regular + " and it is a regular file, not a socket; choose"
                + " another path", notSocket.message());

        Path stale = dir.resolve("s.sock");
        try (ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.bind(unix(stale));
        }
        Failure leftover = bind(bindError(stale), stale);
        assertEquals(FailureKind.PORT_IN_USE, leftover.kind());
        assertEquals("A file already exists at " + stale + ": a leftover socket file nobody is listening on (a"
                + " server ended without removing it); delete it to listen here", leftover.message());

        Path live = dir.resolve("l.sock");
        try (ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.bind(unix(live));
            Failure inUse = bind(bindError(live), live);
            assertEquals(FailureKind.PORT_IN_USE, inUse.kind());
            assertEquals("A file already exists at " + live + ": another program is listening on this socket;"
                    + " choose another path or stop that program", inUse.message());
        }
    }

    @Test
    void otherErrorsKeepTheSystemsWords() {
        Failure bind = bind(new BindException("Something odd"), Path.of("/tmp/o.sock"));
        assertEquals(FailureKind.IO_ERROR, bind.kind());
        assertEquals("Could not listen on /tmp/o.sock: Something odd", bind.message());
        Failure connect = connect(new ConnectException("Something odd"), Path.of("/tmp/o.sock"));
        assertEquals(FailureKind.IO_ERROR, connect.kind());
        assertEquals("Could not connect to /tmp/o.sock: Something odd", connect.message());
    }
}
