package com.socketworkbench.ui.http;

import com.socketworkbench.app.AppDriver;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP tab against a JDK HttpsServer on 127.0.0.1 with a self-signed certificate made by keytool. */
@Timeout(120)
class HttpsTabTest {
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    Path dir;
    private AppDriver driver;

    @AfterEach
    void close() throws Exception {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void aSelfSignedCertificateIsExplainedAndInsecureTlsShowsTheChain() throws Exception {
        KeyStore keys = selfSigned();
        SSLContext context = SSLContext.getInstance("TLS");
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        context.init(kmf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            byte[] body = "{\"secure\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            driver = new AppDriver(InMemoryPreferences.fresh()).launch();
            driver.selectTab("http");
            assertEquals("80", driver.text("#http #port"));
            fxRun(() -> driver.<ComboBox<String>>node("#http #scheme").setValue("https"));
            assertEquals("443", driver.text("#http #port"), "the port follows the scheme's default");
            driver.setText("#http #port", Integer.toString(server.getAddress().getPort()));
            driver.click("#http #template");
            driver.robot().clickOn(driver.robot().lookup("#template-GET").<Node>query());
            WaitForAsyncUtils.waitForFxEvents();

            driver.click("#http #send");
            driver.waitUntil(() -> driver.text("#http #responseStatus").equals("No response"));
            String failure = driver.text("#http #exchangeFailure");
            assertTrue(failure.contains("The certificate is not signed by a trusted authority (self-signed?)"),
                    failure);
            String rejected = driver.text("#http #tlsInfo");
            assertTrue(rejected.contains("CN=localhost"), "the rejected chain is shown: " + rejected);

            driver.click("#http #insecure");
            assertTrue(driver.text("#http #insecure").contains("NOT checked"));
            driver.click("#http #send");
            driver.waitUntil(() -> driver.text("#http #responseStatus").equals("HTTP/1.1 200 OK"));
            String tls = driver.text("#http #tlsInfo");
            assertTrue(tls.contains("TLSv1."), tls);
            assertTrue(tls.contains("OFF: insecure TLS was on"), tls);
            assertTrue(tls.contains("IP:127.0.0.1"), tls);
            assertTrue(tls.contains("(self-signed)"), tls);
            assertEquals("TLS ⚠ insecure", fx(() -> driver.<TabPane>node("#http #responseTabs").getTabs().stream()
                    .filter(tab -> "tlsTab".equals(tab.getId())).findFirst().orElseThrow().getText()));
        } finally {
            server.stop(0);
            executor.close();
        }
    }

    private KeyStore selfSigned() throws Exception {
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        Path store = dir.resolve("localhost.p12");
        Process process = new ProcessBuilder(List.of(java.resolveSibling("keytool").toString(), "-genkeypair",
                "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "san=dns:localhost,ip:127.0.0.1", "-validity", "2", "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)))
                .redirectErrorStream(true).redirectOutput(dir.resolve("keytool.log").toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "keytool finished");
        assertEquals(0, process.exitValue(), () -> dir.resolve("keytool.log").toString());
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, PASSWORD);
        }
        return keyStore;
    }
}
