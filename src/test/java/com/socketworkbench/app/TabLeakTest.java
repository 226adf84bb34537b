package com.socketworkbench.app;

import com.socketworkbench.ui.tab.ModelViewTab;
import com.socketworkbench.ui.tab.WorkbenchTab;
import com.sun.management.HotSpotDiagnosticMXBean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxToolkit;
import org.testfx.api.FxToolkitContext;
import org.testfx.service.support.FiredEvents;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Closing a tab leaks nothing: open and close many TCP server tabs, each listening on loopback with a connected
 * peer; afterwards every engine thread has ended, every port is free again and the closed tabs' models are gone
 * after a collection.
 */
@Timeout(120)
class TabLeakTest {
    private static final int TABS = 8;
    private static final Pattern THREAD_NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]*)\"");

    private final AppDriver driver = new AppDriver();
    private final List<Socket> peers = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (Socket peer : peers) {
            peer.close();
        }
        driver.close();
    }

    @Test
    void closedTabsEndTheirThreadsFreeTheirPortsAndAreCollected() throws Exception {
        driver.launch();
        List<String> before = engineThreads();
        List<Integer> ports = new ArrayList<>();
        List<WeakReference<Object>> models = new ArrayList<>();
        for (int i = 0; i < TABS; i++) {
            Closed closed = openListenAndClose();
            ports.add(closed.port());
            models.add(closed.model());
        }
        assertEquals(TABS, driver.dialogs().asked().size(), "each live tab asked once");

        for (int port : ports) {
            awaitPortFree(port);
        }
        await().atMost(AppDriver.TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> engineThreads().size() <= before.size());
        // TestFX keeps every event fired in its primary stage (FxToolkitContext's FiredEvents), and an ActionEvent
        // holds its target: the Start button of each closed tab. That is the test harness, not the app (a JFR
        // old-object sample with paths to GC roots showed the chain), so forget them before looking.
        fxRun(TabLeakTest::forgetFiredEvents);
        await().atMost(AppDriver.TIMEOUT).pollInterval(Duration.ofMillis(200))
                .alias("closed tabs' models still reachable").until(() -> {
                    System.gc();
                    return models.stream().map(model -> model.get() == null ? "gone" : "kept").toList();
                }, states -> states.stream().allMatch("gone"::equals));
        List<WorkbenchTab> open = fx(() -> driver.app().tabs());
        assertEquals(6, open.size(), "the workspace's own tabs are still there");
    }

    /** Clears TestFX's record of fired events (its only handle is a private field of the toolkit context). */
    private static void forgetFiredEvents() {
        try {
            for (java.lang.reflect.Field field : FxToolkitContext.class.getDeclaredFields()) {
                if (field.getType() == FiredEvents.class) {
                    field.setAccessible(true);
                    ((FiredEvents) field.get(FxToolkit.toolkitContext())).clearEvents();
                    return;
                }
            }
            throw new IllegalStateException("TestFX's toolkit context has no FiredEvents field any more");
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What is left of a closed tab: the port it listened on, and a weak reference to its model. */
    private record Closed(int port, WeakReference<Object> model) {
    }

    /**
     * Opens a TCP server tab, starts it on a free loopback port, connects a peer, and closes the tab (the user says
     * yes). A method of its own so that no local variable of the test keeps the tab reachable.
     */
    private Closed openListenAndClose() throws IOException {
        WindowTab tab = fx(() -> driver.app().strip().openNew(TabKinds.TCP_SERVER).orElseThrow());
        WaitForAsyncUtils.waitForFxEvents();
        driver.setText("#tcpServer #port", "0");
        driver.click("#tcpServer #startStop");
        driver.waitUntil(() -> driver.text("#tcpServer #listeningAddress").startsWith("Listening on"));
        String listening = driver.text("#tcpServer #listeningAddress");
        int port = Integer.parseInt(listening.substring(listening.lastIndexOf(':') + 1));
        peers.add(new Socket(InetAddress.getLoopbackAddress(), port));
        driver.waitUntil(() -> tab.content().status().state().endsWith("1 client"));
        WeakReference<Object> model = new WeakReference<>(((ModelViewTab<?, ?>) tab.content()).model());

        driver.dialogs().answerClose(true);
        assertTrue(fx(() -> driver.app().strip().close(tab)), "closed after the user agreed");
        WaitForAsyncUtils.waitForFxEvents();
        return new Closed(port, model);
    }

    /** Waits until nothing listens on {@code port} of the loopback address any more. */
    static void awaitPortFree(int port) {
        await().atMost(AppDriver.TIMEOUT).pollInterval(Duration.ofMillis(50)).until(() -> {
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return false;
            } catch (ConnectException refused) {
                return true;
            }
        });
    }

    /** Names of the engine's TCP threads alive now, virtual ones included (a JSON thread dump lists them). */
    static List<String> engineThreads() throws IOException {
        Path folder = Files.createTempDirectory("tab-leak-threads");
        Path dump = folder.resolve("threads.json");
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .dumpThreads(dump.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
            List<String> names = new ArrayList<>();
            Matcher matcher = THREAD_NAME.matcher(Files.readString(dump));
            while (matcher.find()) {
                if (matcher.group(1).startsWith("tcp-")) {
                    names.add(matcher.group(1));
                }
            }
            return names;
        } finally {
            Files.deleteIfExists(dump);
            Files.deleteIfExists(folder);
        }
    }
}
