package com.socketworkbench.engine.capture;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes pcapng blocks (draft-ietf-opsawg-pcapng) to a channel, little-endian: one Section Header Block, the
 * Interface Description Blocks, then Enhanced Packet Blocks. Every block and option is padded to 32 bits and every
 * block carries its total length at both ends, as readers check. The writer buffers whole blocks and hands them to
 * a {@link CaptureFileChannel} (which the caller owns and closes) when the buffer is full, all but the last part of
 * a disk block, and all of them at {@link #flush}.
 *
 * <p>Timestamps are written in microseconds since the epoch: every interface gets {@code if_tsresol} 6, which is
 * also the default a reader assumes without it, so a reader that ignores the option still reads the right times.
 */
final class PcapngWriter {
    /** Raw IP: the packet starts with an IPv4 or IPv6 header, told apart by its version nibble. */
    static final int LINKTYPE_RAW = 101;

    private static final int SECTION_HEADER = 0x0A0D0D0A;
    private static final int INTERFACE_DESCRIPTION = 0x00000001;
    private static final int ENHANCED_PACKET = 0x00000006;
    private static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    private static final int OPT_END = 0;
    private static final int OPT_COMMENT = 1;
    private static final int SHB_OS = 3;
    private static final int SHB_USERAPPL = 4;
    private static final int IF_NAME = 2;
    private static final int IF_DESCRIPTION = 3;
    private static final int IF_TSRESOL = 9;
    private static final byte MICROSECONDS = 6;
    /**
     * Holds any whole block (the largest is a 65,575-byte IPv6 packet with a 65,535-byte comment) next to the rest
     * of a disk block a direct write leaves behind. Direct and aligned, so the channel writes from it without copying
     * it first. 4 MiB: P1's recorded path on this project's machine made 0.9 GB/s with 256 KiB writes, 1.5 GB/s with
     * 1 MiB and 2.1 GB/s with 4 MiB in the same hour (docs/performance.md, P1 with recording).
     */
    private static final int BUFFER = 4 * 1024 * 1024;
    private static final byte[] ZEROS = new byte[4];
    /** Option values are limited by their 16-bit length; comments are kept far below. */
    static final int MAX_OPTION = 0xFFFF;

    private final CaptureFileChannel out;
    private final ByteBuffer buffer;
    /** The buffer's memory, for summing a payload where it was copied. */
    private final MemorySegment memory;
    private int interfaces;
    private long written;
    private long flushed;

    PcapngWriter(CaptureFileChannel out) {
        this.out = Objects.requireNonNull(out, "out");
        this.buffer = out.newBuffer(BUFFER);
        this.memory = MemorySegment.ofBuffer(buffer);
    }

    /** The Section Header Block: version 1.0, section length unknown (-1, as the file is streamed). */
    void sectionHeader(String application, String os, String comment) throws IOException {
        Options options = new Options().text(OPT_COMMENT, comment).text(SHB_OS, os).text(SHB_USERAPPL, application);
        int length = 28 + options.size();
        ensure(length);
        buffer.putInt(SECTION_HEADER).putInt(length).putInt(BYTE_ORDER_MAGIC)
                .putShort((short) 1).putShort((short) 0).putLong(-1L);
        options.writeTo(buffer);
        buffer.putInt(length);
        written += length;
    }

    /** An Interface Description Block with snap length 0 (no limit) and microsecond timestamps; returns its id. */
    int interfaceDescription(int linkType, String name, String description) throws IOException {
        Options options = new Options().text(IF_NAME, name).text(IF_DESCRIPTION, description)
                .bytes(IF_TSRESOL, new byte[] {MICROSECONDS});
        int length = 20 + options.size();
        ensure(length);
        buffer.putInt(INTERFACE_DESCRIPTION).putInt(length).putShort((short) linkType).putShort((short) 0)
                .putInt(0);
        options.writeTo(buffer);
        buffer.putInt(length);
        written += length;
        return interfaces++;
    }

    /**
     * An Enhanced Packet Block holding the whole packet (captured length = original length): {@code headers} then
     * {@code length} bytes of {@code payload} from {@code offset}; {@code comment} optional. The headers carry the
     * partial transport checksum ({@link IpPackets#headers} with {@code payloadSummedLater}): it is finished here over
     * the payload just copied into the block buffer, so the payload is read from the heap once.
     */
    void enhancedPacket(int interfaceId, long micros, byte[] headers, byte[] payload, int offset, int length,
                        String comment) throws IOException {
        if (interfaceId < 0 || interfaceId >= interfaces) {
            throw new IllegalArgumentException("No interface " + interfaceId + " was described");
        }
        int packet = headers.length + length;
        if (packet > IpPackets.MAX_LENGTH + IpPackets.IPV6_HEADER) {
            throw new IllegalArgumentException("A packet of " + packet + " bytes is larger than IP allows");
        }
        Options options = new Options().text(OPT_COMMENT, comment);
        int padded = padded(packet);
        int blockLength = 32 + padded + options.size();
        ensure(blockLength);
        buffer.putInt(ENHANCED_PACKET).putInt(blockLength).putInt(interfaceId)
                .putInt((int) (micros >>> 32)).putInt((int) micros)
                .putInt(packet).putInt(packet);
        int packetAt = buffer.position();
        buffer.put(headers).put(payload, offset, length);
        IpPackets.finishTransportChecksum(memory, packetAt, headers.length, length);
        buffer.put(ZEROS, 0, padded - packet);
        options.writeTo(buffer);
        buffer.putInt(blockLength);
        written += blockLength;
    }

    /** Bytes of blocks written so far, flushed or not. */
    long bytesWritten() {
        return written;
    }

    /**
     * Bytes in the file so far. It may end inside a block (direct I/O writes whole disk blocks); the recorder counts
     * an event as on disk only once its last block is, and cuts a failed file back to such an event's end.
     */
    long bytesFlushed() {
        return flushed;
    }

    /** Hands everything buffered to the file. */
    void flush() throws IOException {
        flushed = out.write(buffer, true);
    }

    /** Makes room for a whole block, handing what came before it to the file. */
    private void ensure(int bytes) throws IOException {
        if (bytes > buffer.capacity() - CaptureFileChannel.MAX_ALIGNMENT) {
            throw new IllegalArgumentException("A pcapng block of " + bytes + " bytes does not fit the buffer");
        }
        if (bytes > buffer.remaining()) {
            flushed = out.write(buffer, false);
        }
    }

    private static int padded(int length) {
        return (length + 3) & ~3;
    }

    /** An option list: code, length, value padded to 32 bits; ends with opt_endofopt when it has any option. */
    private static final class Options {
        private record Option(int code, byte[] value) {
        }

        private final List<Option> list = new ArrayList<>();

        Options text(int code, String value) {
            return value == null || value.isEmpty() ? this : bytes(code, value.getBytes(StandardCharsets.UTF_8));
        }

        Options bytes(int code, byte[] value) {
            if (value.length > MAX_OPTION) {
                throw new IllegalArgumentException("An option value has at most " + MAX_OPTION + " bytes: "
                        + value.length);
            }
            list.add(new Option(code, value));
            return this;
        }

        int size() {
            if (list.isEmpty()) {
                return 0;
            }
            int size = 4;
            for (Option option : list) {
                size += 4 + padded(option.value().length);
            }
            return size;
        }

        void writeTo(ByteBuffer target) {
            if (list.isEmpty()) {
                return;
            }
            for (Option option : list) {
                byte[] value = option.value();
                target.putShort((short) option.code()).putShort((short) value.length).put(value)
                        .put(new byte[padded(value.length) - value.length]);
            }
            target.putShort((short) OPT_END).putShort((short) 0);
        }
    }
}
