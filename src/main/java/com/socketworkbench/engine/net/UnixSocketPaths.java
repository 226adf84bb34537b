package com.socketworkbench.engine.net;

import com.socketworkbench.engine.text.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.channels.SocketChannel;
import java.util.Locale;
import java.util.Objects;

/**
 * The file side of Unix domain sockets: how long a socket path may be, what is at a path a server wants to bind,
 * and removing a socket file that a server left behind.
 */
public final class UnixSocketPaths {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.net.net");
    private static final Logger LOG = LoggerFactory.getLogger(UnixSocketPaths.class);
    /** The kernel's sun_path holds 108 bytes on Linux and Windows; the JDK keeps two of them back. */
    private static final int LINUX_MAX_PATH_BYTES = 106;
    /** sun_path holds 104 bytes on macOS and the BSDs, less the JDK's two. */
    private static final int BSD_MAX_PATH_BYTES = 102;
    private static final int FILE_TYPE_MASK = 0170000;
    private static final int SOCKET_TYPE = 0140000;
    private static final int FIFO_TYPE = 0010000;

    private UnixSocketPaths() {
    }

    /** The longest socket path this system accepts, in bytes of the file system's encoding (106 on Linux). */
    public static int maxPathBytes() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return os.contains("mac") || os.contains("darwin") || os.contains("bsd") ? BSD_MAX_PATH_BYTES
                : LINUX_MAX_PATH_BYTES;
    }

    /** The length of {@code path} as the system counts it: bytes in the file system's encoding. */
    public static int pathBytes(Path path) {
        return path.toString().getBytes(fileNameCharset()).length;
    }

    /**
     * The path a socket will use: absolute and normalised, checked before any socket is opened.
     *
     * @throws IllegalArgumentException with a message fit for the user when the path is missing or too long
     */
    public static Path validate(Path path) {
        if (path == null || path.toString().isBlank()) {
            throw new IllegalArgumentException(TEXT.get("unix.enterPath"));
        }
        Path absolute = path.toAbsolutePath().normalize();
        int bytes = pathBytes(absolute);
        int max = maxPathBytes();
        if (bytes > max) {
            throw new IllegalArgumentException(TEXT.get("unix.tooLong", absolute, bytes, max));
        }
        return absolute;
    }

    /**
     * What is at {@code path}. A socket file is probed with a non-blocking connect, which never waits: refused means
     * nobody listens (the file is stale). A program listening there sees that probe as a connection that closes at
     * once.
     */
    public static StaleSocketCheck check(Path path) {
        Objects.requireNonNull(path, "path");
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return StaleSocketCheck.FREE;
        } catch (IOException e) {
            LOG.debug("Cannot read the attributes of {}", path, e);
            return StaleSocketCheck.UNKNOWN;
        }
        if (!isSocket(path, attributes)) {
            return StaleSocketCheck.NOT_A_SOCKET;
        }
        return probe(path);
    }

    /**
     * Deletes the socket file at {@code path} if, checked again now, it is a {@link StaleSocketCheck#STALE_SOCKET};
     * does nothing when nothing is there.
     *
     * @throws IOException with a message fit for the user when the file is something else (it is left alone) or
     *                     could not be deleted
     */
    public static void deleteStale(Path path) throws IOException {
        Object before = fileKey(path);
        StaleSocketCheck found = check(path);
        if (found == StaleSocketCheck.FREE) {
            return;
        }
        if (found != StaleSocketCheck.STALE_SOCKET) {
            throw new IOException(TEXT.get("unix.notDeleted", path, found.description()));
        }
        // A server that replaced the file between the probe and now keeps its socket.
        if (!Objects.equals(before, fileKey(path))) {
            throw new IOException(TEXT.get("unix.notDeleted.replaced", path));
        }
        try {
            Files.deleteIfExists(path);
        } catch (AccessDeniedException e) {
            throw new IOException(TEXT.get("unix.deleteDenied", path, path.toAbsolutePath().getParent()), e);
        } catch (IOException e) {
            throw new IOException(TEXT.get("unix.deleteFailed", path, e.getMessage()), e);
        }
    }

    /** "a regular file", "a directory", "a socket", ... for messages; "nothing" when the path does not exist. */
    public static String fileKind(Path path) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return TEXT.get(Files.notExists(path, LinkOption.NOFOLLOW_LINKS) ? "file.nothing" : "file.unreadable");
        }
        if (attributes.isDirectory()) {
            return TEXT.get("file.directory");
        }
        if (attributes.isRegularFile()) {
            return TEXT.get("file.regular");
        }
        if (attributes.isSymbolicLink()) {
            return TEXT.get("file.symlink");
        }
        if (isSocket(path, attributes)) {
            return TEXT.get("file.socket");
        }
        Integer mode = unixMode(path);
        return TEXT.get(mode != null && (mode & FILE_TYPE_MASK) == FIFO_TYPE ? "file.pipe" : "file.special");
    }

    /** Whether {@code path} itself (not a link's target) is a socket file. */
    public static boolean isSocketFile(Path path) {
        try {
            return isSocket(path,
                    Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            return false;
        }
    }

    private static StaleSocketCheck probe(Path path) {
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.configureBlocking(false);
            // Connected, or (never on Linux) pending: either way something accepts connections there.
            probe.connect(UnixDomainSocketAddress.of(path));
            return StaleSocketCheck.IN_USE;
        } catch (IOException e) {
            String text = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
            if (text.contains("connection refused")) {
                return StaleSocketCheck.STALE_SOCKET;
            }
            if (text.contains("resource temporarily unavailable") || text.contains("would block")) {
                return StaleSocketCheck.IN_USE; // the listener's queue of pending connections is full
            }
            LOG.debug("Probing {} failed", path, e);
            return StaleSocketCheck.UNKNOWN;
        }
    }

    private static boolean isSocket(Path path, BasicFileAttributes attributes) {
        if (!attributes.isOther()) {
            return false;
        }
        Integer mode = unixMode(path);
        return mode == null || (mode & FILE_TYPE_MASK) == SOCKET_TYPE;
    }

    /** The st_mode of the file, or null where the "unix" attribute view does not exist (Windows). */
    private static Integer unixMode(Path path) {
        try {
            return (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
            return null;
        }
    }

    private static Object fileKey(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    private static Charset fileNameCharset() {
        String name = System.getProperty("sun.jnu.encoding");
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
