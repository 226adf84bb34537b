package com.socketworkbench.engine.options;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The options of one socket as read back from the operating system, in display order (SO_REUSEADDR first). */
public record EffectiveOptions(List<OptionValue> values) {

    public EffectiveOptions {
        values = List.copyOf(values);
    }

    public Optional<OptionValue> find(String name) {
        return values.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /** The effective value of an option, or empty when the socket does not have it. */
    public Optional<String> effective(String name) {
        return find(name).map(OptionValue::effective);
    }

    /** Only the options that carry a note (adjusted, capped, unsupported). */
    public List<OptionValue> notes() {
        return values.stream().filter(v -> v.note() != null).toList();
    }

    /** One line, e.g. "TCP_NODELAY on, SO_KEEPALIVE off, SO_RCVBUF 65536, SO_SNDBUF 2304, SO_LINGER off". */
    public String summary() {
        return values.stream()
                .filter(v -> !v.effective().equals(OptionValue.NOT_SUPPORTED) && OptionExplanations.isMain(v.name()))
                .map(v -> v.name() + " " + v.effective())
                .collect(Collectors.joining(", "));
    }
}
