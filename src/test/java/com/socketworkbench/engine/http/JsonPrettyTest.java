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

    @Test
    void jacksonKeepsMemberOrderNumbersAndEscapesExactlyAsWritten() {
        String json = "{\"z\":12345678901234567890123456789,\"a\":-0.000000000000000000012345678901234567890E-400,"
                + "\"m\\\"q\\u00e9\":1.10,\"e\":1E+2,\"big\":" + "9".repeat(2_000) + "}";
        assertEquals(Optional.of("""
                {
                  "z": 12345678901234567890123456789,
                  "a": -0.000000000000000000012345678901234567890E-400,
                  "m\\"q\\u00e9": 1.10,
                  "e": 1E+2,
                  "big": %s
                }""".formatted("9".repeat(2_000))), JsonPretty.format(json));
        assertEquals(Optional.of("\"\\ud83d\\ude00 \u00e9\""), JsonPretty.format("\uFEFF \"\\ud83d\\ude00 \u00e9\" "),
                "a byte order mark is skipped, a lone string is copied as written");
    }

    @Test
    void jacksonRefusesWhatIsNotOneJsonValue() {
        for (String bad : new String[]{"[1] [2]", "{} {}", "1 2", "[1}", "{\"a\":1,}", "NaN", "// c\n1", "[01]",
                "\"a\u0001\""}) {
            assertEquals(Optional.empty(), JsonPretty.format(bad), bad);
        }
        String deep = "[".repeat(600) + "]".repeat(600);
        assertEquals(Optional.empty(), JsonPretty.format(deep), "deeper than 512 levels is not formatted");
        assertTrue(JsonPretty.format("[".repeat(500) + "]".repeat(500)).isPresent());
    }
}
