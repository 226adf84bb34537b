package com.socketworkbench.ui.http;

import com.socketworkbench.ui.fx.CurrentThreadUiExecutor;
import com.socketworkbench.ui.input.ByteSizeInput;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import com.socketworkbench.ui.tab.TabStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The view model without the view and without a toolkit (the test thread is its UI thread, through the synchronous
 * executor), against a real JDK HttpServer on loopback: history cap, temp files released on eviction and on dispose,
 * counters, and the response text decoded by the model.
 */
@Timeout(120)
class HttpViewModelTest {
    /** Larger than the engine keeps in memory, so the response is spooled to temp files. */
    private static final int SPOOLED = 9 * 1024 * 1024;
    private static final Path TEMP = Path.of(System.getProperty("java.io.tmpdir"));

    private final CurrentThreadUiExecutor executor = new CurrentThreadUiExecutor();
    private final Subscriptions subscriptions = new Subscriptions();

    @Test
    void historyKeepsTheLastHundredAndReleasesWhatItDrops() throws Exception {
        try (LoopbackServers.Jdk server = new LoopbackServers.Jdk(SPOOLED)) {
            HttpViewModel model = new HttpViewModel(InMemoryPreferences.fresh(), executor, subscriptions);
            try {
                Set<Path> before = spooled();
                send(model, server.port(), "/big", 1);
                Set<Path> bigFiles = spooled();
                bigFiles.removeAll(before);
                assertFalse(bigFiles.isEmpty(), "the 9 MiB response lives in temp files");

                for (int i = 2; i <= HttpViewModel.HISTORY_LIMIT + 1; i++) {
                    send(model, server.port(), "/", i);
                }
                assertEquals(HttpViewModel.HISTORY_LIMIT, model.history().size());
                assertEquals(HttpViewModel.HISTORY_LIMIT + 1, model.history().getFirst().number());
                assertEquals(2, model.history().getLast().number(), "the oldest was dropped");
                await().atMost(Duration.ofSeconds(10)).until(() -> bigFiles.stream().noneMatch(Files::exists));
            } finally {
                model.dispose();
                subscriptions.dispose();
            }
        }
    }

    @Test
    void disposeDeletesTheTempFilesOfEveryKeptExchange() throws Exception {
        try (LoopbackServers.Jdk server = new LoopbackServers.Jdk(SPOOLED)) {
            HttpViewModel model = new HttpViewModel(InMemoryPreferences.fresh(), executor, subscriptions);
            Set<Path> before = spooled();
            send(model, server.port(), "/big", 1);
            Set<Path> files = spooled();
            files.removeAll(before);
            assertFalse(files.isEmpty());
            assertTrue(model.shownProperty().get() != null);

            model.stop();
            model.dispose();
            subscriptions.dispose();
            assertTrue(model.history().isEmpty() && model.shownProperty().get() == null);
            await().atMost(Duration.ofSeconds(10)).until(() -> files.stream().noneMatch(Files::exists));
        }
    }

    @Test
    void theStatusBarCountsRequestsAndResponsesNotReads() throws Exception {
        try (LoopbackServers.Jdk server = new LoopbackServers.Jdk(SPOOLED)) {
            HttpViewModel model = new HttpViewModel(InMemoryPreferences.fresh(), executor, subscriptions);
            try {
                send(model, server.port(), "/big", 1);
                send(model, server.port(), "/", 2);
                TabStatus status = model.status();
                long requestBytes = model.history().stream().mapToLong(entry -> entry.exchange().bytesSent()).sum();
                long responseBytes = model.history().stream()
                        .mapToLong(entry -> entry.exchange().bytesReceived()).sum();
                assertTrue(responseBytes > SPOOLED, "the 9 MiB body arrived in many reads");
                assertEquals(2, status.messagesOutProperty().get(), "two requests");
                assertEquals(2, status.messagesInProperty().get(), "two responses");
                assertEquals(requestBytes, status.bytesOutProperty().get());
                assertEquals(responseBytes, status.bytesInProperty().get());
            } finally {
                model.dispose();
                subscriptions.dispose();
            }
        }
    }

    @Test
    void theModelDecodesTheShownResponseAndTheViewOnlyShowsIt() throws Exception {
        try (LoopbackServers.Jdk server = new LoopbackServers.Jdk(SPOOLED)) {
            HttpViewModel model = new HttpViewModel(InMemoryPreferences.fresh(), executor, subscriptions);
            try {
                send(model, server.port(), "/", 1);
                assertFalse(executor.anyTickerStarted(), "the progress read-out stops with the exchange");
                RenderedResponse pretty = model.renderedProperty().get();
                assertSame(model.shownProperty().get().exchange(), pretty.exchange());
                assertNotEquals(LoopbackServers.JSON, pretty.body());
                assertTrue(pretty.body().contains("\"inventory\""), pretty.body());
                assertEquals("JSON, pretty-printed · decoded as UTF-8", pretty.bodyNote());
                assertTrue(pretty.raw().startsWith("HTTP/1.1 200 "), pretty.raw());
                assertEquals("Text (UTF-8, undecodable bytes as \\xNN)", pretty.rawNote());

                model.prettyJsonProperty().set(false);
                assertEquals(LoopbackServers.JSON, model.renderedProperty().get().body(), "as received");

                model.bodyCharsetProperty().set(CharsetChoice.all().stream()
                        .filter(choice -> choice.toString().equals("ISO-8859-1")).findFirst().orElseThrow());
                assertEquals("decoded as ISO-8859-1", model.renderedProperty().get().bodyNote());

                model.clearHistory();
                assertNull(model.renderedProperty().get(), "nothing shown, nothing rendered");
            } finally {
                model.dispose();
                subscriptions.dispose();
            }
        }
    }

    @Test
    void sendIsReadyOnlyWithAValidTargetAndThePortFollowsTheScheme() {
        HttpViewModel model = new HttpViewModel(InMemoryPreferences.fresh(), executor, subscriptions);
        try {
            assertTrue(model.canSendProperty().get());
            model.host().textProperty().set(" ");
            assertFalse(model.canSendProperty().get());
            assertEquals("Enter a host name or address, e.g. 127.0.0.1", model.host().verdict().message());

            model.host().textProperty().set("127.0.0.1");
            model.port().textProperty().set("99999");
            assertFalse(model.canSendProperty().get());
            assertTrue(model.port().verdict().isError());

            model.port().textProperty().set("80");
            model.schemeProperty().set("https");
            assertEquals("443", model.port().textProperty().get(), "the default port follows the scheme");
            assertTrue(model.canSendProperty().get());
        } finally {
            model.dispose();
            subscriptions.dispose();
        }
    }

    @Test
    void theDeadlineIsOnByDefaultRefusesBadSecondsWhereTypedAndIsRemembered() {
        AppPreferences preferences = InMemoryPreferences.fresh();
        HttpViewModel model = new HttpViewModel(preferences, executor, subscriptions);
        try {
            DeadlineInput deadline = model.deadline();
            assertTrue(deadline.onProperty().get());
            assertEquals("60", deadline.textProperty().get());
            assertEquals(Duration.ofSeconds(60), model.options().deadline());

            for (String bad : List.of("", "abc", "0", "86401", "99999999999")) {
                deadline.textProperty().set(bad);
                assertTrue(deadline.verdict().isError(), "\"" + bad + "\" is refused");
                assertFalse(model.canSendProperty().get(), "no Send with the deadline \"" + bad + "\"");
            }
            deadline.textProperty().set("abc");
            assertEquals("\"abc\" is not a whole number of seconds", deadline.verdict().message());
            deadline.textProperty().set("0");
            assertEquals("The deadline must be at least 1 s (untick Deadline to have none)",
                    deadline.verdict().message());

            deadline.onProperty().set(false);
            assertFalse(deadline.verdict().isError(), "off, the seconds do not matter");
            assertTrue(model.canSendProperty().get());
            assertEquals(Duration.ZERO, model.options().deadline());

            deadline.onProperty().set(true);
            deadline.textProperty().set(" 15 ");
            assertTrue(model.canSendProperty().get());
            assertEquals(Duration.ofSeconds(15), model.options().deadline());
            model.savePreferences();
        } finally {
            model.dispose();
        }
        assertTrue(preferences.getBoolean(RequestForm.PREF_DEADLINE_ON, false));
        assertEquals(15, preferences.getInt(RequestForm.PREF_DEADLINE, 0));

        preferences.putBoolean(RequestForm.PREF_DEADLINE_ON, false);
        HttpViewModel again = new HttpViewModel(preferences, executor, subscriptions);
        try {
            assertFalse(again.deadline().onProperty().get());
            assertEquals("15", again.deadline().textProperty().get(), "the seconds are kept while it is off");
            assertEquals(Duration.ZERO, again.options().deadline());
        } finally {
            again.dispose();
            subscriptions.dispose();
        }
    }

    @Test
    void theTempFileBudgetDropsTheOldestSpooledResponsesAndDeletesTheirFiles() throws Exception {
        try (LoopbackServers.Jdk server = new LoopbackServers.Jdk(SPOOLED)) {
            HttpViewModel model = new HttpViewModel(InMemoryPreferences.fresh(), executor, subscriptions);
            try {
                model.historyBudgets().temp().textProperty().set("20 MiB");
                Set<Path> before = spooled();
                send(model, server.port(), "/big", 1);
                Set<Path> firstFiles = spooled();
                firstFiles.removeAll(before);
                assertFalse(firstFiles.isEmpty(), "the 9 MiB response lives in temp files");
                send(model, server.port(), "/big", 2);
                assertFalse(model.history().getLast().bytesDropped(), "18 MiB fit the 20 MiB budget");

                send(model, server.port(), "/big", 3);
                HistoryEntry first = model.history().getLast();
                assertTrue(first.bytesDropped(), "27 MiB do not: the oldest gives up its bytes");
                assertEquals("The response bytes of this exchange were dropped to keep the history within its"
                        + " temp-file budget (20 MiB); status, headers, verdicts and timing are kept. Send it again"
                        + " to see the body.", first.dropped().orElseThrow());
                assertEquals(1, first.number());
                assertEquals(200, first.statusCode());
                assertEquals(0, first.exchange().rawBytes().length());
                await().atMost(Duration.ofSeconds(10)).until(() -> firstFiles.stream().noneMatch(Files::exists));
                ExchangeHistory.Usage usage = model.historyUsageProperty().get();
                assertTrue(usage.used().fileBytes() <= 20L * 1024 * 1024, usage.toString());
                assertEquals(1, usage.droppedEntries());
                assertFalse(model.history().get(0).bytesDropped() || model.history().get(1).bytesDropped());

                model.shownProperty().set(first);
                assertEquals("Not kept: the history dropped these bytes to stay within its budgets",
                        model.renderedProperty().get().bodyNote(), "the body view says why it is empty");
            } finally {
                model.dispose();
                subscriptions.dispose();
            }
        }
    }

    @Test
    void loweringTheMemoryBudgetDropsAtOnceAndTheShownEntryFollows() throws Exception {
        try (LoopbackServers.Jdk server = new LoopbackServers.Jdk(2 * 1024 * 1024)) {
            HttpViewModel model = new HttpViewModel(InMemoryPreferences.fresh(), executor, subscriptions);
            try {
                send(model, server.port(), "/big", 1);
                send(model, server.port(), "/big", 2);
                send(model, server.port(), "/", 3);
                model.shownProperty().set(model.history().get(1));
                assertTrue(model.historyUsageProperty().get().used().memoryBytes() > 4L * 1024 * 1024);

                model.historyBudgets().memory().textProperty().set("3 MiB");
                ExchangeHistory.Usage usage = model.historyUsageProperty().get();
                assertTrue(usage.used().memoryBytes() <= 3L * 1024 * 1024, usage.toString());
                assertTrue(model.history().get(2).bytesDropped(), "the oldest first");
                assertFalse(model.history().get(1).bytesDropped(), "the second 2 MiB body still fits");
                assertTrue(usage.describe().matches("\\d+\\.\\d MiB of 3 MiB memory · 0 B of 1 GiB temp files"
                        + " · 1 without bytes"), usage.describe());

                model.historyBudgets().memory().textProperty().set("1 MiB");
                HistoryEntry shown = model.shownProperty().get();
                assertSame(model.history().get(1), shown, "the shown entry is replaced by its summary");
                assertTrue(shown.bytesDropped());
                assertTrue(shown.dropped().orElseThrow().contains("its memory budget (1 MiB)"));
                assertFalse(model.history().getFirst().bytesDropped(), "the small JSON response fits");
                assertEquals(3, model.history().size(), "nothing leaves the list");
            } finally {
                model.dispose();
                subscriptions.dispose();
            }
        }
    }

    @Test
    void aLongRequestTextGoesWithTheBytesAndLoadingItSaysOnlyItsHeadCame() throws Exception {
        try (LoopbackServers.Jdk server = new LoopbackServers.Jdk(0)) {
            HttpViewModel model = new HttpViewModel(InMemoryPreferences.fresh(), executor, subscriptions);
            try {
                List<String> notices = new ArrayList<>();
                model.setOnFailure(notices::add);
                model.port().textProperty().set(Integer.toString(server.port()));
                String head = "POST /upload HTTP/1.1\nHost: 127.0.0.1:" + server.port() + "\n\n";
                model.requestTextProperty().set(head + "y".repeat(600_000));
                model.send();
                assertEquals(1, model.history().size());
                assertTrue(model.historyUsageProperty().get().used().memoryBytes() > 1_000_000,
                        "the typed text counts against the memory budget");

                model.historyBudgets().memory().textProperty().set("1 MiB");
                HistoryEntry entry = model.history().getFirst();
                assertTrue(entry.bytesDropped() && entry.requestTextCut());
                assertEquals(head, entry.requestText());
                model.requestTextProperty().set("");
                model.loadIntoEditor(entry);
                assertEquals(head, model.requestTextProperty().get());
                assertEquals(List.of("Only the head of request #1 was loaded: its long body text was dropped with its"
                        + " bytes to keep the history within its memory budget"), notices);
            } finally {
                model.dispose();
                subscriptions.dispose();
            }
        }
    }

    @Test
    void aBudgetThatIsNoSizeIsExplainedAndTheLastValidOneStaysAndIsSaved() {
        AppPreferences preferences = InMemoryPreferences.fresh();
        HttpViewModel model = new HttpViewModel(preferences, executor, subscriptions);
        try {
            HistoryBudgets budgets = model.historyBudgets();
            long heap = Runtime.getRuntime().maxMemory();
            assertEquals(ByteSizeInput.format(HistoryBudgets.defaultMemory(heap)), budgets.memory().text());
            assertEquals("1 GiB", budgets.temp().text());

            budgets.memory().textProperty().set("64");
            assertEquals(64L * 1024 * 1024, budgets.memoryBytesProperty().get(), "a plain number is MiB");
            budgets.memory().textProperty().set("lots");
            assertEquals("\"lots\" is not a size: type a number and a unit, e.g. 256 MiB or 2 GiB",
                    budgets.memory().verdict().message());
            assertEquals(64L * 1024 * 1024, budgets.memoryBytesProperty().get(), "the last valid size stays");
            budgets.memory().textProperty().set("12 parsecs");
            assertEquals("\"parsecs\" is not a unit: use B, KiB, MiB, GiB or TiB (a plain number means MiB)",
                    budgets.memory().verdict().message());
            budgets.memory().textProperty().set("0.5 MiB");
            assertEquals("At least 1 MiB", budgets.memory().verdict().message());
            budgets.memory().textProperty().set("1 TiB");
            assertTrue(budgets.memory().verdict().message().startsWith("At most "), budgets.memory().verdict()
                    .message());
            assertTrue(budgets.memory().verdict().message().endsWith(" (three quarters of this app's "
                    + com.socketworkbench.ui.traffic.Formats.bytes(heap) + " heap)"));
            budgets.temp().textProperty().set("");
            assertEquals("Enter a size, e.g. 256 MiB or 2 GiB", budgets.temp().verdict().message());
            budgets.temp().textProperty().set("2.5 gb");
            assertTrue(budgets.temp().isValid());
            assertEquals(2560L * 1024 * 1024, budgets.tempBytesProperty().get());

            model.savePreferences();
            assertEquals("64 MiB", preferences.get(HistoryBudgets.PREF_MEMORY, null), "the size in force is saved");
            assertEquals("2560 MiB", preferences.get(HistoryBudgets.PREF_TEMP, null));
        } finally {
            model.dispose();
            subscriptions.dispose();
        }
        Subscriptions again = new Subscriptions();
        HttpViewModel reopened = new HttpViewModel(preferences, executor, again);
        try {
            assertEquals("64 MiB", reopened.historyBudgets().memory().text());
            assertEquals(2560L * 1024 * 1024, reopened.historyBudgets().tempBytesProperty().get());
        } finally {
            reopened.dispose();
            again.dispose();
        }
    }

    @Test
    void aBodyFileIsStreamedAsTheBodyAndAnUnreadableOneIsRefusedWithTheReason(@TempDir Path dir)
            throws Exception {
        try (LoopbackServers.Jdk server = new LoopbackServers.Jdk(0)) {
            HttpViewModel model = new HttpViewModel(InMemoryPreferences.fresh(), executor, subscriptions);
            try {
                Path file = dir.resolve("payload.bin");
                byte[] bytes = new byte[300_000];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) i;
                }
                Files.write(file, bytes);
                assertFalse(model.bodyFile().choose(dir.resolve("missing.bin")));
                assertEquals("Not used as the body: There is no file at " + dir.resolve("missing.bin"),
                        model.bodyFile().messageProperty().get());
                assertTrue(model.bodyFile().choose(file));
                assertEquals("", model.bodyFile().messageProperty().get());
                assertTrue(model.previewProperty().get().summary().contains("body 300000 bytes from payload.bin"),
                        model.previewProperty().get().summary());

                model.port().textProperty().set(Integer.toString(server.port()));
                model.requestTextProperty().set("POST /upload HTTP/1.1\nHost: 127.0.0.1\n\n");
                model.send();
                LoopbackServers.Received received = server.received.poll(10, java.util.concurrent.TimeUnit.SECONDS);
                assertEquals("POST", received.method());
                assertArrayEquals(bytes, received.body(), "the file's bytes, exactly");

                Files.delete(file);
                List<String> failures = new ArrayList<>();
                model.setOnFailure(failures::add);
                model.send();
                assertEquals(List.of("Cannot send: the body file cannot be read (There is no file at " + file + ")"),
                        failures);
                assertEquals("The body file cannot be sent: There is no file at " + file,
                        model.bodyFile().messageProperty().get());
                model.bodyFile().clear();
                assertTrue(model.previewProperty().get().summary().contains("body 0 bytes"));
            } finally {
                model.dispose();
                subscriptions.dispose();
            }
        }
    }

    /** Sends; on the synchronous executor the exchange has finished and is in the history when send returns. */
    private static void send(HttpViewModel model, int port, String path, int expectedHistory) {
        model.port().textProperty().set(Integer.toString(port));
        model.requestTextProperty().set("GET " + path + " HTTP/1.1\nHost: 127.0.0.1:" + port + "\n\n");
        model.send();
        assertFalse(model.busyProperty().get());
        assertEquals(Math.min(expectedHistory, HttpViewModel.HISTORY_LIMIT), model.history().size());
        assertEquals(expectedHistory, model.history().getFirst().number());
    }

    private static Set<Path> spooled() throws IOException {
        try (Stream<Path> files = Files.list(TEMP)) {
            return files.filter(file -> file.getFileName().toString().startsWith("socketworkbench-http-"))
                    .collect(Collectors.toSet());
        }
    }
}
