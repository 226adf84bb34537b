package com.socketworkbench.ui.http;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.http.RequestOptions;
import com.socketworkbench.ui.input.InputVerdict;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableObjectValue;

import java.time.Duration;

/**
 * The HTTP tab's overall deadline as typed: on or off, whole seconds, and the live verdict on them. The read timeout
 * bounds each read only, so a server that drips a byte now and then never hits it; the deadline bounds the whole
 * exchange. On by default; while it is on, seconds that are not a number from 1 to {@value #MAX_SECONDS} are an
 * error (Send waits for a usable value). Plain properties: a model test checks it without a toolkit.
 */
final class DeadlineInput {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.http.http");
    static final int MAX_SECONDS = 86_400;
    static final int DEFAULT_SECONDS = (int) RequestOptions.DEFAULT_DEADLINE.toSeconds();

    private final BooleanProperty on = new SimpleBooleanProperty(this, "on", true);
    private final StringProperty text = new SimpleStringProperty(this, "text", Integer.toString(DEFAULT_SECONDS));
    private final ObjectBinding<InputVerdict> verdict = Bindings.createObjectBinding(this::check, on, text);
    private final BooleanBinding valid = Bindings.createBooleanBinding(() -> !verdict.get().isError(), verdict);

    private InputVerdict check() {
        return on.get() ? judge(typed()) : InputVerdict.FINE;
    }

    /** The verdict on {@code typed} as seconds of a deadline that is on. */
    private static InputVerdict judge(String typed) {
        if (typed.isEmpty()) {
            return InputVerdict.error(TEXT.get("deadline.empty", MAX_SECONDS));
        }
        if (!typed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return InputVerdict.error(TEXT.get("deadline.notNumber", typed));
        }
        long seconds = typed.length() > 9 ? Long.MAX_VALUE : Long.parseLong(typed);
        if (seconds < 1) {
            return InputVerdict.error(TEXT.get("deadline.tooSmall"));
        }
        if (seconds > MAX_SECONDS) {
            return InputVerdict.error(TEXT.get("deadline.tooLarge", MAX_SECONDS));
        }
        return InputVerdict.FINE;
    }

    private String typed() {
        return text.get() == null ? "" : text.get().strip();
    }

    /** The deadline for the request options: zero when off, the default while the typed value is unusable. */
    Duration duration() {
        if (!on.get()) {
            return Duration.ZERO;
        }
        Integer seconds = seconds();
        return Duration.ofSeconds(seconds == null ? DEFAULT_SECONDS : seconds);
    }

    /** The typed seconds when they are usable (whether the deadline is on or not), else null. */
    Integer seconds() {
        String typed = typed();
        return judge(typed).isError() ? null : Integer.valueOf(Integer.parseInt(typed));
    }

    /** Whether the exchange has a deadline at all. */
    BooleanProperty onProperty() {
        return on;
    }

    /** The seconds as typed (bound both ways to the field). */
    StringProperty textProperty() {
        return text;
    }

    ObservableObjectValue<InputVerdict> verdictProperty() {
        return verdict;
    }

    InputVerdict verdict() {
        return verdict.get();
    }

    ObservableBooleanValue validProperty() {
        return valid;
    }

    boolean isValid() {
        return valid.get();
    }
}
