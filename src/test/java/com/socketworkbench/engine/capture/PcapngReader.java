package com.socketworkbench.engine.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pcapng reader written for the tests from the specification (draft-ietf-opsawg-pcapng), sharing no code with the
 * writer: it checks every block's framing (both total lengths equal, a multiple of 4, within the file), the section
 * header's magic and version, every option's padding and the end-of-options marker, that packets name a described
 * interface and that padding bytes are zero; it throws {@link AssertionError} naming the offset of the first fault.
 * Only little-endian sections are accepted (the writer promises them).
 */
final class PcapngReader {
    static final int SHB = 0x0A0D0D0A;
    static final int IDB = 1;
    static final int EPB = 6;

    /** A described interface: link type, snap length and options (code to raw values). */
    record Interface(int linkType, int snapLength, Map<Integer, List<byte[]>> options) {
        int tsResolution() {
            List<byte[]> values = options.get(9);
            return values == null ? 6 : values.getFirst()[0];
        }
    }

    /** One packet: its interface, time in the interface's units, bytes, and its comment (or null). */
    record Packet(int interfaceId, long timestamp, int originalLength, byte[] data, String comment) {
    }

    /** A whole file: section options (text), interfaces, packets, and the block types in file order. */
    record Capture(Map<Integer, List<String>> sectionOptions, List<Interface> interfaces, List<Packet> packets,
                   List<Integer> blockTypes) {
        String sectionOption(int code) {
            List<String> values = sectionOptions.get(code);
            return values == null ? null : String.join("\n", values);
        }
    }

    private PcapngReader() {
    }

    static Capture read(Path file) throws IOException {
        return read(Files.readAllBytes(file));
    }

    static Capture read(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        Map<Integer, List<String>> sectionOptions = new LinkedHashMap<>();
        List<Interface> interfaces = new ArrayList<>();
        List<Packet> packets = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        check(bytes.length >= 28, 0, "file too short for a section header: " + bytes.length + " bytes");
        while (in.position() < bytes.length) {
            int start = in.position();
            check(bytes.length - start >= 12, start, "truncated block header");
            int type = in.getInt(start);
            int length = in.getInt(start + 4);
            check(length >= 12 && length % 4 == 0, start, "block length " + length + " not a multiple of 4 >= 12");
            check((long) start + length <= bytes.length, start, "block of " + length + " bytes runs past the end");
            check(in.getInt(start + length - 4) == length, start, "trailing block length differs from the leading");
            check(!types.isEmpty() || type == SHB, start, "the file does not start with a section header");
            types.add(type);
            ByteBuffer body = in.slice(start + 8, length - 12).order(ByteOrder.LITTLE_ENDIAN);
            switch (type) {
                case SHB -> {
                    check(body.getInt(0) == 0x1A2B3C4D, start, "byte-order magic is not little-endian 0x1A2B3C4D");
                    check(body.getShort(4) == 1 && body.getShort(6) == 0, start, "version is not 1.0");
                    check(types.size() == 1, start, "only one section expected");
                    options(body, 16, start).forEach((code, values) -> values.forEach(v -> sectionOptions
                            .computeIfAbsent(code, c -> new ArrayList<>()).add(utf8(v))));
                }
                case IDB -> {
                    check(body.getShort(2) == 0, start, "IDB reserved field not zero");
                    interfaces.add(new Interface(body.getShort(0) & 0xFFFF, body.getInt(4), options(body, 8, start)));
                }
                case EPB -> packets.add(packet(body, start, interfaces.size()));
                default -> throw new AssertionError("unexpected block type 0x" + Integer.toHexString(type)
                        + " at offset " + start);
            }
            in.position(start + length);
        }
        return new Capture(sectionOptions, interfaces, packets, types);
    }

    private static Packet packet(ByteBuffer body, int start, int interfaces) {
        int interfaceId = body.getInt(0);
        check(interfaceId >= 0 && interfaceId < interfaces, start, "packet names interface " + interfaceId
                + " but " + interfaces + " were described");
        long timestamp = ((body.getInt(4) & 0xFFFFFFFFL) << 32) | (body.getInt(8) & 0xFFFFFFFFL);
        int captured = body.getInt(12);
        int original = body.getInt(16);
        check(captured >= 0 && captured <= original, start, "captured length " + captured + " vs original "
                + original);
        int padded = (captured + 3) & ~3;
        check(20 + padded <= body.limit(), start, "packet data runs past its block");
        byte[] data = new byte[captured];
        body.get(20, data);
        for (int i = 20 + captured; i < 20 + padded; i++) {
            check(body.get(i) == 0, start, "packet padding is not zero");
        }
        Map<Integer, List<byte[]>> options = options(body, 20 + padded, start);
        List<byte[]> comments = options.get(1);
        return new Packet(interfaceId, timestamp, original, data, comments == null ? null : utf8(comments.getFirst()));
    }

    /** Options from {@code at} to the end of the body: none at all, or a list closed by opt_endofopt. */
    private static Map<Integer, List<byte[]>> options(ByteBuffer body, int at, int blockStart) {
        Map<Integer, List<byte[]>> options = new LinkedHashMap<>();
        if (at == body.limit()) {
            return options;
        }
        int position = at;
        while (true) {
            check(position + 4 <= body.limit(), blockStart, "options run past the block without opt_endofopt");
            int code = body.getShort(position) & 0xFFFF;
            int length = body.getShort(position + 2) & 0xFFFF;
            if (code == 0) {
                check(length == 0, blockStart, "opt_endofopt with a length");
                check(position + 4 == body.limit(), blockStart, "bytes after opt_endofopt");
                return options;
            }
            int padded = (length + 3) & ~3;
            check(position + 4 + padded <= body.limit(), blockStart, "option " + code + " runs past the block");
            byte[] value = new byte[length];
            body.get(position + 4, value);
            for (int i = position + 4 + length; i < position + 4 + padded; i++) {
                check(body.get(i) == 0, blockStart, "option padding is not zero");
            }
            options.computeIfAbsent(code, c -> new ArrayList<>()).add(value);
            position += 4 + padded;
        }
    }

    private static String utf8(byte[] value) {
        return new String(value, StandardCharsets.UTF_8);
    }

    private static void check(boolean condition, int offset, String fault) {
        if (!condition) {
            throw new AssertionError("pcapng fault at offset " + offset + ": " + fault);
        }
    }
}
