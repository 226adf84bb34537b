package com.socketworkbench.engine.fields;

import java.util.zip.CRC32;

/**
 * The checksums a field can carry, each written in the byte order its protocols use: {@code crc16-modbus}
 * little-endian (Modbus RTU sends the low byte first), {@code crc16-ccitt} (CRC-16/CCITT-FALSE: poly 0x1021, init
 * 0xFFFF, no reflection, no final xor) big-endian, {@code crc32} (the zip/Ethernet CRC, {@link CRC32}) big-endian.
 */
enum Checksum {
    SUM8("sum8", 1),
    XOR8("xor8", 1),
    CRC16_MODBUS("crc16-modbus", 2),
    CRC16_CCITT("crc16-ccitt", 2),
    CRC32("crc32", 4);

    private final String fieldName;
    private final int size;

    Checksum(String fieldName, int size) {
        this.fieldName = fieldName;
        this.size = size;
    }

    /** The checksum a field is named after ("crc16-modbus"), or null. */
    static Checksum named(String name) {
        for (Checksum checksum : values()) {
            if (checksum.fieldName.equals(name)) {
                return checksum;
            }
        }
        return null;
    }

    String fieldName() {
        return fieldName;
    }

    /** Bytes the checksum takes on the wire. */
    int size() {
        return size;
    }

    /** The checksum of {@code data[from, to)} as a number. */
    long compute(byte[] data, int from, int to) {
        return switch (this) {
            case SUM8 -> {
                int sum = 0;
                for (int i = from; i < to; i++) {
                    sum += data[i];
                }
                yield sum & 0xff;
            }
            case XOR8 -> {
                int x = 0;
                for (int i = from; i < to; i++) {
                    x ^= data[i];
                }
                yield x & 0xff;
            }
            case CRC16_MODBUS -> {
                int crc = 0xFFFF;
                for (int i = from; i < to; i++) {
                    crc ^= data[i] & 0xff;
                    for (int bit = 0; bit < 8; bit++) {
                        crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
                    }
                }
                yield crc;
            }
            case CRC16_CCITT -> {
                int crc = 0xFFFF;
                for (int i = from; i < to; i++) {
                    crc ^= (data[i] & 0xff) << 8;
                    for (int bit = 0; bit < 8; bit++) {
                        crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
                    }
                    crc &= 0xFFFF;
                }
                yield crc;
            }
            case CRC32 -> {
                CRC32 crc = new CRC32();
                crc.update(data, from, to - from);
                yield crc.getValue();
            }
        };
    }

    /** Writes the checksum of {@code data[from, at)} into {@code data} at {@code at}, in the wire order. */
    void write(byte[] data, int from, int at) {
        long value = compute(data, from, at);
        byte[] wire = switch (this) {
            case SUM8, XOR8 -> IntegerFormat.U8.bytes(value);
            case CRC16_MODBUS -> IntegerFormat.U16LE.bytes(value);
            case CRC16_CCITT -> IntegerFormat.U16BE.bytes(value);
            case CRC32 -> IntegerFormat.U32BE.bytes(value);
        };
        System.arraycopy(wire, 0, data, at, wire.length);
    }
}
