package com.socketworkbench.ui.tools;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.ui.fx.Subscriptions;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The address converter: IPv4 and IPv6 text converted live as it is typed, and the classification of whichever of
 * the two was edited last. Pure arithmetic on the FX thread; nothing is looked up.
 */
public final class ConverterModel {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.tools.tools");
    /** Which box the classification follows. */
    public enum Source { IPV4, IPV6 }

    private final StringProperty ipv4Input = new SimpleStringProperty(this, "ipv4Input", "");
    private final StringProperty ipv6Input = new SimpleStringProperty(this, "ipv6Input", "");
    private final StringProperty prefixInput = new SimpleStringProperty(this, "prefixInput", "");
    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(this, "source", Source.IPV4);
    private final ReadOnlyObjectWrapper<Parsed<Ipv4Reading>> ipv4 =
            new ReadOnlyObjectWrapper<>(this, "ipv4", Parsed.empty());
    private final ReadOnlyObjectWrapper<Parsed<Ipv6Reading>> ipv6 =
            new ReadOnlyObjectWrapper<>(this, "ipv6", Parsed.empty());
    private final ReadOnlyObjectWrapper<Parsed<Classification>> classification =
            new ReadOnlyObjectWrapper<>(this, "classification", Parsed.empty());
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");

    public ConverterModel(String initialIpv4, String initialIpv6, String initialPrefix, Subscriptions subscriptions) {
        ipv4Input.set(initialIpv4);
        ipv6Input.set(initialIpv6);
        prefixInput.set(initialPrefix);
        subscriptions.subscribe(ipv4Input, text -> {
            ipv4.set(Parsed.of(text, Ipv4Reading::parse));
            classify();
        });
        subscriptions.subscribe(ipv6Input, text -> {
            ipv6.set(Parsed.of(text, Ipv6Reading::parse));
            classify();
        });
        subscriptions.listen(ipv4Input, (observable, old, text) -> source.set(Source.IPV4));
        subscriptions.listen(ipv6Input, (observable, old, text) -> source.set(Source.IPV6));
        subscriptions.listen(source, (observable, old, now) -> classify());
        subscriptions.listen(prefixInput, (observable, old, now) -> classify());
        classify();
    }

    private void classify() {
        String subject = switch (source.get()) {
            case IPV4 -> ipv4.get() instanceof Parsed.Ok<Ipv4Reading>(Ipv4Reading r) ? r.address().dotted() : null;
            case IPV6 -> ipv6.get() instanceof Parsed.Ok<Ipv6Reading>(Ipv6Reading r) ? r.address().compressed() : null;
        };
        if (subject == null) {
            classification.set(Parsed.empty());
        } else {
            try {
                classification.set(new Parsed.Ok<>(Classification.of(subject, prefixInput.get())));
            } catch (IllegalArgumentException e) {
                classification.set(new Parsed.Invalid<>(TEXT.get("classify.prefixError",
                        Messages.sentence(e.getMessage()))));
            }
        }
        summary.set(summaryText());
    }

    private String summaryText() {
        String kind = classification.get() instanceof Parsed.Ok<Classification>(Classification c)
                && !c.labels().isEmpty() ? " · " + c.labels().getFirst().label() : "";
        if (source.get() == Source.IPV4 && ipv4.get() instanceof Parsed.Ok<Ipv4Reading>(Ipv4Reading r)) {
            return r.address().dotted() + " = " + r.address().value() + " = " + r.address().hex() + kind;
        }
        if (source.get() == Source.IPV6 && ipv6.get() instanceof Parsed.Ok<Ipv6Reading>(Ipv6Reading r)) {
            return r.withZone() + kind;
        }
        return "";
    }

    public StringProperty ipv4InputProperty() {
        return ipv4Input;
    }

    public StringProperty ipv6InputProperty() {
        return ipv6Input;
    }

    /** The optional prefix ("24", "255.255.255.0") used to recognise directed broadcast and network addresses. */
    public StringProperty prefixInputProperty() {
        return prefixInput;
    }

    public ObjectProperty<Source> sourceProperty() {
        return source;
    }

    public ReadOnlyObjectProperty<Parsed<Ipv4Reading>> ipv4Property() {
        return ipv4.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Parsed<Ipv6Reading>> ipv6Property() {
        return ipv6.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Parsed<Classification>> classificationProperty() {
        return classification.getReadOnlyProperty();
    }

    /** One line for the status bar. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
