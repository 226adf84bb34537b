package com.socketworkbench.ui.http;

import com.socketworkbench.ui.tab.InMemoryPreferences;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.TabStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxToolkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The view model without the view: history cap, and temp files released on eviction and on dispose. */
@Timeout(120)
class HttpViewModelTest {
    /** Larger than the engine keeps in memory, so the response is spooled to temp files. */
    private static final int SPOOLED = 9 * 1024 * 1024;
    private static final Path TEMP = Path.of(System.getProperty("java.io.tmpdir"));

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void historyKeepsTheLastHundredAndReleasesWhatItDrops() throws Exception {
        try (LoopbackServers.Jdk server = new LoopbackServers.Jdk(SPOOLED)) {
            Subscriptions subscriptions = fx(Subscriptions::new);
            HttpViewModel model = fx(() -> new HttpViewModel(InMemoryPreferences.fresh(), subscriptions));
            try {
                Set<Path> before = spooled();
                send(model, server.port(), "/big", 1);
                Set<Path> bigFiles = spooled();
                bigFiles.removeAll(before);
                assertFalse(bigFiles.isEmpty(), "the 9 MiB response lives in temp files");

                for (int i = 2; i <= HttpViewModel.HISTORY_LIMIT + 1; i++) {
                    send(model, server.port(), "/", i);
                }
                assertEquals(HttpViewModel.HISTORY_LIMIT, fx(() -> model.history().size()));
                assertEquals(HttpViewModel.HISTORY_LIMIT + 1, fx(() -> model.history().getFirst().number()));
                assertEquals(2, fx(() -> model.history().getLast().number()), "the oldest was dropped");
                await().atMost(Duration.ofSeconds(10)).until(() -> bigFiles.stream().noneMatch(Files::exists));
            } finally {
                fxRun(() -> {
                    model.dispose();
                    subscriptions.dispose();
                });
            }
        }
    }

    @Test
    void disposeDeletesTheTempFilesOfEveryKeptExchange() throws Exception {
        try (LoopbackServers.Jdk server = new LoopbackServers.Jdk(SPOOLED)) {
            Subscriptions subscriptions = fx(Subscriptions::new);
            HttpViewModel model = fx(() -> new HttpViewModel(InMemoryPreferences.fresh(), subscriptions));
            Set<Path> before = spooled();
            send(model, server.port(), "/big", 1);
            Set<Path> files = spooled();
            files.removeAll(before);
            assertFalse(files.isEmpty());
            assertTrue(fx(() -> model.shownProperty().get() != null));

            fxRun(() -> {
                model.stop();
                model.dispose();
                subscriptions.dispose();
            });
            assertTrue(fx(() -> model.history().isEmpty() && model.shownProperty().get() == null));
            await().atMost(Duration.ofSeconds(10)).until(() -> files.stream().noneMatch(Files::exists));
        }
    }

    @Test
    void theStatusBarCountsRequestsAndResponsesNotReads() throws Exception {
        try (LoopbackServers.Jdk server = new LoopbackServers.Jdk(SPOOLED)) {
            Subscriptions subscriptions = fx(Subscriptions::new);
            HttpViewModel model = fx(() -> new HttpViewModel(InMemoryPreferences.fresh(), subscriptions));
            try {
                send(model, server.port(), "/big", 1);
                send(model, server.port(), "/", 2);
                TabStatus status = model.status();
                long requestBytes = fx(() -> model.history().stream()
                        .mapToLong(entry -> entry.exchange().bytesSent()).sum());
                long responseBytes = fx(() -> model.history().stream()
                        .mapToLong(entry -> entry.exchange().bytesReceived()).sum());
                assertTrue(responseBytes > SPOOLED, "the 9 MiB body arrived in many reads");
                assertEquals(2, fx(() -> status.messagesOutProperty().get()), "two requests");
                assertEquals(2, fx(() -> status.messagesInProperty().get()), "two responses");
                assertEquals(requestBytes, fx(() -> status.bytesOutProperty().get()));
                assertEquals(responseBytes, fx(() -> status.bytesInProperty().get()));
            } finally {
                fxRun(() -> {
                    model.dispose();
                    subscriptions.dispose();
                });
            }
        }
    }

    private static void send(HttpViewModel model, int port, String path, int expectedHistory) {
        fxRun(() -> {
            model.portTextProperty().set(Integer.toString(port));
            model.requestTextProperty().set("GET " + path + " HTTP/1.1\nHost: 127.0.0.1:" + port + "\n\n");
            model.send();
        });
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(5))
                .until(() -> fx(() -> !model.busyProperty().get() && model.history().size()
                        == Math.min(expectedHistory, HttpViewModel.HISTORY_LIMIT)
                        && model.history().getFirst().number() == expectedHistory));
    }

    private static Set<Path> spooled() throws IOException {
        try (Stream<Path> files = Files.list(TEMP)) {
            return files.filter(file -> file.getFileName().toString().startsWith("socketworkbench-http-"))
                    .collect(Collectors.toSet());
        }
    }
}
