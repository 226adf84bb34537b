package com.socketworkbench.ui.websocket;

import static com.socketworkbench.ui.websocket.WebSocketTab.TEXT;

import com.socketworkbench.engine.websocket.WsSession;
import com.socketworkbench.ui.fx.UiExecutor;
import com.socketworkbench.ui.input.ByteSizeInput;
import com.socketworkbench.ui.traffic.Formats;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Consumer;

/**
 * The send bar's File… action: a chosen file's bytes go as one binary message, fragmented as the send bar says. The
 * file never passes through the payload box (a big one would stall the UI); it is read and queued off the FX thread.
 * A file larger than the message limit is refused before it is read, since a server holding to the same limit would
 * refuse it anyway and the bytes are held in memory whole. FX thread only, but for the work it hands the executor.
 */
final class WsFileSend {
    private static final Logger LOG = LoggerFactory.getLogger(WsFileSend.class);

    private final UiExecutor executor;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");

    WsFileSend(UiExecutor executor) {
        this.executor = executor;
    }

    /** What the last file send did: its name and size, reading, or sent. "" before the first. */
    ReadOnlyStringProperty status() {
        return status.getReadOnlyProperty();
    }

    /** Whether a file is being read and queued now. */
    ReadOnlyBooleanProperty running() {
        return running.getReadOnlyProperty();
    }

    /**
     * Sends {@code file} on {@code session} (null when not open) as one binary message of at most {@code limit}
     * bytes, in frames of {@code fragmentSize} (0 for one frame); a problem goes to {@code problem}.
     */
    void send(Path file, WsSession session, long limit, int fragmentSize, Consumer<String> problem) {
        if (session == null) {
            problem.accept(TEXT.get("send.error.notOpen"));
            return;
        }
        if (running.get()) {
            return;
        }
        String name = String.valueOf(file.getFileName());
        long size;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                problem.accept(TEXT.get("file.error.notFile", file));
                return;
            }
            size = attributes.size();
        } catch (IOException e) {
            problem.accept(unreadable(file, e));
            return;
        }
        if (size > limit) {
            problem.accept(TEXT.get("file.error.tooLarge", name, Formats.bytes(size), ByteSizeInput.format(limit)));
            status.set("");
            return;
        }
        running.set(true);
        status.set(TEXT.get("file.reading", name, Formats.bytes(size)));
        executor.run("ws-send-file", () -> {
            byte[] data = Files.readAllBytes(file);
            if (data.length > limit) {
                // It grew between the check and the read.
                throw new IllegalArgumentException(TEXT.get("file.error.tooLarge", name,
                        Formats.bytes(data.length), ByteSizeInput.format(limit)));
            }
            session.sendBinary(data, fragmentSize);
            return data.length;
        }, sent -> {
            running.set(false);
            long frames = fragmentSize <= 0 || sent == 0 ? 1 : (sent + fragmentSize - 1L) / fragmentSize;
            status.set(TEXT.get("file.sent", name, Formats.bytes(sent), frames));
        }, failure -> {
            running.set(false);
            status.set("");
            Throwable cause = UiExecutor.unwrap(failure);
            LOG.debug("Sending {} as a binary message failed", file, cause);
            problem.accept(cause instanceof IOException io ? unreadable(file, io) : String.valueOf(cause.getMessage()));
        });
    }

    private static String unreadable(Path file, IOException e) {
        String reason = e instanceof NoSuchFileException ? TEXT.get("file.error.missing")
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return TEXT.get("file.error.unreadable", file, reason);
    }
}
