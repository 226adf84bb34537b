package com.socketworkbench.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every text bundle of the app (each {@code .properties} file under {@code com/socketworkbench} in the main
 * resources) exists in English and Simplified Chinese, with the same keys and the same {@code {n}} placeholders
 * in each pair, no empty text, and valid UTF-8.
 */
class BundlesTest {
    static final Path ROOT = Path.of("src/main/resources/com/socketworkbench");
    static final String CHINESE = "_zh_CN.properties";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d{1,2}}");

    @Test
    void everyBundleHasBothLanguagesWithTheSameKeysAndPlaceholders() throws IOException {
        List<Path> english = bundles().filter(p -> !p.toString().endsWith(CHINESE)).toList();
        assertFalse(english.isEmpty(), "no bundle found under " + ROOT.toAbsolutePath());
        List<String> problems = new ArrayList<>();
        for (Path base : english) {
            Path chinese = base.resolveSibling(base.getFileName().toString().replace(".properties", CHINESE));
            if (!Files.exists(chinese)) {
                problems.add(base + ": no " + chinese.getFileName());
                continue;
            }
            problems.addAll(compare(base, read(base), read(chinese)));
        }
        for (Path chinese : bundles().filter(p -> p.toString().endsWith(CHINESE)).toList()) {
            Path base = chinese.resolveSibling(chinese.getFileName().toString().replace(CHINESE, ".properties"));
            if (!Files.exists(base)) {
                problems.add(chinese + ": no English " + base.getFileName());
            }
        }
        assertEquals(List.of(), problems);
    }

    private static List<String> compare(Path base, Properties english, Properties chinese) {
        List<String> problems = new ArrayList<>();
        Set<String> keys = new TreeSet<>(english.stringPropertyNames());
        keys.addAll(chinese.stringPropertyNames());
        for (String key : keys) {
            String en = english.getProperty(key);
            String zh = chinese.getProperty(key);
            if (en == null || zh == null) {
                problems.add(base.getFileName() + ": key '" + key + "' only in " + (en == null ? "Chinese" : "English"));
            } else if (en.isBlank() || zh.isBlank()) {
                problems.add(base.getFileName() + ": key '" + key + "' is empty");
            } else if (!placeholders(en).equals(placeholders(zh))) {
                problems.add(base.getFileName() + ": key '" + key + "' placeholders differ: " + placeholders(en)
                        + " vs " + placeholders(zh));
            }
        }
        return problems;
    }

    static TreeMap<String, Integer> placeholders(String text) {
        TreeMap<String, Integer> counts = new TreeMap<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            counts.merge(matcher.group(), 1, Integer::sum);
        }
        return counts;
    }

    static Stream<Path> bundles() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.toString().endsWith(".properties")).sorted().toList().stream();
        }
    }

    static Properties read(Path file) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        Properties properties = new Properties();
        try (Reader reader = new java.io.InputStreamReader(Files.newInputStream(file), decoder)) {
            properties.load(reader);
        } catch (CharacterCodingException notUtf8) {
            throw new IOException(file + " is not UTF-8", notUtf8);
        }
        return properties;
    }
}
