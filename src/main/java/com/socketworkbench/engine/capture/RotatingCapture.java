package com.socketworkbench.engine.capture;

import com.socketworkbench.engine.event.DataEvent;
import com.socketworkbench.engine.event.NetEvent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The recorder's files: packets go to the current file until the next event would take it past the size limit,
 * then to a new numbered file ({@link RecorderConfig#fileNumber}) that begins with the handshakes of the TCP
 * connections still open (with a packet comment), so each file opens on its own and "Follow TCP stream" works in
 * it; their sequence numbers continue, so the files read one after another give each stream whole.
 *
 * <p>With {@link RecorderConfig#keepFiles} set, opening a file beyond that many deletes the oldest one, so the
 * recording keeps the newest traffic within a bounded size on disk.
 *
 * <p>It also knows which events have reached the disk: an event counts as recorded once all its blocks were handed
 * to the file, and after a failed write the file is cut back to the end of the last such event.
 */
final class RotatingCapture {
    private static final Logger LOG = LoggerFactory.getLogger(RotatingCapture.class);
    /** Bounds on what an event's packets take in the file, so a file is cut before the event, not inside it. */
    private static final long EVENT_BYTES = 1_024;
    private static final long SEGMENT_BYTES = 100;

    private record Boundary(long size, long events) {
    }

    private final RecorderConfig config;
    private final PacketSynthesizer synthesizer;
    private final SkipCounts skipped = new SkipCounts();
    private final List<Path> files = new ArrayList<>();
    private final ArrayDeque<Boundary> unconfirmed = new ArrayDeque<>();
    private PcapngFile current;
    private Path writing;
    private long eventsInFile;
    private long eventsWritten;
    private long eventsOnDisk;
    private long confirmedSize;
    private long bytesInClosedFiles;
    private int filesOpened;
    private int filesDeleted;

    private RotatingCapture(RecorderConfig config, PcapngFile first) {
        this.config = config;
        this.synthesizer = new PacketSynthesizer(config.transport());
        this.current = first;
        files.add(first.path());
        filesOpened = 1;
        writing = first.path();
        confirmedSize = first.size();
    }

    /** Creates the first file; fails as the file system says. */
    static RotatingCapture open(RecorderConfig config) throws IOException {
        return new RotatingCapture(config, PcapngFile.create(config.file(), config.comment()));
    }

    /** Writes the packets of {@code event}, rotating first when they would not fit; returns why none, or null. */
    SkipReason write(NetEvent event) throws IOException {
        if (eventsInFile > 0 && current.size() + estimate(event) > config.maxFileBytes()) {
            rotate(event.time());
        }
        SkipReason reason = synthesizer.add(event, current);
        if (reason == null) {
            eventsWritten++;
        } else {
            skipped.add(reason);
        }
        eventsInFile++;
        unconfirmed.add(new Boundary(current.size(), eventsWritten));
        confirm();
        return reason;
    }

    /** Hands everything to the current file. */
    void flush() throws IOException {
        current.flush();
        confirm();
    }

    /** Flushes and closes the current file. */
    void close() throws IOException {
        current.close();
        confirm();
        bytesInClosedFiles += current.size();
        current = null;
    }

    /**
     * After a failed write: cuts the current file back to the end of its last event on disk and closes it, so what
     * is there is a valid capture of whole events.
     */
    void abandon() throws IOException {
        PcapngFile last = current;
        current = null;
        unconfirmed.clear();
        if (last != null) {
            bytesInClosedFiles += confirmedSize;
            last.abandon(confirmedSize);
        }
    }

    /** The file being written or created (to name it in a failure). */
    Path currentFile() {
        return writing;
    }

    List<Path> files() {
        return List.copyOf(files);
    }

    /** Events that made packets and whose packets have all reached a file. */
    long eventsOnDisk() {
        return eventsOnDisk;
    }

    /** Events that made packets, including those whose packets are still buffered. */
    long eventsWritten() {
        return eventsWritten;
    }

    Map<SkipReason, Long> skipped() {
        return skipped.snapshot();
    }

    long skippedTotal() {
        return skipped.total();
    }

    /** Bytes in the files so far, buffered ones included; exact once closed or abandoned. */
    long bytes() {
        return bytesInClosedFiles + (current == null ? 0 : current.size());
    }

    private void rotate(Instant time) throws IOException {
        close();
        Path next = config.fileNumber(filesOpened);
        String comment = "File " + (filesOpened + 1) + " of a recording, continuing "
                + files.getLast().getFileName() + "." + (config.comment() == null ? "" : " " + config.comment());
        writing = next;
        current = PcapngFile.create(next, comment);
        files.add(next);
        filesOpened++;
        if (config.keepFiles() > 0 && files.size() > config.keepFiles()) {
            deleteOldest();
        }
        eventsInFile = 0;
        confirmedSize = current.size();
        synthesizer.resumeOpenConnections(PacketSynthesizer.micros(time), current);
        unconfirmed.add(new Boundary(current.size(), eventsWritten));
    }

    /**
     * Deletes the oldest file kept. A file that cannot be deleted stays (and keeps counting in {@link #bytes()}); it
     * costs disk space, not the recording.
     */
    private void deleteOldest() {
        Path oldest = files.removeFirst();
        try {
            long size = Files.size(oldest);
            Files.deleteIfExists(oldest);
            bytesInClosedFiles -= size;
            filesDeleted++;
        } catch (IOException e) {
            LOG.warn("Could not delete the old recording file {}: {}", oldest, e.toString());
        }
    }

    /** Files deleted to keep only {@link RecorderConfig#keepFiles}. */
    int filesDeleted() {
        return filesDeleted;
    }

    /** Moves the events whose blocks the file has taken from unconfirmed to on disk. */
    private void confirm() {
        long flushed = current.flushedSize();
        while (!unconfirmed.isEmpty() && unconfirmed.peek().size() <= flushed) {
            Boundary boundary = unconfirmed.poll();
            confirmedSize = boundary.size();
            eventsOnDisk = boundary.events();
        }
    }

    private static long estimate(NetEvent event) {
        if (event instanceof DataEvent data) {
            long segments = Math.max(1, (data.data().length + TcpFlow.MAX_SEGMENT - 1) / TcpFlow.MAX_SEGMENT);
            return data.data().length + SEGMENT_BYTES * segments + EVENT_BYTES;
        }
        return EVENT_BYTES;
    }
}
