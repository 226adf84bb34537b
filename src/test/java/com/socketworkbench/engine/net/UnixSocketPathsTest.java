package com.socketworkbench.engine.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class UnixSocketPathsTest {
    @TempDir(factory = ShortTempDir.class)
    Path dir;

    /** Binds a socket file and closes the channel without deleting it: what a crashed server leaves behind. */
    private Path staleSocket(String name) throws IOException {
        Path path = dir.resolve(name);
        try (ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.bind(UnixDomainSocketAddress.of(path));
        }
        assertTrue(Files.exists(path), "closing a bound channel leaves its file");
        return path;
    }

    @Test
    void theLimitIsTheSystemsSunPathLessTwo() {
        String os = System.getProperty("os.name").toLowerCase();
        assertEquals(os.contains("mac") ? 102 : 106, UnixSocketPaths.maxPathBytes());
    }

    @Test
    void aPathAtTheLimitIsAcceptedAndOneByteMoreIsExplained() throws IOException {
        int max = UnixSocketPaths.maxPathBytes();
        String prefix = dir + "/";
        Path longest = Path.of(prefix + "a".repeat(max - prefix.length()));
        assertEquals(longest, UnixSocketPaths.validate(longest));
        try (ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.bind(UnixDomainSocketAddress.of(longest)); // the JDK agrees that it fits
        }

        Path tooLong = Path.of(prefix + "a".repeat(max + 1 - prefix.length()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UnixSocketPaths.validate(tooLong));
        assertEquals("The socket path " + tooLong + " is " + (max + 1) + " bytes long, but Unix domain socket paths"
                + " may have at most " + max + " bytes on this system; choose a shorter path, e.g. in /tmp",
                e.getMessage());
    }

    @Test
    void lengthCountsBytesNotCharacters() {
        assertEquals(6 + 2 * 3, UnixSocketPaths.pathBytes(Path.of("/tmp/" + "é".repeat(3) + "x")));
    }

    @Test
    void aRelativePathBecomesAbsoluteAndAnEmptyOneIsRefused() {
        Path relative = Path.of("some.sock");
        assertEquals(relative.toAbsolutePath().normalize(), UnixSocketPaths.validate(relative));
        assertEquals("Enter the file path of the Unix domain socket, e.g. /tmp/app.sock",
                assertThrows(IllegalArgumentException.class, () -> UnixSocketPaths.validate(Path.of("")))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> UnixSocketPaths.validate(null));
    }

    @Test
    void aMissingFileIsFree() {
        assertEquals(StaleSocketCheck.FREE, UnixSocketPaths.check(dir.resolve("none.sock")));
    }

    @Test
    void aSocketNobodyListensOnIsStaleAndCanBeDeleted() throws IOException {
        Path path = staleSocket("s.sock");
        assertEquals(StaleSocketCheck.STALE_SOCKET, UnixSocketPaths.check(path));
        assertTrue(UnixSocketPaths.isSocketFile(path));
        assertEquals("a socket", UnixSocketPaths.fileKind(path));

        UnixSocketPaths.deleteStale(path);
        assertFalse(Files.exists(path));
        UnixSocketPaths.deleteStale(path); // nothing there any more: nothing to do
    }

    @Test
    void aSocketSomeoneListensOnIsInUseAndIsNotDeleted() throws IOException {
        Path path = dir.resolve("l.sock");
        try (ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            listener.bind(UnixDomainSocketAddress.of(path));
            assertEquals(StaleSocketCheck.IN_USE, UnixSocketPaths.check(path));
            IOException e = assertThrows(IOException.class, () -> UnixSocketPaths.deleteStale(path));
            assertEquals("Not deleted: " + path + " is a socket another program is listening on", e.getMessage());
            assertTrue(Files.exists(path));
        }
    }

    @Test
    void aRegularFileOrDirectoryIsNotASocketAndIsNeverDeleted() throws IOException {
        Path file = Files.writeString(dir.resolve("plain.txt"), "keep me");
        assertEquals(StaleSocketCheck.NOT_A_SOCKET, UnixSocketPaths.check(file));
        assertEquals("a regular file", UnixSocketPaths.fileKind(file));
        IOException e = assertThrows(IOException.class, () -> UnixSocketPaths.deleteStale(file));
        assertEquals("Not deleted: " + file + " is not a socket", e.getMessage());
        assertEquals("keep me", Files.readString(file));

        Path directory = Files.createDirectory(dir.resolve("sub"));
        assertEquals(StaleSocketCheck.NOT_A_SOCKET, UnixSocketPaths.check(directory));
        assertEquals("a directory", UnixSocketPaths.fileKind(directory));
        assertThrows(IOException.class, () -> UnixSocketPaths.deleteStale(directory));
        assertTrue(Files.isDirectory(directory));
    }

    @Test
    void aSymbolicLinkToAStaleSocketIsNotASocketItself() throws IOException {
        Path target = staleSocket("t.sock");
        Path link = Files.createSymbolicLink(dir.resolve("link.sock"), target);
        assertEquals(StaleSocketCheck.NOT_A_SOCKET, UnixSocketPaths.check(link));
        assertEquals("a symbolic link", UnixSocketPaths.fileKind(link));
        assertThrows(IOException.class, () -> UnixSocketPaths.deleteStale(link));
        assertTrue(Files.exists(link));
        assertTrue(Files.exists(target));
    }
}
