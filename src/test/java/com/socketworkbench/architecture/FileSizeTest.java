package com.socketworkbench.architecture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No main source file grows past {@value #LIMIT} lines without a reason: a longer file must start with
 * {@value #MARKER} and say why it stays whole. The architecture asks for about 400; the slack spares a file that
 * grows by a few lines from an immediate split.
 */
class FileSizeTest {
    static final int LIMIT = 420;
    static final String MARKER = "// Over 400 lines:";
    private static final Path MAIN_SOURCES = Path.of("src/main/java");

    @Test
    void everyLongMainFileSaysWhyAtItsTop() throws IOException {
        List<String> offenders = offenders(MAIN_SOURCES);
        assertEquals(List.of(), offenders, "files under " + MAIN_SOURCES + " over " + LIMIT
                + " lines must be split along a real seam, or start with \"" + MARKER + " <reason>\"");
    }

    @Test
    void theCheckSeesTheMainSources() throws IOException {
        assertTrue(javaFiles(MAIN_SOURCES).size() > 100, "expected the main sources under " + MAIN_SOURCES);
    }

    /** The control: a long file without the marker is caught, and only that one. */
    @Test
    void theCheckCatchesALongFileWithoutAReason(@TempDir Path root) throws IOException {
        Path dir = Files.createDirectories(root.resolve("com/example"));
        write(dir.resolve("Long.java"), "package com.example;", LIMIT + 1);
        write(dir.resolve("AtTheLimit.java"), "package com.example;", LIMIT);
        write(dir.resolve("LongWithReason.java"), MARKER + " one state machine that reads best whole.", LIMIT + 50);
        write(dir.resolve("ReasonNotFirst.java"), "package com.example;\n" + MARKER + " too late.", LIMIT + 1);
        write(dir.resolve("notes.txt"), "not Java", LIMIT + 1);

        assertEquals(List.of("com/example/Long.java (421 lines)", "com/example/ReasonNotFirst.java (421 lines)"),
                offenders(root));
    }

    /** "com/socketworkbench/ui/Foo.java (433 lines)" for every Java file under {@code root} that breaks the rule. */
    static List<String> offenders(Path root) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles(root)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() > LIMIT && !lines.getFirst().startsWith(MARKER)) {
                found.add(root.relativize(file).toString().replace('\\', '/') + " (" + lines.size() + " lines)");
            }
        }
        Collections.sort(found);
        return found;
    }

    private static List<Path> javaFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(file -> file.toString().endsWith(".java")).toList();
        }
    }

    /** Writes {@code head} and then filler lines up to {@code lineCount} lines in all. */
    private static void write(Path file, String head, int lineCount) throws IOException {
        List<String> lines = new ArrayList<>(head.lines().toList());
        while (lines.size() < lineCount) {
            lines.add("// filler " + lines.size());
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
