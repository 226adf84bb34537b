package com.socketworkbench.engine.framing;

/** Byte order of a multi-byte length field. Network protocols mostly use big endian ("network byte order"). */
public enum Endianness {
    BIG("endian.big"),
    LITTLE("endian.little");

    private final String key;

    Endianness(String key) {
        this.key = key;
    }

    @Override
    public String toString() {
        return FramingTexts.TEXT.get(key);
    }
}
