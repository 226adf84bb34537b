package com.socketworkbench.ui.stream;

import com.socketworkbench.engine.options.ConnectionDetails;
import com.socketworkbench.engine.options.EffectiveOptions;
import com.socketworkbench.ui.fx.UiExecutor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

/**
 * What a TCP tab shows about one of its sockets: the options the kernel granted (into the tab's
 * {@link SocketOptionsModel}) and the connection details, with the socket they describe. The engine asks the socket
 * for them, so they are read off the FX thread; a reading that comes back after the tab moved on (another socket
 * chosen, the socket gone) is dropped. FX thread only.
 */
public final class SocketInfo {
    /**
     * One reading of a socket.
     *
     * @param subject what it describes, e.g. "connection of client 127.0.0.1:50000"
     * @param options the granted options
     * @param details the details; null when the socket is gone
     */
    public record Reading(String subject, EffectiveOptions options, ConnectionDetails details) {
    }

    private final SocketOptionsModel socketOptions;
    private final UiExecutor executor;
    private final ReadOnlyObjectWrapper<ConnectionDetails> details = new ReadOnlyObjectWrapper<>(this, "details");
    private final ReadOnlyStringWrapper subject = new ReadOnlyStringWrapper(this, "subject", "");

    public SocketInfo(SocketOptionsModel socketOptions, UiExecutor executor) {
        this.socketOptions = socketOptions;
        this.executor = executor;
    }

    /**
     * Reads with {@code reader} on a worker named {@code threadName} and shows the reading when {@code stillWanted}
     * says so on its return; a reading without details shows no subject.
     */
    public void read(String threadName, Callable<Reading> reader, BooleanSupplier stillWanted) {
        executor.run(threadName, reader, reading -> {
            if (stillWanted.getAsBoolean()) {
                show(reading.details() == null ? "" : reading.subject(), reading.options(), reading.details());
            }
        }, failure -> { });
    }

    /** Shows nothing: no socket to describe. */
    public void clear() {
        show("", null, null);
    }

    private void show(String about, EffectiveOptions options, ConnectionDetails shown) {
        socketOptions.showEffective(about, options);
        // The subject first: a view that follows the details reads it when they change.
        subject.set(about);
        details.set(shown);
    }

    /** Details of the socket described; null while there is none. */
    public ReadOnlyObjectProperty<ConnectionDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** Which socket {@link #detailsProperty()} describes, e.g. "connection of client 127.0.0.1:50000". */
    public ReadOnlyStringProperty subjectProperty() {
        return subject.getReadOnlyProperty();
    }
}
