package com.socketworkbench.ui.rules;

import com.socketworkbench.engine.codec.LineEnding;
import com.socketworkbench.engine.codec.PayloadFormat;
import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.fields.PayloadSpec;
import com.socketworkbench.engine.rules.InvalidRuleException;
import com.socketworkbench.engine.rules.LiveRule;
import com.socketworkbench.engine.rules.MatchKind;
import com.socketworkbench.engine.rules.Rule;
import com.socketworkbench.engine.rules.RuleBook;
import com.socketworkbench.engine.rules.RuleTee;
import com.socketworkbench.engine.rules.RulesJson;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.input.InputVerdict;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.traffic.TabTraffic;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A socket tab's auto-reply rules: the rows of the table (at most {@link #MAX_RULES}), the {@link RuleBook} the
 * engine reads them from, the editor, and their place in the tab's settings ({@value #PREF_RULES}: the rules as one
 * JSON text, {@link RulesJson}; {@value #PREF_LOOP_LIMIT}: the loop guard's replies per second), so they travel in
 * a workspace file with the tab. Every change is saved at once. The hit counts and loop-guard pauses are read from
 * the engine on each pulse of the tab's pump. FX thread only.
 *
 * <p>The tab's engine component gets {@link #tee(EventSink)} as its sink and tells it how to reply.
 */
public final class RulesModel {
    static final String PREF_RULES = "rules";
    static final String PREF_LOOP_LIMIT = "rulesLoopLimit";
    /** A table anyone can read; more rules than this are refused with a word. */
    public static final int MAX_RULES = 100;

    private static final Logger LOG = LoggerFactory.getLogger(RulesModel.class);

    private final AppPreferences preferences;
    private final Supplier<Charset> defaultCharset;
    private final RuleBook book = new RuleBook();
    private final ObservableList<RuleRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<RuleRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper paused = new ReadOnlyStringWrapper(this, "paused", "");
    private final StringProperty loopLimit = new SimpleStringProperty(this, "loopLimit");
    private final ObjectBinding<InputVerdict> loopLimitVerdict;
    private final RuleForm form;

    /**
     * @param defaultCharset the charset a new rule starts with (the tab's send editor's)
     */
    public RulesModel(AppPreferences preferences, TabTraffic traffic, Supplier<Charset> defaultCharset,
                      Subscriptions subscriptions) {
        this.preferences = preferences;
        this.defaultCharset = defaultCharset;
        form = new RuleForm(subscriptions);
        for (Rule rule : RulesJson.read(preferences.get(PREF_RULES, ""))) {
            try {
                rows.add(new RuleRow(LiveRule.compile(rule), this::changed));
            } catch (InvalidRuleException e) {
                LOG.warn("Saved rule {} is not valid any more, skipped: {}", rule.name(), e.getMessage());
            }
        }
        book.set(lives());
        loopLimit.set(Integer.toString(preferences.getInt(PREF_LOOP_LIMIT, RuleBook.DEFAULT_LOOP_LIMIT)));
        loopLimitVerdict = Bindings.createObjectBinding(() -> parsedLoopLimit() > 0 ? InputVerdict.FINE
                : InputVerdict.error(RulesText.TEXT.get("loop.limit.invalid")), loopLimit);
        subscriptions.add(loopLimitVerdict::dispose);
        if (parsedLoopLimit() > 0) {
            book.setLoopLimit(parsedLoopLimit());
        }
        // Written only when the user changes it: opening a tab adds nothing to its workspace.
        subscriptions.listen(loopLimit, (obs, old, text) -> {
            int limit = parsedLoopLimit();
            if (limit > 0) {
                book.setLoopLimit(limit);
                preferences.putInt(PREF_LOOP_LIMIT, limit);
            }
        });
        subscriptions.add(traffic.pump().onPulse(batch -> refresh()));
    }

    /** A sink for the tab's next engine component: the tab's own sink behind the rules. */
    public RuleTee tee(EventSink downstream) {
        return new RuleTee(book, downstream);
    }

    /** Copies hit counts and pauses from the engine (each pulse of the tab's pump). */
    void refresh() {
        List<String> reasons = new ArrayList<>();
        for (RuleRow row : rows) {
            row.refresh();
            if (!row.pausedProperty().get().isEmpty()) {
                reasons.add(RulesText.TEXT.get("status.paused", row.live().name(), row.pausedProperty().get()));
            }
        }
        paused.set(String.join("\n", reasons));
    }

    /** Opens the editor for a new rule. */
    public void beginAdd() {
        if (full()) {
            return;
        }
        form.open(new Rule(RulesText.TEXT.get("new.name", rows.size() + 1), true, MatchKind.TEXT, "",
                new PayloadSpec("", PayloadFormat.TEXT, defaultCharset.get(), LineEnding.NONE, true, false), 0),
                null);
    }

    /** Opens the editor on the selected rule. */
    public void beginEdit() {
        RuleRow row = selected.get();
        if (row != null) {
            form.open(row.rule(), row);
        }
    }

    /** Saves the editor's rule (replacing the one edited, or added at the end); false while it is not valid. */
    public boolean saveForm() {
        if (!form.validBinding().get()) {
            return false;
        }
        LiveRule live;
        try {
            live = LiveRule.compile(form.rule());
        } catch (InvalidRuleException e) {
            status.set(e.getMessage());
            return false;
        }
        RuleRow row = new RuleRow(live, this::changed);
        RuleRow edited = form.editingProperty().get();
        int index = edited == null ? -1 : rows.indexOf(edited);
        if (index >= 0) {
            rows.set(index, row);
        } else if (full()) {
            return false;
        } else {
            rows.add(row);
        }
        form.close();
        selected.set(row);
        status.set("");
        changed();
        return true;
    }

    public void cancelForm() {
        form.close();
    }

    /** Adds a ready-made rule (a preset) at the end. */
    public void add(Rule rule) {
        if (full()) {
            return;
        }
        try {
            RuleRow row = new RuleRow(LiveRule.compile(rule), this::changed);
            rows.add(row);
            selected.set(row);
            status.set("");
            changed();
        } catch (InvalidRuleException e) {
            status.set(e.getMessage());
        }
    }

    public void removeSelected() {
        RuleRow row = selected.get();
        if (row != null && rows.remove(row)) {
            if (form.editingProperty().get() == row) {
                form.close();
            }
            selected.set(null);
            changed();
        }
    }

    /** Moves the selected rule one place up (-1) or down (+1): the first matching rule answers. */
    public void moveSelected(int by) {
        RuleRow row = selected.get();
        int from = rows.indexOf(row);
        int to = from + by;
        if (from < 0 || to < 0 || to >= rows.size()) {
            return;
        }
        rows.remove(from);
        rows.add(to, row);
        selected.set(row);
        changed();
    }

    private boolean full() {
        if (rows.size() >= MAX_RULES) {
            status.set(RulesText.TEXT.get("status.full", MAX_RULES));
            return true;
        }
        return false;
    }

    /** The book follows the table; the table is saved in the tab's settings. */
    private void changed() {
        book.set(lives());
        List<Rule> rules = rows.stream().map(RuleRow::rule).toList();
        if (!preferences.putText(PREF_RULES, RulesJson.write(rules))) {
            status.set(RulesText.TEXT.get("status.too.long"));
        }
    }

    private List<LiveRule> lives() {
        return rows.stream().map(RuleRow::live).toList();
    }

    private int parsedLoopLimit() {
        try {
            int limit = Integer.parseInt(loopLimit.get().strip());
            return limit >= 1 && limit <= 1_000_000 ? limit : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public ObservableList<RuleRow> rows() {
        return rows;
    }

    public ObjectProperty<RuleRow> selectedProperty() {
        return selected;
    }

    public RuleForm form() {
        return form;
    }

    /** A refusal (too many rules, settings too long to keep). */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** One line per rule the loop guard paused, with the reason; empty when none is. */
    public ReadOnlyStringProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    /** Replies per second beyond which a rule pauses, as typed. */
    public StringProperty loopLimitProperty() {
        return loopLimit;
    }

    public ObjectBinding<InputVerdict> loopLimitVerdict() {
        return loopLimitVerdict;
    }

    public RuleBook book() {
        return book;
    }
}
