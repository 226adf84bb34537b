package com.socketworkbench.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The package rules docs/architecture.md describes, checked on the compiled main classes (a fully qualified
 * reference without an import is caught too). Each rule fails when it finds no class to check, so a renamed package
 * cannot make it pass vacuously.
 */
@AnalyzeClasses(packages = "com.socketworkbench", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String ROOT = "com.socketworkbench.";
    /** Shared UI: what every tab is built from. */
    static final List<String> SHARED_UI = List.of("ui.fx", "ui.tab", "ui.traffic", "ui.stream", "ui.input",
            "ui.messages", "ui.capture", "ui.rate", "ui.alltraffic", "ui.repeat", "ui.sendfile", "ui.rules", "ui.tls");
    /** One package per kind of tab. */
    static final List<String> TAB_PACKAGES = List.of("ui.tcpserver", "ui.tcpclient", "ui.udp", "ui.http", "ui.tools", "ui.scenario",
            "ui.relay", "ui.websocket");

    @ArchTest
    static final ArchRule engineNeverReachesJavaFxTheUiOrTheApp = uiFreeRuleFor(ROOT + "engine..");

    @ArchTest
    static final ArchRule workspaceFilesNeverReachJavaFxTheUiOrTheApp = uiFreeRuleFor(ROOT + "workspace..");

    /** The headless command line runs without a display: it must not even load a JavaFX class. */
    @ArchTest
    static final ArchRule commandLineNeverReachesJavaFxTheUiOrTheApp = uiFreeRuleFor(ROOT + "cli..");

    @ArchTest
    static final ArchRule sharedUiNeverReachesATabPackage = noClasses()
            .that().resideInAnyPackage(packages(SHARED_UI))
            .should().dependOnClassesThat().resideInAnyPackage(packages(TAB_PACKAGES))
            .because("a tab package builds on the shared UI, never the other way round");

    @ArchTest
    static final ArchRule fxPlumbingReachesNoOtherUiPackage = noClasses()
            .that().resideInAPackage(ROOT + "ui.fx..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + "ui.tab..", ROOT + "ui.traffic..",
                    ROOT + "ui.stream..", ROOT + "ui.input..", ROOT + "app..")
            .because("the FX plumbing is the lowest UI layer: the pump, the executor and subscriptions know no view");

    @ArchTest
    static final ArchRule onlyTheFxPlumbingCallsRunLater = noClasses()
            .that().resideOutsideOfPackage(ROOT + "ui.fx..")
            .should().callMethod(Platform.class, "runLater", Runnable.class)
            .because("work reaches the FX thread through the pump or the UI executor, never one runLater per event");

    @ArchTest
    static final ArchRule noStandardStreams = NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
            .because("the app logs through slf4j");

    @ArchTest
    static final ArchRule noJavaUtilLogging = NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING
            .because("the app logs through slf4j");

    @ArchTest
    static void tabPackagesNeverReachEachOther(JavaClasses classes) {
        for (String tab : TAB_PACKAGES) {
            noClasses().that().resideInAPackage(ROOT + tab + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(packages(TAB_PACKAGES.stream()
                            .filter(other -> !other.equals(tab)).toList()))
                    .because("tabs share code only through the shared UI packages")
                    .check(classes);
        }
    }

    /** The rule must be able to fail: the app package does use JavaFX, so the engine's rule applied to it fails. */
    @Test
    void theEngineRuleCatchesAJavaFxReference() {
        JavaClasses app = new ClassFileImporter().importPackages(ROOT + "app");
        assertThrows(AssertionError.class, () -> uiFreeRuleFor(ROOT + "app..").check(app));
    }

    private static ArchRule uiFreeRuleFor(String packagePattern) {
        return noClasses().that().resideInAPackage(packagePattern)
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", ROOT + "ui..",
                        ROOT + "app..")
                .because("the engine runs, and is tested, without a UI toolkit");
    }

    private static String[] packages(List<String> names) {
        return names.stream().map(name -> ROOT + name + "..").toArray(String[]::new);
    }
}
