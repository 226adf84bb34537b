package com.socketworkbench.fuzz;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The fuzz tests run in the Surefire execution ({@code fuzz} in pom.xml) with the 256 MiB heap the fuzzing targets
 * are held to. (When {@code -Dtest=} names it, the default execution runs it too; there it has nothing to check.)
 */
class HeapBoundTest {

    @Test
    void theFuzzTestsRunWithAHeapOfAtMost256MiB() {
        String bound = System.getProperty("fuzz.heap");
        assumeTrue(bound != null, "not in the fuzz execution");
        assertEquals("256m", bound.toLowerCase(Locale.ROOT));
        long max = Runtime.getRuntime().maxMemory();
        assertTrue(max <= 256L * 1024 * 1024, "max heap " + max / (1024 * 1024) + " MiB");
    }
}
