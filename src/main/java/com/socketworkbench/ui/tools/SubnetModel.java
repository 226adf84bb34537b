package com.socketworkbench.ui.tools;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.tools.SubnetCalculator;
import com.socketworkbench.engine.tools.SubnetCalculator.Subnet;
import com.socketworkbench.ui.fx.Subscriptions;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.math.BigInteger;

/** The subnet calculator: "address/prefix" worked out live as it is typed. Arithmetic only. */
public final class SubnetModel {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.tools.tools");
    private final StringProperty input = new SimpleStringProperty(this, "input", "");
    private final ReadOnlyObjectWrapper<Parsed<Subnet>> subnet = new ReadOnlyObjectWrapper<>(this, "subnet",
            Parsed.empty());
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");

    public SubnetModel(String initial, Subscriptions subscriptions) {
        input.set(initial);
        subscriptions.subscribe(input, text -> {
            Parsed<Subnet> result = Parsed.of(text, SubnetCalculator::calculate);
            subnet.set(result);
            summary.set(result instanceof Parsed.Ok<Subnet>(Subnet s)
                    ? TEXT.get(BigInteger.ONE.equals(s.hostCount()) ? "subnet.summary.one" : "subnet.summary.other",
                    s.cidr(), Messages.count(s.hostCount())) : "");
        });
    }

    /** "192.168.1.10/24", "192.168.1.10 255.255.255.0" or "2001:db8::1/64". */
    public StringProperty inputProperty() {
        return input;
    }

    public ReadOnlyObjectProperty<Parsed<Subnet>> subnetProperty() {
        return subnet.getReadOnlyProperty();
    }

    /** One line for the status bar. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
