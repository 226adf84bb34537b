package com.socketworkbench.ui.tools;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.ui.fx.UiExecutor;
import com.socketworkbench.engine.tools.PortRanges.KernelPorts;
import com.socketworkbench.engine.tools.ServiceTable;
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
 * The services tool: name ⇄ port look-ups in the services table, answered live as the query is typed, and what the
 * port number means. The table (/etc/services or the built-in one) and the kernel's port settings are read once
 * off the FX thread by {@link #load()}.
 */
public final class ServicesModel {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.tools.tools");
    /** The protocol choice beside the query box. */
    public enum Protocol {
        ANY(null), TCP("tcp"), UDP("udp");

        private final String name;

        Protocol(String name) {
            this.name = name;
        }

        /** "tcp", "udp", or null for any. */
        public String protocolName() {
            return name;
        }

        @Override
        public String toString() {
            return name == null ? TEXT.get("services.protocol.any") : name;
        }
    }

    private record Loaded(ServiceTable table, KernelPorts kernel) {
    }

    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObjectProperty<Protocol> protocol = new SimpleObjectProperty<>(this, "protocol", Protocol.ANY);
    private final ReadOnlyObjectWrapper<ServiceTable> table = new ReadOnlyObjectWrapper<>(this, "table");
    private final ReadOnlyObjectWrapper<KernelPorts> kernel =
            new ReadOnlyObjectWrapper<>(this, "kernel", KernelPorts.UNKNOWN);
    private final ReadOnlyObjectWrapper<Parsed<ServiceAnswer>> answer =
            new ReadOnlyObjectWrapper<>(this, "answer", Parsed.empty());
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final LatestOnly loading;

    public ServicesModel(String initialQuery, UiExecutor executor, Subscriptions subscriptions) {
        loading = new LatestOnly(executor);
        query.set(initialQuery);
        subscriptions.subscribe(query, text -> update());
        subscriptions.listen(protocol, (observable, old, now) -> update());
        subscriptions.add(loading::close);
    }

    /** Reads the services table and the kernel's port settings in the background, then answers the query. */
    public void load() {
        loading.follow(LatestOnly.onVirtualThread("services-load",
                        () -> new Loaded(ServiceTable.load(), KernelPorts.system())),
                loaded -> {
                    kernel.set(loaded.kernel());
                    table.set(loaded.table());
                    update();
                },
                failure -> answer.set(new Parsed.Invalid<>(TEXT.get("services.readFailed",
                        failure.getMessage()))));
    }

    private void update() {
        if (table.get() == null) {
            answer.set(Parsed.empty());
            summary.set("");
            return;
        }
        // An empty query is not "nothing yet" here: it lists the whole table.
        Parsed<ServiceAnswer> result;
        try {
            result = new Parsed.Ok<>(ServiceAnswer.answer(ServiceQuery.parse(query.get()),
                    protocol.get().protocolName(), table.get(), kernel.get()));
        } catch (IllegalArgumentException e) {
            result = new Parsed.Invalid<>(Messages.sentence(e.getMessage()));
        }
        answer.set(result);
        summary.set(result instanceof Parsed.Ok<ServiceAnswer>(ServiceAnswer a) && !a.call().isEmpty()
                ? a.call() + " → " + a.answer() : "");
    }

    /** A service name ("http"), a port ("22"), either with "/protocol", or empty for the whole table. */
    public StringProperty queryProperty() {
        return query;
    }

    public ObjectProperty<Protocol> protocolProperty() {
        return protocol;
    }

    /** The services table once loaded, else null. */
    public ReadOnlyObjectProperty<ServiceTable> tableProperty() {
        return table.getReadOnlyProperty();
    }

    /** Linux's port settings (ephemeral range); {@link KernelPorts#UNKNOWN} until loaded or elsewhere. */
    public ReadOnlyObjectProperty<KernelPorts> kernelProperty() {
        return kernel.getReadOnlyProperty();
    }

    /** Empty while the table is loading. */
    public ReadOnlyObjectProperty<Parsed<ServiceAnswer>> answerProperty() {
        return answer.getReadOnlyProperty();
    }

    /** One line for the status bar. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
