package com.socketworkbench.bench;

import java.util.List;

/** One part of the benchmark (P1..P8, EXACT, FUZZ): measures and returns its rows of the table. */
interface BenchPart {
    /** "P1", ...; what {@code -Dbench.parts} selects. */
    String id();

    /** A short title for the log and the report. */
    String title();

    List<Figure> run(BenchConfig config) throws Exception;
}
