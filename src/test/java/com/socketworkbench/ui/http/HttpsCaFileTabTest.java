package com.socketworkbench.ui.http;

import com.socketworkbench.app.AppDriver;
import com.socketworkbench.engine.tls.TestCertificates;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import com.socketworkbench.ui.tls.TlsFileChooser;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTTP tab's CA file against a JDK HttpsServer on 127.0.0.1 whose certificate a test CA signed: refused without
 * the file, a bad path named at the field with Send held back, the CA typed in gives a verified 200, and Insecure
 * TLS greys the field.
 */
@Timeout(120)
class HttpsCaFileTabTest {
    @TempDir
    Path dir;
    private HttpsServer server;
    private ExecutorService executor;
    private Path caPem;
    private AppDriver driver;

    @BeforeEach
    void startServer() throws Exception {
        TestCertificates.Issued ca = TestCertificates.ca("Workbench UI Test CA");
        caPem = TestCertificates.writeCa(ca, dir, "test-ca");
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.setHttpsConfigurator(new HttpsConfigurator(TestCertificates.leaf(ca).serverContext(null)));
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            byte[] body = "{\"trusted\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void close() throws Exception {
        if (driver != null) {
            driver.close();
        }
        server.stop(0);
        executor.close();
    }

    @Test
    void theTypedCaFileVerifiesTheServer() throws Exception {
        driver = new AppDriver(InMemoryPreferences.fresh()).launch();
        driver.selectTab("http");
        fxRun(() -> driver.<ComboBox<String>>node("#http #scheme").setValue("https"));
        driver.setText("#http #port", Integer.toString(server.getAddress().getPort()));
        driver.click("#http #template");
        driver.robot().clickOn(driver.robot().lookup("#template-GET").<Node>query());
        WaitForAsyncUtils.waitForFxEvents();

        driver.click("#http #send");
        driver.waitUntil(() -> driver.text("#http #responseStatus").equals("No response"));
        String failure = driver.text("#http #exchangeFailure");
        assertTrue(failure.contains("not signed by a trusted authority"), failure);

        Path missing = dir.resolve("no-such-ca.pem");
        driver.setText("#http #caFile", missing.toString());
        driver.waitUntil(() -> driver.text("#http #caFileMessage").equals("No such file: " + missing));
        assertTrue(driver.decorated("#http #caFile"), "the field is marked");
        assertTrue(driver.disabled("#http #send"), "no Send with a CA file that cannot be read");

        driver.setText("#http #caFile", "");
        driver.robot().clickOn("#http #caFile").write(caPem.toString());
        driver.waitUntil(() -> driver.text("#http #caFileMessage").isEmpty() && !driver.disabled("#http #send"));
        driver.click("#http #send");
        driver.waitUntil(() -> driver.text("#http #responseStatus").equals("HTTP/1.1 200 OK"));
        String tls = driver.text("#http #tlsInfo");
        assertTrue(tls.contains("passed (system trust store + CA file " + caPem + ")"), tls);
        assertTrue(tls.contains("CN=Workbench UI Test CA"), tls);

        driver.click("#http #insecure");
        assertTrue(driver.disabled("#http #caFile"), "insecure TLS overrides the CA file");
        assertTrue(driver.disabled("#http #caFileChoose"));
        driver.click("#http #insecure");
        assertFalse(driver.disabled("#http #caFile"));
    }

    @Test
    void theChooseButtonFillsTheField() throws Exception {
        driver = new AppDriver(InMemoryPreferences.fresh()).launch();
        driver.selectTab("http");
        HttpTab tab = driver.app().tabs().stream().filter(HttpTab.class::isInstance).map(HttpTab.class::cast)
                .findFirst().orElseThrow();
        fxRun(() -> tab.httpView().setCaFileChooser(new TlsFileChooser() {
            @Override
            public Optional<Path> open(Window owner) {
                return Optional.of(caPem);
            }

            @Override
            public Optional<Path> save(Window owner, String suggestedName) {
                return Optional.empty();
            }
        }));
        driver.click("#http #caFileChoose");
        assertEquals(caPem.toString(), driver.text("#http #caFile"));
    }
}
