package com.socketworkbench.ui.traffic;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.ui.fx.FrameTicker;
import com.socketworkbench.ui.fx.FxUiExecutor;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.Tips;
import com.socketworkbench.ui.fx.UiExecutor;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The timeline's search: the field ({@code timelineFilter}), the mode ({@code searchMode}: text, regex, hex with
 * {@code ??}), next and previous match ({@code searchNext}, {@code searchPrevious}), a Cancel button while a large
 * search runs ({@code searchCancel}) and a status ({@code searchStatus}: progress, the match count, or what is wrong
 * with the pattern).
 *
 * <p>Every row's whole payload is searched. A snapshot of more than {@value #SEARCH_IN_BACKGROUND_BYTES} payload bytes
 * is searched on a background thread ({@link UiExecutor#run}), with its progress read once per frame; a new search
 * or Cancel stops the one running. The filter it hands to the timeline keeps the rows found and checks newer rows as
 * they arrive.
 */
final class TimelineSearchBar {
    /** Up to this many payload bytes are searched at once on the FX thread (well under a frame's time). */
    static final long SEARCH_IN_BACKGROUND_BYTES = 256 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(TimelineSearchBar.class);
    private static final Texts TEXT = TrafficTexts.TEXT;
    private static final String ERROR_STYLE = "search-error";

    private final TextField field = new TextField();
    private final ComboBox<SearchMode> mode = new ComboBox<>(FXCollections.observableArrayList(SearchMode.values()));
    private final Button next = new Button("↓");
    private final Button previous = new Button("↑");
    private final Button cancel = new Button(TEXT.get("search.cancel"));
    private final Label status = new Label();
    private final javafx.scene.layout.HBox view;
    private final ReadOnlyObjectWrapper<PayloadPattern> pattern = new ReadOnlyObjectWrapper<>(this, "pattern");

    private final Supplier<List<TimelineRow>> rows;
    private final ObservableValue<Charset> charset;
    private final Supplier<String> emptyPayload;
    private final Consumer<Predicate<TimelineRow>> filter;
    private UiExecutor executor = new FxUiExecutor();
    private FrameTicker progressTicker;
    private TimelineSearch running;

    TimelineSearchBar(Supplier<List<TimelineRow>> rows, ObservableValue<Charset> charset,
                      Supplier<String> emptyPayload, Consumer<Predicate<TimelineRow>> filter,
                      Subscriptions subscriptions) {
        this.rows = rows;
        this.charset = charset;
        this.emptyPayload = emptyPayload;
        this.filter = filter;

        field.setId("timelineFilter");
        Tips.install(field, TEXT.get("search.tip"));
        field.setPrefColumnCount(22);
        field.getStyleClass().add("timeline-filter");
        mode.setId("searchMode");
        mode.setValue(SearchMode.PLAIN);
        Tips.install(mode, TEXT.get("search.mode.tip"));
        next.setId("searchNext");
        Tips.install(next, TEXT.get("search.next.tip"));
        previous.setId("searchPrevious");
        Tips.install(previous, TEXT.get("search.previous.tip"));
        next.setAccessibleText(TEXT.get("search.next.tip"));
        previous.setAccessibleText(TEXT.get("search.previous.tip"));
        cancel.setId("searchCancel");
        Tips.install(cancel, TEXT.get("search.cancel.tip"));
        cancel.setOnAction(event -> cancel());
        showCancel(false);
        status.setId("searchStatus");
        status.getStyleClass().add("muted-label");
        for (Button button : new Button[]{next, previous, cancel}) {
            button.getStyleClass().add("small-button");
            button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        mode.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        status.setMinWidth(0);
        showStatus("");
        next.setDisable(true);
        previous.setDisable(true);
        view = new javafx.scene.layout.HBox(2, field, mode, previous, next, cancel);
        view.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        javafx.scene.layout.HBox.setHgrow(field, javafx.scene.layout.Priority.ALWAYS);
        // The mode and the arrows show once something is typed (the search runs again when the mode changes): the
        // tool bar's minimum width decides whether a tab fits a small window, and an idle search needs only its
        // field. Focus alone is not enough: a tab's first focus often lands in this field.
        javafx.beans.binding.BooleanBinding inUse = field.textProperty().isNotEmpty();
        for (javafx.scene.Node control : new javafx.scene.Node[]{mode, previous, next}) {
            control.visibleProperty().bind(inUse);
            control.managedProperty().bind(inUse);
        }
        subscriptions.add(() -> {
            for (javafx.scene.Node control : new javafx.scene.Node[]{mode, previous, next}) {
                control.visibleProperty().unbind();
                control.managedProperty().unbind();
            }
            inUse.dispose();
        });
        subscriptions.subscribe(mode.valueProperty(), m -> {
            field.setPromptText((m == null ? SearchMode.PLAIN : m).prompt());
            search();
        });
        subscriptions.listen(field.textProperty(), (obs, old, text) -> search());
        subscriptions.listen(charset, (obs, old, cs) -> search());
        subscriptions.add(this::stopRunning);
    }

    /** Runs {@code forward} and {@code backward} for Next and Previous (the buttons, Enter and Shift+Enter). */
    void onNavigate(Runnable forward, Runnable backward) {
        next.setOnAction(event -> forward.run());
        previous.setOnAction(event -> backward.run());
        field.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER && pattern.get() != null) {
                (event.isShiftDown() ? backward : forward).run();
                event.consume();
            }
        });
    }

    /** Where large searches run (the app's executor; a test's recording one). */
    void setExecutor(UiExecutor executor) {
        stopRunning();
        this.executor = executor;
        progressTicker = null;
    }

    /** The search shown now, null when none (the inspector highlights its matches). */
    ReadOnlyObjectProperty<PayloadPattern> patternProperty() {
        return pattern.getReadOnlyProperty();
    }

    /** Starts the search for what the field and the mode say now, stopping the one running. */
    void search() {
        stopRunning();
        field.getStyleClass().remove(ERROR_STYLE);
        String text = field.getText();
        if (text == null || text.isBlank()) {
            showResult(null, null, "");
            return;
        }
        Charset cs = charset.getValue() == null ? StandardCharsets.UTF_8 : charset.getValue();
        PayloadPattern compiled;
        try {
            compiled = PayloadPattern.compile(mode.getValue() == null ? SearchMode.PLAIN : mode.getValue(), text, cs);
        } catch (IllegalArgumentException badPattern) {
            // Said where it was typed; the rows stay all shown until the pattern is fixed.
            field.getStyleClass().add(ERROR_STYLE);
            showResult(null, null, badPattern.getMessage());
            return;
        }
        TimelineRow[] snapshot = rows.get().toArray(new TimelineRow[0]);
        long bytes = 0;
        for (TimelineRow row : snapshot) {
            bytes += row.payloadBytes();
        }
        String empty = emptyPayload.get();
        TimelineSearch search = new TimelineSearch(snapshot, compiled, empty);
        if (bytes <= SEARCH_IN_BACKGROUND_BYTES) {
            finish(compiled, empty, search.run());
            return;
        }
        running = search;
        showCancel(true);
        showStatus(TEXT.get("search.progress", 0));
        ticker().start();
        executor.run("timeline-search", search::run, result -> {
            if (running == search) {
                finish(compiled, empty, result);
            }
        }, failure -> {
            if (running == search) {
                stopRunning();
                LOG.warn("Timeline search for {} failed", compiled, failure);
                showStatus(String.valueOf(failure.getMessage()));
            } else if (!(UiExecutor.unwrap(failure) instanceof CancellationException)) {
                LOG.debug("A replaced timeline search failed", failure);
            }
        });
    }

    /** Stops the running search and shows every row again; the search text stays for another try. */
    void cancel() {
        if (running != null) {
            stopRunning();
            showResult(null, null, "");
        }
    }

    private void finish(PayloadPattern compiled, String empty, TimelineSearch.Result result) {
        stopRunning();
        Predicate<TimelineRow> found = row -> result.rows().contains(row)
                || row.sequence() > result.lastSequence() && TimelineSearch.matches(row, compiled, empty);
        String summary = result.rows().isEmpty() ? TEXT.get("search.matches.none")
                : result.matches() == 1 ? TEXT.get("search.matches.one")
                : TEXT.get("search.matches.other", count(result.matches()), count(result.rows().size()));
        showResult(compiled, found, summary);
    }

    private void showResult(PayloadPattern compiled, Predicate<TimelineRow> rowFilter, String message) {
        pattern.set(compiled);
        next.setDisable(compiled == null);
        previous.setDisable(compiled == null);
        showStatus(message);
        filter.accept(rowFilter);
    }

    private void stopRunning() {
        if (running != null) {
            running.cancel();
            running = null;
        }
        if (progressTicker != null) {
            progressTicker.stop();
        }
        showCancel(false);
    }

    private FrameTicker ticker() {
        if (progressTicker == null) {
            progressTicker = executor.frameTicker(() -> {
                TimelineSearch search = running;
                if (search != null) {
                    status.setText(TEXT.get("search.progress", search.permille() / 10));
                }
            });
        }
        return progressTicker;
    }

    /** The status takes room in the tool bar only while it says something. */
    private void showStatus(String message) {
        status.setText(message);
        status.setVisible(!message.isEmpty());
        status.setManaged(!message.isEmpty());
    }

    private void showCancel(boolean show) {
        cancel.setVisible(show);
        cancel.setManaged(show);
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** The search's controls, for the timeline's tool bar. */
    javafx.scene.layout.HBox view() {
        return view;
    }

    TextField field() {
        return field;
    }

    ComboBox<SearchMode> mode() {
        return mode;
    }

    Button next() {
        return next;
    }

    Button previous() {
        return previous;
    }

    Button cancelButton() {
        return cancel;
    }

    Label status() {
        return status;
    }

    /** Whether a background search runs now. */
    boolean isRunning() {
        return running != null;
    }
}
