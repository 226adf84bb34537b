package com.socketworkbench.ui.http;

import com.socketworkbench.ui.fx.CurrentThreadUiExecutor;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import com.socketworkbench.ui.tab.TabStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
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
