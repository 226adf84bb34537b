package com.socketworkbench.engine.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HeaderHelperTest {

    @Test
    void buildsALine() {
        assertEquals("X-Token: a b", HeaderHelper.headerLine("X-Token", "a b"));
    }

    @Test
    void rejectsLineBreaksAndNulWithTheirPosition() {
        assertEquals("The header value contains a carriage return (CR) at position 3; a header value cannot contain"
                        + " line breaks or NUL",
                assertThrows(IllegalArgumentException.class, () -> HeaderHelper.headerLine("X", "abc\rdef"))
                        .getMessage());
        assertEquals("The header value contains a line feed (LF) at position 1; a header value cannot contain line"
                        + " breaks or NUL",
                assertThrows(IllegalArgumentException.class, () -> HeaderHelper.headerLine("X", "a\nInjected: 1"))
                        .getMessage());
        assertEquals("The header value contains a NUL character at position 0; a header value cannot contain line"
                        + " breaks or NUL",
                assertThrows(IllegalArgumentException.class, () -> HeaderHelper.headerLine("X", "\0"))
                        .getMessage());
        assertEquals("The header name contains a line feed (LF) at position 2",
                assertThrows(IllegalArgumentException.class, () -> HeaderHelper.headerLine("X-\n", "v"))
                        .getMessage());
    }

    @Test
    void rejectsNamesThatAreNotTokens() {
        assertEquals("The header name contains a space, which is not allowed in a header name at position 3",
                assertThrows(IllegalArgumentException.class, () -> HeaderHelper.headerLine("Bad Name", "v"))
                        .getMessage());
        assertEquals("The header name contains ':', which is not allowed in a header name at position 4",
                assertThrows(IllegalArgumentException.class, () -> HeaderHelper.headerLine("Host:", "v"))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> HeaderHelper.headerLine("", "v"));
        assertThrows(IllegalArgumentException.class, () -> HeaderHelper.headerLine("Ünicode", "v"));
    }
}
