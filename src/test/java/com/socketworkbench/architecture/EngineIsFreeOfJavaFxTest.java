package com.socketworkbench.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine must run (and be tested) without a UI toolkit. Checked on the compiled classes, so a fully qualified
 * reference without an import is caught too.
 */
class EngineIsFreeOfJavaFxTest {

    private static final Path ENGINE_CLASSES = Path.of("target/classes/com/socketworkbench/engine");
    private static final List<String> FORBIDDEN = List.of("javafx/", "org/controlsfx/", "com/socketworkbench/ui/",
            "com/socketworkbench/app/");

    @Test
    void noEngineClassReferencesJavaFxOrTheUi() throws IOException {
        assertTrue(Files.isDirectory(ENGINE_CLASSES), "engine classes not found at " + ENGINE_CLASSES.toAbsolutePath());
        List<String> offenders;
        try (Stream<Path> files = Files.walk(ENGINE_CLASSES)) {
            offenders = files.filter(p -> p.toString().endsWith(".class"))
                    .filter(EngineIsFreeOfJavaFxTest::referencesForbiddenPackage)
                    .map(p -> ENGINE_CLASSES.relativize(p).toString())
                    .toList();
        }
        assertEquals(List.of(), offenders, "engine classes must not depend on JavaFX, ControlsFX or the UI");
    }

    @Test
    void theCheckRecognisesAJavaFxReference() throws IOException {
        Path uiClass;
        try (Stream<Path> files = Files.walk(Path.of("target/classes/com/socketworkbench/app"))) {
            uiClass = files.filter(p -> p.getFileName().toString().equals("Launcher.class")).findFirst().orElseThrow();
        }
        assertTrue(referencesForbiddenPackage(uiClass), "the scanner must see javafx references in Launcher");
    }

    private static boolean referencesForbiddenPackage(Path classFile) {
        try {
            // Class names live in the constant pool as modified UTF-8; ISO-8859-1 keeps every byte so a plain
            // substring search finds them.
            String text = new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
            return FORBIDDEN.stream().anyMatch(text::contains);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
