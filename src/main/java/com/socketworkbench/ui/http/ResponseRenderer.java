package com.socketworkbench.ui.http;

import com.socketworkbench.engine.http.HttpExchange;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.UiExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

import java.util.List;

/**
 * Decodes the shown exchange's capped body text and raw text off the FX thread into {@link #renderedProperty()},
 * with the charset and pretty-printing chosen in the response view. Reading a spooled body may block, hence the
 * worker; a newer rendering (another exchange, charset or pretty choice) wins over one still running.
 */
final class ResponseRenderer {
    private final UiExecutor executor;
    private final ObservableValue<HistoryEntry> shown;
    private final ObjectProperty<CharsetChoice> bodyCharset =
            new SimpleObjectProperty<>(this, "bodyCharset", CharsetChoice.AUTO);
    private final BooleanProperty prettyJson = new SimpleBooleanProperty(this, "prettyJson", true);
    private final ReadOnlyObjectWrapper<RenderedResponse> rendered = new ReadOnlyObjectWrapper<>(this, "rendered");
    private long generation;

    ResponseRenderer(ObservableValue<HistoryEntry> shown, UiExecutor executor, Subscriptions subscriptions) {
        this.shown = shown;
        this.executor = executor;
        for (var choice : List.of(shown, bodyCharset, prettyJson)) {
            subscriptions.listen(choice, (obs, old, now) -> render());
        }
    }

    private void render() {
        long current = ++generation;
        HistoryEntry entry = shown.getValue();
        if (entry == null) {
            rendered.set(null);
            return;
        }
        HttpExchange exchange = entry.exchange();
        CharsetChoice choice = bodyCharset.get() == null ? CharsetChoice.AUTO : bodyCharset.get();
        boolean prettyWanted = prettyJson.get();
        executor.run("http-render", () -> RenderedResponse.of(entry, choice, prettyWanted),
                done -> {
                    if (current == generation) {
                        rendered.set(done);
                    }
                },
                error -> {
                    if (current == generation) {
                        rendered.set(RenderedResponse.unreadable(exchange, error));
                    }
                });
    }

    ObjectProperty<CharsetChoice> bodyCharsetProperty() {
        return bodyCharset;
    }

    BooleanProperty prettyJsonProperty() {
        return prettyJson;
    }

    ReadOnlyObjectProperty<RenderedResponse> renderedProperty() {
        return rendered.getReadOnlyProperty();
    }
}
