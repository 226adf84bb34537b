package com.socketworkbench.ui.http;

import com.socketworkbench.ui.fx.CurrentThreadUiExecutor;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import com.socketworkbench.ui.tab.WorkspaceCopy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTTP tab's extra CA file in the view model, without a toolkit (the synchronous executor makes the test thread
 * the UI thread): remembered with the tab's options, judged where it is typed, and a bad one holds Send back.
 */
@Timeout(60)
class HttpCaFileModelTest {
    private final CurrentThreadUiExecutor executor = new CurrentThreadUiExecutor();
    private final List<Subscriptions> subscriptions = new ArrayList<>();
    private final List<HttpViewModel> models = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void tearDown() {
        models.forEach(HttpViewModel::dispose);
        subscriptions.forEach(Subscriptions::dispose);
    }

    private HttpViewModel model(AppPreferences preferences) {
        Subscriptions each = new Subscriptions();
        subscriptions.add(each);
        HttpViewModel model = new HttpViewModel(preferences, executor, each);
        model.setOnFailure(failures::add);
        models.add(model);
        return model;
    }

    @Test
    void theCaFileIsSavedAndRestoredButInsecureTlsIsNot() throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        AppPreferences preferences = InMemoryPreferences.fresh();
        HttpViewModel model = model(preferences);
        assertEquals("", model.caFile().text(), "none by default");
        assertNull(model.options().caFile());
        model.caFile().textProperty().set(ca.toString());
        model.insecureTlsProperty().set(true);
        model.savePreferences();

        for (AppPreferences copy : List.of(WorkspaceCopy.reopened(preferences),
                WorkspaceCopy.throughJson(preferences, "http", "HTTP"))) {
            HttpViewModel reopened = model(copy);
            assertEquals(ca.toString(), reopened.caFile().text());
            assertFalse(reopened.insecureTlsProperty().get());
            assertEquals(ca, reopened.options().caFile(), "the restored file verifies the next https exchange");
        }
    }

    @Test
    void aBadCaFileIsNamedWhereTypedAndSendDoesNothing() throws Exception {
        HttpViewModel model = model(InMemoryPreferences.fresh());
        model.schemeProperty().set("https");
        assertTrue(model.canSendProperty().get());

        Path missing = dir.resolve("missing.pem");
        model.caFile().textProperty().set(missing.toString());
        assertTrue(model.caFile().verdict().isError());
        assertEquals("No such file: " + missing, model.caFile().verdict().message());
        assertFalse(model.canSendProperty().get());
        model.send();
        assertTrue(model.history().isEmpty(), "nothing was sent");
        assertFalse(model.busyProperty().get());
        assertEquals(List.of("Cannot send: No such file: " + missing), failures);

        model.caFile().textProperty().set(dir.toString());
        assertEquals(dir + " is a folder, not a file", model.caFile().verdict().message());
        assertFalse(model.canSendProperty().get());

        model.insecureTlsProperty().set(true);
        assertFalse(model.caFile().verdict().isError(), "insecure TLS reads no CA file");
        assertTrue(model.canSendProperty().get());
        assertNull(model.options().caFile(), "nor does it pass one on");

        model.insecureTlsProperty().set(false);
        model.schemeProperty().set("http");
        assertFalse(model.caFile().verdict().isError(), "plain http has no certificate to check");
        assertTrue(model.canSendProperty().get());

        model.schemeProperty().set("https");
        model.caFile().textProperty().set("");
        assertTrue(model.canSendProperty().get(), "an empty field is no CA file, not an error");
    }
}
