package com.socketworkbench.ui.http;

import com.socketworkbench.ui.fx.CurrentThreadUiExecutor;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The view model (no toolkit) keeping Host in step with the target, the one-click Host fix, the URL bar and the curl
 * import; nothing is sent.
 */
class HttpTargetSyncTest {
    private final Subscriptions subscriptions = new Subscriptions();
    private HttpViewModel model;

    @BeforeEach
    void open() {
        model = new HttpViewModel(InMemoryPreferences.fresh(), new CurrentThreadUiExecutor(), subscriptions);
    }

    @AfterEach
    void close() {
        model.dispose();
        subscriptions.dispose();
    }

    private String host() {
        return HostHeader.find(model.requestTextProperty().get()).orElseThrow().value();
    }

    @Test
    void hostFollowsPortHostAndSchemeWithoutTheDefaultPort() {
        model.requestTextProperty().set("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\n\r\n");
        model.port().textProperty().set("8080");
        assertEquals("127.0.0.1:8080", host());
        assertTrue(model.requestTextProperty().get().startsWith("GET / HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"),
                "only the value changed, the CRLF endings stayed");
        model.port().textProperty().set("");
        model.port().textProperty().set("9");
        model.port().textProperty().set("90");
        assertEquals("127.0.0.1:90", host(), "an unfinished port is skipped, the last valid target is followed");
        model.host().textProperty().set("localhost");
        assertEquals("localhost:90", host());
        model.port().textProperty().set("443");
        model.schemeProperty().set("https");
        assertEquals("localhost", host(), "443 is https's default");
        assertEquals("", model.hostFixProperty().get());
    }

    @Test
    void aHandEditedHostStaysAndTheFixSetsItToTheTarget() {
        model.requestTextProperty().set("GET / HTTP/1.1\nHost: example.org\n\n");
        model.port().textProperty().set("8081");
        assertEquals("example.org", host(), "the user's own Host is not touched");
        assertEquals("127.0.0.1:8081", model.hostFixProperty().get(), "the fix is offered with the value it sets");
        assertTrue(model.previewProperty().get().warnings().stream().anyMatch(w -> w.contains("example.org")));

        model.fixHost();
        assertEquals("127.0.0.1:8081", host());
        assertEquals("", model.hostFixProperty().get());
        model.port().textProperty().set("8082");
        assertEquals("127.0.0.1:8082", host(), "once fixed it follows again");
    }

    @Test
    void urlBarFillsTargetPathAndHostAndRefusesBadUrlsWithAMessage() {
        model.requestTextProperty().set("POST /old HTTP/1.1\nHost: somewhere.else\nContent-Length: 2\n\nhi");
        assertEquals(Optional.of("http://127.0.0.1:8080/path?q=1"), model.applyUrl("http://127.0.0.1:8080/path?q=1"));
        assertEquals("http", model.schemeProperty().get());
        assertEquals("127.0.0.1", model.host().text());
        assertEquals("8080", model.port().text());
        assertEquals("POST /path?q=1 HTTP/1.1\nHost: 127.0.0.1:8080\nContent-Length: 2\n\nhi",
                model.requestTextProperty().get(), "method, other headers and body stay");
        assertEquals("", model.urlMessageProperty().get());

        assertEquals(Optional.empty(), model.applyUrl("ftp://127.0.0.1/x"));
        assertTrue(model.urlMessageProperty().get().contains("Only http:// and https://"),
                model.urlMessageProperty().get());
        assertEquals("8080", model.port().text(), "a refused URL changes nothing");

        model.requestTextProperty().set("");
        model.applyUrl("https://localhost/a");
        assertTrue(model.requestTextProperty().get().startsWith("GET /a HTTP/1.1\nHost: localhost\n"),
                model.requestTextProperty().get());
        assertEquals("443", model.port().text());
    }

    @Test
    void curlImportFillsTheRequestAndNamesWhatItLeftOut() {
        assertTrue(model.importCurl("curl -X POST 'http://127.0.0.1:8080/api' \\\n -H 'Content-Type: application/json'"
                + " \\\n --data-raw '{\"a\": 1}' --compressed"));
        assertEquals("POST /api HTTP/1.1\nHost: 127.0.0.1:8080\nContent-Type: application/json\n"
                + "Content-Length: 8\n\n{\"a\": 1}", model.requestTextProperty().get());
        assertEquals("8080", model.port().text());
        assertTrue(model.curlMessageProperty().get().contains("--compressed"), model.curlMessageProperty().get());
        assertTrue(model.previewProperty().get().warnings().isEmpty(), model.previewProperty().get().warnings()
                .toString());

        String before = model.requestTextProperty().get();
        assertFalse(model.importCurl("curl -H 'x: y'"));
        assertTrue(model.curlMessageProperty().get().startsWith("Not imported: The curl command has no URL"));
        assertEquals(before, model.requestTextProperty().get(), "a refused command changes nothing");
    }
}
