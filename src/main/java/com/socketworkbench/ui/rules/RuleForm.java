package com.socketworkbench.ui.rules;

import com.socketworkbench.engine.codec.LineEnding;
import com.socketworkbench.engine.codec.PayloadFormat;
import com.socketworkbench.engine.fields.PayloadSpec;
import com.socketworkbench.engine.rules.InvalidRuleException;
import com.socketworkbench.engine.rules.LiveRule;
import com.socketworkbench.engine.rules.MatchKind;
import com.socketworkbench.engine.rules.Rule;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.input.InputVerdict;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The rule editor's input and its checks: each field's verdict is judged on its own (a blank name does not hide a
 * bad regex), with the position of the problem in the message. FX thread only.
 */
public final class RuleForm {
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObjectProperty<MatchKind> kind = new SimpleObjectProperty<>(this, "kind", MatchKind.TEXT);
    private final StringProperty pattern = new SimpleStringProperty(this, "pattern", "");
    private final StringProperty reply = new SimpleStringProperty(this, "reply", "");
    private final ObjectProperty<PayloadFormat> format = new SimpleObjectProperty<>(this, "format", PayloadFormat.TEXT);
    private final ObjectProperty<Charset> charset = new SimpleObjectProperty<>(this, "charset", StandardCharsets.UTF_8);
    private final ObjectProperty<LineEnding> lineEnding = new SimpleObjectProperty<>(this, "lineEnding",
            LineEnding.NONE);
    private final BooleanProperty escapes = new SimpleBooleanProperty(this, "escapes", true);
    private final BooleanProperty fields = new SimpleBooleanProperty(this, "fields");
    private final StringProperty delay = new SimpleStringProperty(this, "delay", "0");
    private final BooleanProperty open = new SimpleBooleanProperty(this, "open");
    private final ObjectProperty<RuleRow> editing = new SimpleObjectProperty<>(this, "editing");
    private final ObjectBinding<InputVerdict> nameVerdict;
    private final ObjectBinding<InputVerdict> patternVerdict;
    private final ObjectBinding<InputVerdict> replyVerdict;
    private final ObjectBinding<InputVerdict> delayVerdict;
    private final BooleanBinding valid;

    RuleForm(Subscriptions subscriptions) {
        Observable[] all = {name, kind, pattern, reply, format, charset, lineEnding, escapes, fields, delay};
        nameVerdict = Bindings.createObjectBinding(() -> name.get().isBlank()
                ? InputVerdict.error(RulesText.TEXT.get("form.name.empty")) : InputVerdict.FINE, name);
        // Each part is checked with the others made harmless, so every field shows its own problem at once.
        patternVerdict = Bindings.createObjectBinding(() -> verdict(
                new Rule("x", true, kind.get(), pattern.get(), spec("", PayloadFormat.TEXT), 0)), all);
        replyVerdict = Bindings.createObjectBinding(() -> verdict(
                new Rule("x", true, MatchKind.ANY, "", spec(reply.get(), format.get()), 0)), all);
        delayVerdict = Bindings.createObjectBinding(() -> delayMillis() < 0
                ? InputVerdict.error(RulesText.TEXT.get("form.delay.invalid", Rule.MAX_DELAY_MILLIS))
                : InputVerdict.FINE, delay);
        valid = Bindings.createBooleanBinding(() -> !nameVerdict.get().isError() && !patternVerdict.get().isError()
                && !replyVerdict.get().isError() && !delayVerdict.get().isError(),
                nameVerdict, patternVerdict, replyVerdict, delayVerdict);
        subscriptions.add(() -> {
            valid.dispose();
            nameVerdict.dispose();
            patternVerdict.dispose();
            replyVerdict.dispose();
            delayVerdict.dispose();
        });
    }

    private static InputVerdict verdict(Rule rule) {
        InvalidRuleException problem = LiveRule.check(rule);
        return problem == null ? InputVerdict.FINE : InputVerdict.error(problem.getMessage());
    }

    private PayloadSpec spec(String text, PayloadFormat payloadFormat) {
        return new PayloadSpec(text, payloadFormat, charset.get(), lineEnding.get(), escapes.get(), fields.get());
    }

    /** The delay typed, in ms; blank is 0; -1 when it is not a whole number from 0 to the maximum. */
    long delayMillis() {
        String text = delay.get().strip();
        if (text.isEmpty()) {
            return 0;
        }
        try {
            long value = Long.parseLong(text);
            return value < 0 || value > Rule.MAX_DELAY_MILLIS ? -1 : value;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Fills the form with {@code rule} and opens it; {@code row} is the one it replaces on save, null to add. */
    void open(Rule rule, RuleRow row) {
        name.set(rule.name());
        kind.set(rule.kind());
        pattern.set(rule.pattern());
        PayloadSpec spec = rule.reply();
        reply.set(spec.text());
        format.set(spec.format());
        charset.set(spec.charset());
        lineEnding.set(spec.lineEnding());
        escapes.set(spec.escapes());
        fields.set(spec.fields());
        delay.set(Long.toString(rule.delayMillis()));
        editing.set(row);
        open.set(true);
    }

    void close() {
        open.set(false);
        editing.set(null);
    }

    /** The rule as typed (check {@link #validBinding()} first); a new or edited rule starts enabled. */
    Rule rule() {
        return new Rule(name.get().strip(), true, kind.get(), kind.get() == MatchKind.ANY ? "" : pattern.get(),
                spec(reply.get(), format.get()), Math.max(0, delayMillis()));
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<MatchKind> kindProperty() {
        return kind;
    }

    public StringProperty patternProperty() {
        return pattern;
    }

    public StringProperty replyProperty() {
        return reply;
    }

    public ObjectProperty<PayloadFormat> formatProperty() {
        return format;
    }

    public ObjectProperty<Charset> charsetProperty() {
        return charset;
    }

    public ObjectProperty<LineEnding> lineEndingProperty() {
        return lineEnding;
    }

    public BooleanProperty escapesProperty() {
        return escapes;
    }

    public BooleanProperty fieldsProperty() {
        return fields;
    }

    public StringProperty delayProperty() {
        return delay;
    }

    public BooleanProperty openProperty() {
        return open;
    }

    public ObjectProperty<RuleRow> editingProperty() {
        return editing;
    }

    public ObjectBinding<InputVerdict> nameVerdict() {
        return nameVerdict;
    }

    public ObjectBinding<InputVerdict> patternVerdict() {
        return patternVerdict;
    }

    public ObjectBinding<InputVerdict> replyVerdict() {
        return replyVerdict;
    }

    public ObjectBinding<InputVerdict> delayVerdict() {
        return delayVerdict;
    }

    public BooleanBinding validBinding() {
        return valid;
    }
}
