package com.socketworkbench.engine.framing;

/** Byte order of a multi-byte length field. Network protocols mostly use big endian ("network byte order"). */
public enum Endianness {
    BIG("big endian"),
    LITTLE("little endian");

    private final String label;

    Endianness(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
