package com.socketworkbench.engine.tcp;

import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.Notice;
import com.socketworkbench.engine.event.Operation;
import com.socketworkbench.engine.net.SocketErrors;
import com.socketworkbench.engine.net.UnixSocketPaths;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;

/**
 * The socket file of a Unix domain {@link TcpServer}: its bind creates it, its stop removes it unless someone
 * replaced it meanwhile (that one is left alone, with a Notice); a file already gone is fine. Listener events carry
 * connection id 0.
 */
final class ServerSocketFile {
    private final Path path;
    private final EventSink sink;
    private SocketAddress bound;
    private Object key;

    ServerSocketFile(Path path, EventSink sink) {
        this.path = path;
        this.sink = sink;
    }

    /** The bind created the file: remembers which file it is. */
    void bound(SocketAddress address) {
        bound = address;
        key = fileKey(path);
    }

    /** Deletes the file this server created, if it still is that file; nothing before a bind. */
    void remove() {
        if (bound == null) {
            return;
        }
        Object now = fileKey(path);
        if (now == null && Files.notExists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (key != null && !key.equals(now)) {
            sink.emit(new Notice(Instant.now(), 0, bound, null, TcpText.TEXT.get("socket.file.replaced", path)));
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            sink.emit(new Failure(Instant.now(), 0, bound, null, Operation.CLOSE, SocketErrors.classify(e),
                    TcpText.TEXT.get("socket.file.not.removed", path, e instanceof AccessDeniedException
                    ? TcpText.TEXT.get("socket.file.permission") : e.getMessage()),
                    SocketErrors.technicalDetail(e)));
        }
    }

    /** See {@link TcpServer#deleteStaleSocket(Path, EventSink)}. */
    static boolean deleteStale(Path path, EventSink sink) {
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(path);
        try {
            UnixSocketPaths.deleteStale(path);
        } catch (IOException e) {
            sink.emit(new Failure(Instant.now(), 0, address, null, Operation.START, SocketErrors.classify(e),
                    e.getMessage(), SocketErrors.technicalDetail(e)));
            return false;
        }
        sink.emit(new Notice(Instant.now(), 0, address, null, TcpText.TEXT.get("socket.file.deleted", path)));

        return true;
    }

    private static Object fileKey(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            return null;
        }
    }
}
