package com.socketworkbench.ui.tcpserver;

import com.socketworkbench.engine.net.StaleSocketCheck;
import com.socketworkbench.engine.tcp.TcpServer;
import com.socketworkbench.ui.fx.EventPump;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.UiExecutor;
import com.socketworkbench.ui.stream.StreamSettings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * The offer to delete a stale socket file that kept the Unix transport from starting: made only when the engine
 * finds that nobody listens on the file, withdrawn when the path or the transport changes or a start begins. The
 * engine checks again before it deletes, and never deletes anything but a socket file.
 */
final class StaleSocketOffer {
    private final UiExecutor executor;
    private final EventPump pump;
    private final ReadOnlyStringWrapper path = new ReadOnlyStringWrapper(this, "staleSocketPath", "");

    StaleSocketOffer(StreamSettings stream, UiExecutor executor, EventPump pump, Subscriptions subscriptions) {
        this.executor = executor;
        this.pump = pump;
        // A new path or transport makes an offer about the old path meaningless.
        subscriptions.listen(stream.unixPath().textProperty(), (obs, old, now) -> withdraw());
        subscriptions.listen(stream.transportProperty(), (obs, old, now) -> withdraw());
    }

    /** Checks the file in the way (off the FX thread) and offers it when stale and {@code stillStopped} agrees. */
    void checkInTheWay(Path file, BooleanSupplier stillStopped) {
        executor.run("ui-unix-path-check", () -> TcpServer.checkUnixPath(file), found -> {
            if (found == StaleSocketCheck.STALE_SOCKET && stillStopped.getAsBoolean()) {
                path.set(file.toString());
            }
        }, failure -> { });
    }

    /**
     * Takes the offer: deletes the file off the FX thread, then runs {@code then} when it was deleted. The engine
     * reports the outcome to the timeline: a Notice, or the Failure that says why nothing was deleted.
     */
    void accept(Runnable then) {
        String offered = path.get();
        if (offered.isEmpty()) {
            return;
        }
        Path file = Path.of(offered);
        withdraw();
        executor.run("ui-unix-delete-stale", () -> TcpServer.deleteStaleSocket(file, pump), deleted -> {
            if (deleted) {
                then.run();
            }
        }, failure -> { });
    }

    void withdraw() {
        path.set("");
    }

    /** The path of the stale socket file on offer, or empty. */
    ReadOnlyStringProperty pathProperty() {
        return path.getReadOnlyProperty();
    }
}
