package com.socketworkbench.app;

import com.socketworkbench.ui.tab.AppPreferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the launcher reads the start-up cache from its command line, builds the training run and spots a stale cache. */
class StartupCacheTest {
    private static final String MAIN = Launcher.class.getName();

    @Test
    void theCacheIsTheLastAotCacheOptionBeforeTheMainClass() {
        Optional<StartupCache> cache = StartupCache.of(List.of("/jdk/bin/java", "-XX:AOTCache=/a/first.aot",
                "-Xlog:aot=off", "-XX:AOTCache=/a/second.aot", "-cp", "app.jar", MAIN, "-XX:AOTCache=/arg.aot"), MAIN);
        assertEquals(Optional.of(Path.of("/a/second.aot")), cache.map(StartupCache::path));
    }

    @Test
    void withoutACacheOptionOrMainClassThereIsNothingToKeep() {
        assertTrue(StartupCache.of(List.of("/jdk/bin/java", "-cp", "app.jar", MAIN), MAIN).isEmpty());
        assertTrue(StartupCache.of(List.of("/jdk/bin/java", "-cp", "app.jar", MAIN, "-XX:AOTCache=/arg.aot"), MAIN)
                .isEmpty(), "an argument of the app is no JVM option");
        assertTrue(StartupCache.of(List.of("/jdk/bin/java", "-XX:AOTCache=/a.aot", "-jar", "app.jar"), MAIN)
                .isEmpty());
    }

    @Test
    void theTrainingRunIsTheSameCommandWritingTheCacheHeadlessWithTheStartupCheck() {
        StartupCache cache = StartupCache.of(List.of("/jdk/bin/java", "-XX:AOTCache=/t/workbench.aot",
                "-Xlog:cds=off", "-Xlog:aot=off", "-XX:NewSize=256m", "--module-path=/fx", "--add-modules",
                "javafx.controls", "-classpath", "app.jar" + File.pathSeparator + "dep.jar", MAIN, "appArg"), MAIN)
                .orElseThrow();

        List<String> training = cache.trainingCommand(Path.of("/t/workbench.aot.training"));

        assertEquals(List.of("/jdk/bin/java", "-XX:AOTCacheOutput=/t/workbench.aot.training", "-XX:NewSize=256m",
                "--module-path=/fx", "--add-modules", "javafx.controls", "-classpath",
                "app.jar" + File.pathSeparator + "dep.jar", "-Dglass.platform=Headless", "-Dprism.order=sw",
                "-Djava.awt.headless=true", "-D" + AppPreferences.NODE_PROPERTY + "=" + StartupCache.TRAINING_NODE,
                "-D" + AppHome.PROPERTY + "=" + Path.of("/t/workbench.aot.training.home"),
                "-D" + WorkbenchApp.STARTUP_CHECK_PROPERTY + "=true", MAIN, "appArg"), training);
        assertTrue(StartupCache.of(training, MAIN).isEmpty(), "the training run names no cache, so it trains none");
    }

    @Test
    void theTrainingRunReopensTheWorkspaceThisStartKept(@TempDir Path dir) throws Exception {
        Path kept = new AppHome(dir.resolve("user")).untitledWorkspace();
        Path trainingHome = dir.resolve("workbench.aot.1234.training.home");
        StartupCache.seedTrainingHome(kept, trainingHome);
        assertTrue(Files.notExists(trainingHome), "nothing kept: the training run starts blank");

        Files.createDirectories(kept.getParent());
        Files.writeString(kept, "{\"version\": 1, \"selectedTab\": 0, \"tabs\": []}");
        StartupCache.seedTrainingHome(kept, trainingHome);
        assertEquals(Files.readString(kept), Files.readString(new AppHome(trainingHome).untitledWorkspace()));
        assertTrue(Files.exists(kept), "the user's workspace stays where it was");
    }

    @Test
    void aCacheIsOutdatedOnceAJarOfTheLaunchIsNewerOrMissing(@TempDir Path dir) throws Exception {
        Path app = Files.writeString(dir.resolve("app.jar"), "app");
        Path dependency = Files.writeString(dir.resolve("dep.jar"), "dependency");
        Instant built = Instant.parse("2026-01-01T10:00:00Z");
        Files.setLastModifiedTime(app, FileTime.from(built));
        Files.setLastModifiedTime(dependency, FileTime.from(built.minusSeconds(86_400)));
        String paths = app + File.pathSeparator + dependency + File.pathSeparator;
        FileTime trained = FileTime.from(built.plusSeconds(60));

        assertFalse(StartupCache.changedSince(trained, paths), "trained after the build");

        Files.setLastModifiedTime(app, FileTime.from(built.plusSeconds(120)));
        assertTrue(StartupCache.changedSince(trained, paths), "the launch jar was rebuilt after the training");

        Files.setLastModifiedTime(app, FileTime.from(built));
        Files.delete(dependency);
        assertTrue(StartupCache.changedSince(trained, paths), "a jar it was made from is gone");
    }
}
