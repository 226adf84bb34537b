package com.socketworkbench.ui.rules;

import com.socketworkbench.engine.codec.PayloadFormat;
import com.socketworkbench.engine.rules.LiveRule;
import com.socketworkbench.engine.rules.MatchKind;
import com.socketworkbench.engine.rules.Rule;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * One line of the rules table: a {@link LiveRule} in use and what the table shows of it. The enabled box switches
 * the live rule (ticking a paused rule resumes it); {@link #refresh()} copies the hit count and a loop-guard pause
 * from the engine on the UI tick. FX thread only.
 */
public final class RuleRow {
    private final LiveRule live;
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled");
    private final ReadOnlyLongWrapper hits = new ReadOnlyLongWrapper(this, "hits");
    private final ReadOnlyStringWrapper paused = new ReadOnlyStringWrapper(this, "paused", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");

    RuleRow(LiveRule live, Runnable onChange) {
        this.live = live;
        enabled.set(live.isActive());
        title.set(live.name());
        // The row's own property: the listener goes with the row.
        enabled.addListener((obs, old, on) -> {
            live.setEnabled(on);
            refresh();
            onChange.run();
        });
    }

    /** Takes the hit count and the loop guard's verdict from the engine. */
    void refresh() {
        hits.set(live.hits());
        String reason = live.pausedReason();
        paused.set(reason == null ? "" : reason);
        title.set(reason == null ? live.name() : RulesText.TEXT.get("row.paused", live.name()));
        if (reason != null && enabled.get()) {
            enabled.set(false);
        }
    }

    public LiveRule live() {
        return live;
    }

    /** The rule as written, with its enabled state now. */
    public Rule rule() {
        return live.rule();
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public ReadOnlyLongProperty hitsProperty() {
        return hits.getReadOnlyProperty();
    }

    /** Why the loop guard paused the rule, or empty. */
    public ReadOnlyStringProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    /** The name, marked while paused. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** "contains "OK"", "regex ^GET (\w+)", "hex 01 03 ?? ??", "anything". */
    public String matchText() {
        Rule rule = live.rule();
        return rule.kind() == MatchKind.ANY ? MatchKind.ANY.label()
                : RulesText.TEXT.get("match." + rule.kind().name().toLowerCase(java.util.Locale.ROOT), rule.pattern());
    }

    /** The reply as typed, hex marked as such, and its delay if it has one ("PONG$1 after 100 ms"). */
    public String replyText() {
        Rule rule = live.rule();
        String text = rule.reply().text();
        String reply = rule.reply().format() == PayloadFormat.HEX ? RulesText.TEXT.get("reply.hex", text) : text;
        return rule.delayMillis() == 0 ? reply : RulesText.TEXT.get("reply.delayed", reply, rule.delayMillis());
    }
}
