package com.socketworkbench.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * View models and the settings inputs they own are plain JavaFX beans: no controls, no scene, no animation timer, no
 * {@code Platform.runLater} (they get the UI thread through the injected {@code UiExecutor}). So a test builds and
 * drives them without a toolkit. Checked on the compiled classes, nested and lambda classes included.
 */
class ViewModelsNeedNoToolkitTest {
    private static final Path UI_CLASSES = Path.of("target/classes/com/socketworkbench/ui");
    /** TcpClientViewModel, SocketOptionsModel, HostInput, ... and their nested classes. */
    private static final Pattern MODEL_CLASS = Pattern.compile("[A-Za-z]+(Model|Input)(\\$[^/]*)?\\.class");
    private static final List<String> FORBIDDEN = List.of("javafx/application/", "javafx/animation/",
            "javafx/scene/", "javafx/stage/", "org/controlsfx/");

    @Test
    void noViewModelOrInputReferencesTheToolkit() throws IOException {
        List<Path> models;
        try (Stream<Path> files = Files.walk(UI_CLASSES)) {
            models = files.filter(p -> MODEL_CLASS.matcher(p.getFileName().toString()).matches()).toList();
        }
        assertTrue(models.stream().anyMatch(p -> p.endsWith("TcpClientViewModel.class")), "models found");
        assertTrue(models.stream().anyMatch(p -> p.endsWith("HostInput.class")), "inputs found");
        List<String> offenders = models.stream().filter(ViewModelsNeedNoToolkitTest::referencesToolkit)
                .map(p -> UI_CLASSES.relativize(p).toString()).toList();
        assertEquals(List.of(), offenders, "view models must not depend on controls, the scene or the FX thread");
    }

    /**
     * The parts a view model is split into (its settings, its history, its target logic) are named for what they
     * are, not "Model", so they are found by what the view models reference in their own package, transitively.
     */
    @Test
    void noPartOfAViewModelReferencesTheToolkit() throws IOException {
        List<Path> viewModels;
        try (Stream<Path> files = Files.walk(UI_CLASSES)) {
            viewModels = files.filter(p -> p.getFileName().toString().endsWith("ViewModel.class")).toList();
        }
        Set<Path> parts = samePackageClosure(viewModels);
        for (String part : List.of("http/RequestForm.class", "http/ExchangeHistory.class", "udp/UdpTarget.class",
                "tcpserver/ClientTable.class", "tcpclient/ConnectSettings.class")) {
            assertTrue(parts.contains(UI_CLASSES.resolve(part)), part + " found among the view models' parts");
        }
        List<String> offenders = parts.stream().filter(ViewModelsNeedNoToolkitTest::referencesToolkit)
                .map(p -> UI_CLASSES.relativize(p).toString()).sorted().toList();
        assertEquals(List.of(), offenders, "the parts of a view model must not depend on controls, the scene or the"
                + " FX thread");
    }

    /** {@code start} and every class of the same package they name, and every one those name, and so on. */
    private static Set<Path> samePackageClosure(List<Path> start) throws IOException {
        Set<Path> seen = new LinkedHashSet<>();
        Deque<Path> todo = new ArrayDeque<>(start);
        while (!todo.isEmpty()) {
            Path classFile = todo.pop();
            if (!seen.add(classFile)) {
                continue;
            }
            String packagePath = UI_CLASSES.getParent().getParent().getParent()
                    .relativize(classFile.getParent()).toString().replace('\\', '/') + "/";
            String text = new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
            Matcher named = Pattern.compile(Pattern.quote(packagePath) + "([A-Za-z0-9_$]+)").matcher(text);
            while (named.find()) {
                Path part = classFile.resolveSibling(named.group(1) + ".class");
                if (Files.isRegularFile(part)) {
                    todo.add(part);
                }
            }
        }
        return seen;
    }

    @Test
    void theCheckRecognisesAToolkitReference() throws IOException {
        assertTrue(referencesToolkit(UI_CLASSES.resolve("fx/FxUiExecutor.class")));
    }

    private static boolean referencesToolkit(Path classFile) {
        try {
            String text = new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
            return FORBIDDEN.stream().anyMatch(text::contains);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
