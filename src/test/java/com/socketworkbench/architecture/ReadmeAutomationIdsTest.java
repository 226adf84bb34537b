package com.socketworkbench.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's automation ids are a public contract. Every id it lists must be given to a node somewhere in the UI
 * code (as a string literal), so a rename that forgets the README fails here. UI tests check the ids they use at run
 * time; this catches the rest.
 */
class ReadmeAutomationIdsTest {
    private static final Pattern ID = Pattern.compile("`#([A-Za-z][A-Za-z0-9]*(?:-[A-Z]+)?)`");

    @Test
    void everyDocumentedIdIsSetInTheUiCode() throws IOException {
        Set<String> documented = documentedIds();
        assertTrue(documented.size() > 100, "expected the README's id list, found " + documented.size() + " ids");
        String code = uiSources();
        List<String> missing = new ArrayList<>();
        for (String id : documented) {
            if (!code.contains('"' + id + '"') && !builtFromPrefix(id, code) && !builtFromParts(id, code)) {
                missing.add(id);
            }
        }
        assertEquals(List.of(), missing, "ids listed in README.md but set nowhere in src/main/java");
    }

    /** Ids such as {@code template-GET} are built as {@code "template-" + name}. */
    private static boolean builtFromPrefix(String id, String code) {
        int dash = id.indexOf('-');
        return dash > 0 && code.contains('"' + id.substring(0, dash + 1) + '"');
    }

    /** Ids such as {@code bodyGoto} or {@code tcpServerTab} are built as {@code idPrefix + "Goto"}. */
    private static boolean builtFromParts(String id, String code) {
        for (int i = 1; i < id.length(); i++) {
            if (Character.isUpperCase(id.charAt(i))
                    && code.contains('"' + id.substring(0, i) + '"') && code.contains('"' + id.substring(i) + '"')) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> documentedIds() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("## Automation ids");
        assertTrue(start >= 0, "README.md has no '## Automation ids' section");
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = ID.matcher(section);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static String uiSources() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/com/socketworkbench"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(file)).append('\n');
            }
        }
        return all.toString();
    }
}
