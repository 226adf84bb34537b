package com.socketworkbench.engine.net;

import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.Operation;

import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * Failures of binding and connecting Unix domain sockets, in words about files and directories: the system reports
 * them with the errno texts of file operations ("No such file or directory") or, for a file in the way, with
 * "Address already in use".
 *
 * <p>Kinds: a file already at a server's path is {@link FailureKind#PORT_IN_USE} (the system's EADDRINUSE; use
 * {@link UnixSocketPaths#check} to learn whether it is a stale socket that may be deleted); a missing directory
 * when binding is {@link FailureKind#ADDRESS_NOT_AVAILABLE}; a client that finds nobody to talk to (no file, a
 * stale socket, a file that is not a socket, a full queue) is {@link FailureKind#CONNECTION_REFUSED}; a path too
 * long is {@link FailureKind#INVALID_INPUT}; permissions are {@link FailureKind#PERMISSION_DENIED}.
 */
public final class UnixSocketErrors {

    private UnixSocketErrors() {
    }

    /** Binding a server to {@code address} failed with {@code t}; may probe a file found at the path. */
    public static Failure bindFailure(Throwable t, long connectionId, UnixDomainSocketAddress address) {
        Path path = address.getPath();
        String text = errnoText(t);
        FailureKind kind;
        String message;
        if (text.contains("address already in use")) {
            kind = FailureKind.PORT_IN_USE;
            message = fileInTheWay(path, UnixSocketPaths.check(path));
        } else if (isPermissionDenied(t, text)) {
            kind = FailureKind.PERMISSION_DENIED;
            message = "Permission denied creating " + path + ": the directory " + directory(path)
                    + " is not writable for this user";
        } else if (text.contains("read-only file system")) {
            kind = FailureKind.PERMISSION_DENIED;
            message = "Cannot create " + path + ": the file system of " + directory(path) + " is read-only";
        } else if (text.contains("no such file or directory") || text.contains("not a directory")) {
            kind = FailureKind.ADDRESS_NOT_AVAILABLE;
            message = "Cannot create " + path + ": " + missingDirectory(path);
        } else if (text.contains("path too long")) {
            kind = FailureKind.INVALID_INPUT;
            message = tooLong(path);
        } else {
            kind = FailureKind.IO_ERROR;
            message = "Could not listen on " + path + ": " + plainText(t);
        }
        return new Failure(Instant.now(), connectionId, address, null, Operation.START, kind, message,
                SocketErrors.technicalDetail(t));
    }

    /** Connecting to the server at {@code target} failed with {@code t}. */
    public static Failure connectFailure(Throwable t, long connectionId, SocketAddress local,
                                         UnixDomainSocketAddress target) {
        Path path = target.getPath();
        String text = errnoText(t);
        FailureKind kind;
        String message;
        if (text.contains("connection refused")) {
            kind = FailureKind.CONNECTION_REFUSED;
            message = UnixSocketPaths.isSocketFile(path)
                    ? "Connection refused: nobody is listening on " + path
                    + " (the socket file is left over from a server that has ended)"
                    : "Cannot connect to " + path + ": it is " + UnixSocketPaths.fileKind(path) + ", not a socket";
        } else if (text.contains("no such file or directory") || text.contains("not a directory")) {
            kind = FailureKind.CONNECTION_REFUSED;
            message = parentIsMissing(path) ? "Cannot connect to " + path + ": " + missingDirectory(path)
                    : "Cannot connect to " + path + ": no socket file exists there (is the server running, and is"
                    + " the path right?)";
        } else if (isPermissionDenied(t, text)) {
            kind = FailureKind.PERMISSION_DENIED;
            message = "Permission denied connecting to " + path + ": this user may not use that socket (it needs"
                    + " write permission on the socket file and access to its directory)";
        } else if (text.contains("resource temporarily unavailable") || text.contains("would block")) {
            kind = FailureKind.CONNECTION_REFUSED;
            message = "The server at " + path + " is not accepting connections now: its queue of pending"
                    + " connections is full";
        } else if (text.contains("protocol wrong type")) {
            kind = FailureKind.CONNECTION_REFUSED;
            message = "Cannot connect to " + path + ": the socket there is not a stream socket (perhaps a datagram"
                    + " socket)";
        } else if (text.contains("path too long")) {
            kind = FailureKind.INVALID_INPUT;
            message = tooLong(path);
        } else {
            return SocketErrors.genericFailure(t, Operation.CONNECT, connectionId, local, target);
        }
        return new Failure(Instant.now(), connectionId, local, target, Operation.CONNECT, kind, message,
                SocketErrors.technicalDetail(t));
    }

    /** "A file already exists at /tmp/x.sock: ..." with what the check found there. */
    static String fileInTheWay(Path path, StaleSocketCheck found) {
        String start = "A file already exists at " + path;
        return switch (found) {
            case IN_USE -> start + ": another program is listening on this socket; choose another path or stop that"
                    + " program";
            case STALE_SOCKET -> start + ": a leftover socket file nobody is listening on (a server ended without"
                    + " removing it); delete it to listen here";
            case NOT_A_SOCKET -> start + " and it is " + UnixSocketPaths.fileKind(path) + ", not a socket; choose"
                    + " another path";
            case UNKNOWN -> start + ": a socket file that could not be checked; choose another path";
            case FREE -> start + " (it was gone a moment later; try again)";
        };
    }

    private static String tooLong(Path path) {
        return "The socket path " + path + " is " + UnixSocketPaths.pathBytes(path) + " bytes long, but Unix domain"
                + " socket paths may have at most " + UnixSocketPaths.maxPathBytes() + " bytes on this system;"
                + " choose a shorter path, e.g. in /tmp";
    }

    private static String missingDirectory(Path path) {
        Path directory = directory(path);
        Path existing = directory;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            return existing + " is not a directory";
        }
        return directory.equals(existing) ? "the directory " + directory + " cannot be used"
                : "the directory " + directory + " does not exist";
    }

    private static boolean parentIsMissing(Path path) {
        Path directory = directory(path);
        return !Files.isDirectory(directory);
    }

    private static Path directory(Path path) {
        Path parent = path.toAbsolutePath().getParent();
        return parent == null ? path.toAbsolutePath().getRoot() : parent;
    }

    private static boolean isPermissionDenied(Throwable t, String text) {
        return SocketErrors.classify(t) == FailureKind.PERMISSION_DENIED || text.contains("permission denied");
    }

    /** The lower-case texts of the cause chain, where the OS's errno wording is found. */
    private static String errnoText(Throwable t) {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        for (Throwable c = t; c != null && depth < 10; c = c.getCause(), depth++) {
            if (c.getMessage() != null) {
                text.append(c.getMessage().toLowerCase(Locale.ROOT)).append('\n');
            }
        }
        return text.toString();
    }

    private static String plainText(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
