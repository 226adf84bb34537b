package com.socketworkbench.engine.capture;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One pcapng file of synthesized packets: a section header (application "Socket Workbench", a comment saying the
 * packets are synthesized), one raw-IP interface (LINKTYPE_RAW carries IPv4 and IPv6 alike, microsecond
 * timestamps), then the packets. Unix socket rows are never written (see {@link SkipReason#UNIX_SOCKET}), so no
 * second interface is needed.
 */
final class PcapngFile implements PacketOut, AutoCloseable {
    static final String APPLICATION = "Socket Workbench";
    static final String SYNTHESIZED = "Packets synthesized by Socket Workbench from the events of its sockets:"
            + " addresses, ports, payload bytes and times (to the microsecond) are real; IP and TCP headers,"
            + " sequence numbers, handshakes and closes are reconstructed to match them.";

    /** Off with {@code -Dsocketworkbench.capture.directIo=false}: every write through the page cache. */
    private static final boolean DIRECT_IO = !"false".equals(System.getProperty("socketworkbench.capture.directIo"));

    private final Path path;
    private final CaptureFileChannel channel;
    private final PcapngWriter writer;
    private final int rawIp;
    private long packets;

    private PcapngFile(Path path, CaptureFileChannel channel, String comment) throws IOException {
        this.path = path;
        this.channel = channel;
        this.writer = new PcapngWriter(channel);
        writer.sectionHeader(APPLICATION, System.getProperty("os.name") + " " + System.getProperty("os.version"),
                comment == null || comment.isBlank() ? SYNTHESIZED : SYNTHESIZED + " " + comment);
        rawIp = writer.interfaceDescription(PcapngWriter.LINKTYPE_RAW, "socket-workbench",
                "IP packets synthesized from socket events");
    }

    /**
     * Creates (or replaces) {@code path} and writes the headers; {@code comment} is added to the section's. Written
     * past the page cache where the file system allows it ({@link CaptureFileChannel}).
     */
    static PcapngFile create(Path path, String comment) throws IOException {
        CaptureFileChannel channel = CaptureFileChannel.create(path, DIRECT_IO);
        try {
            return new PcapngFile(path, channel, comment);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void packet(long micros, byte[] headers, byte[] payload, int offset, int length, String comment)
            throws IOException {
        writer.enhancedPacket(rawIp, micros, headers, payload, offset, length, comment);
        packets++;
    }

    /** The writer sums the payload in its block buffer, after copying it there: one read of the payload. */
    @Override
    public boolean sumsPayload() {
        return true;
    }

    Path path() {
        return path;
    }

    /** The file's size once flushed: headers and packets written so far. */
    long size() {
        return writer.bytesWritten();
    }

    long packets() {
        return packets;
    }

    /** What has reached the file: whole blocks only (see {@link PcapngWriter#bytesFlushed}). */
    long flushedSize() {
        return writer.bytesFlushed();
    }

    void flush() throws IOException {
        writer.flush();
    }

    /**
     * After a failed write: cuts the file back to {@code size} (a block boundary), dropping a block half written,
     * and closes it without writing what is still buffered.
     */
    void abandon(long size) throws IOException {
        try {
            channel.close();
        } finally {
            // A channel of its own: the file's may have been closed by the failure.
            try (FileChannel again = FileChannel.open(path, StandardOpenOption.WRITE)) {
                again.truncate(size);
            }
        }
    }

    /** Flushes and closes. */
    @Override
    public void close() throws IOException {
        try (channel) {
            writer.flush();
        }
    }
}
