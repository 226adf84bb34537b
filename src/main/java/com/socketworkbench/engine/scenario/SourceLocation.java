package com.socketworkbench.engine.scenario;

/**
 * Where something is in a scenario file: the file's name as given to the parser, and a 1-based line and column.
 */
public record SourceLocation(String file, int line, int column) {

    /** {@code file:line:column}, the way compilers and editors name a place. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
