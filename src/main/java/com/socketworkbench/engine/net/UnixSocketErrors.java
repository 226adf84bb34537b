package com.socketworkbench.engine.net;

import com.socketworkbench.engine.text.Texts;
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
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.net.net");

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
            message = TEXT.get("unix.bind.permission", path, directory(path));
        } else if (text.contains("read-only file system")) {
            kind = FailureKind.PERMISSION_DENIED;
            message = TEXT.get("unix.bind.readOnly", path, directory(path));
        } else if (text.contains("no such file or directory") || text.contains("not a directory")) {
            kind = FailureKind.ADDRESS_NOT_AVAILABLE;
            message = TEXT.get("unix.bind.missingDirectory", path, missingDirectory(path));
        } else if (text.contains("path too long")) {
            kind = FailureKind.INVALID_INPUT;
            message = tooLong(path);
        } else {
            kind = FailureKind.IO_ERROR;
            message = TEXT.get("unix.bind.failed", path, plainText(t));
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
                    ? TEXT.get("unix.connect.stale", path)
                    : TEXT.get("unix.connect.notASocket", path, UnixSocketPaths.fileKind(path));
        } else if (text.contains("no such file or directory") || text.contains("not a directory")) {
            kind = FailureKind.CONNECTION_REFUSED;
            message = parentIsMissing(path) ? TEXT.get("unix.connect.missingDirectory", path, missingDirectory(path))
                    : TEXT.get("unix.connect.noFile", path);
        } else if (isPermissionDenied(t, text)) {
            kind = FailureKind.PERMISSION_DENIED;
            message = TEXT.get("unix.connect.permission", path);
        } else if (text.contains("resource temporarily unavailable") || text.contains("would block")) {
            kind = FailureKind.CONNECTION_REFUSED;
            message = TEXT.get("unix.connect.backlogFull", path);
        } else if (text.contains("protocol wrong type")) {
            kind = FailureKind.CONNECTION_REFUSED;
            message = TEXT.get("unix.connect.wrongType", path);
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
        return switch (found) {
            case IN_USE -> TEXT.get("unix.exists.inUse", path);
            case STALE_SOCKET -> TEXT.get("unix.exists.stale", path);
            case NOT_A_SOCKET -> TEXT.get("unix.exists.notASocket", path, UnixSocketPaths.fileKind(path));
            case UNKNOWN -> TEXT.get("unix.exists.unknown", path);
            case FREE -> TEXT.get("unix.exists.gone", path);
        };
    }

    private static String tooLong(Path path) {
        return TEXT.get("unix.tooLong", path, UnixSocketPaths.pathBytes(path), UnixSocketPaths.maxPathBytes());
    }

    private static String missingDirectory(Path path) {
        Path directory = directory(path);
        Path existing = directory;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            return TEXT.get("unix.directory.notADirectory", existing);
        }
        return TEXT.get(directory.equals(existing) ? "unix.directory.unusable" : "unix.directory.missing",
                directory);
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
