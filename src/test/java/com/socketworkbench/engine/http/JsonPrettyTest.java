package com.socketworkbench.engine.http;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonPrettyTest {

    @Test
    void formatsNestedValuesKeepingStringsAndNumbersExact() {
        assertEquals(Optional.of("""
                {
                  "a": [
                    1,
                    -2.5e+3,
                    "x\\u00e9\\n"
                  ],
                  "b": {},
                  "c": [],
                  "d": null
                }"""), JsonPretty.format(" {\"a\":[1,-2.5e+3,\"x\\u00e9\\n\"],\"b\":{},\"c\":[ ],\"d\":null} "));
        assertEquals(Optional.of("true"), JsonPretty.format("true"));
    }

    @Test
    void rejectsInvalidJsonWithAPosition() {
        assertEquals(Optional.empty(), JsonPretty.format("{\"a\": }"));
        assertEquals(Optional.of("Unexpected '}', expected a value at line 1, column 7"),
                JsonPretty.problem("{\"a\": }"));
        assertEquals(Optional.of(6), JsonPretty.problemIndex("{\"a\": }"));
        for (String bad : new String[]{"", "{", "[1,]", "01", "1.", "\"open", "{\"a\" 1}", "[1] x", "'a'", "tru",
                "\"tab\there\"", "\"\\q\"", "-", "{1: 2}"}) {
            assertTrue(JsonPretty.format(bad).isEmpty(), bad);
        }
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertTrue(JsonPretty.problem(deep).orElseThrow().startsWith("Nesting deeper than 512"));
        String ok = "[".repeat(500) + "]".repeat(500);
        assertTrue(JsonPretty.isValid(ok));
    }
}
