package com.socketworkbench.ui.stream;

import com.socketworkbench.ui.input.InputVerdict;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The socket path is judged in the model with the engine's rules, without a toolkit. */
class UnixPathInputTest {

    @Test
    void aPathIsNeededAndMustFitTheSystemLimit() {
        UnixPathInput path = new UnixPathInput(UnixPathInput.DEFAULT_PATH);
        assertEquals(InputVerdict.FINE, path.verdict());

        path.textProperty().set("   ");
        assertEquals(InputVerdict.error("Enter the file path of the Unix domain socket, e.g. /tmp/app.sock"),
                path.verdict());

        path.textProperty().set("/tmp/" + "x".repeat(200) + ".sock");
        assertFalse(path.isValid());
        assertTrue(path.verdict().message().contains("Unix domain socket paths may have at most"),
                path.verdict().message());

        path.textProperty().set("  /tmp/a.sock ");
        assertTrue(path.isValid());
        assertEquals("/tmp/a.sock", path.text());
    }
}
