package com.socketworkbench.ui.input;

import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.Operation;
import com.socketworkbench.engine.net.Endpoints;
import com.socketworkbench.engine.net.SocketErrorException;
import com.socketworkbench.ui.fx.UiExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableObjectValue;
import javafx.beans.value.ObservableValue;

import java.net.InetSocketAddress;

/**
 * A port number as typed, judged live with {@link Endpoints#validatePort}. A port to listen on may be 0 (the system
 * picks a free one) and gets a hint, not an error, below 1024 (binding may need root); a port to reach is 1–65535.
 *
 * <p>A listener's port can also be found taken only when a start binds it ({@link #startFailed}): that is shown at
 * the field like a typed error, until the port or where it binds is edited or a start succeeds. It does not make the
 * input invalid: the other program may let go of the port, and Start must stay there to try again. A start may also
 * leave a hint ({@link #startNote}): the relay's target port where nothing listened when it started.
 */
public final class PortInput extends TextInput {
    /** The hint under a listener's port below 1024, in the language in use. */
    public static String privilegedHint() {
        return InputTexts.TEXT.get("port.privileged");
    }

    private final boolean listening;
    /** What the last start found about this port ("held by another program", "nothing listens there"), or FINE. */
    private final ObjectProperty<InputVerdict> found = new SimpleObjectProperty<>(this, "found", InputVerdict.FINE);
    /** What the field shows: what the last start found, else the verdict on the text. */
    private final ObjectBinding<InputVerdict> shown;

    private PortInput(String initial, boolean listening) {
        super(initial, text -> check(text, listening));
        this.listening = listening;
        ObservableObjectValue<InputVerdict> typed = super.verdictProperty();
        shown = Bindings.createObjectBinding(() -> found.get() != InputVerdict.FINE ? found.get() : typed.get(),
                found, typed);
        // Any edit is a new port: what the last start found says nothing about it.
        textProperty().addListener((text, was, now) -> forgetFinding());
    }

    /** A port a listener binds: 0–65535, with the privileged-port hint. */
    public static PortInput toListenOn(String initial) {
        return new PortInput(initial, true);
    }

    /** A port to connect or send to: 1–65535. */
    public static PortInput toReach(String initial) {
        return new PortInput(initial, false);
    }

    private static InputVerdict check(String text, boolean listening) {
        try {
            int port = Endpoints.validatePort(text, listening);
            return InputVerdict.hint(listening && port > 0 && port < 1024 ? privilegedHint() : "");
        } catch (IllegalArgumentException e) {
            return InputVerdict.error(e.getMessage());
        }
    }

    /**
     * Judges a start's failure: when the engine's {@link Failure} (in its {@link SocketErrorException}) says the
     * address was in use at {@link Operation#START}, the field shows which port, that another program holds it and
     * what to do, as an error. Anything else leaves the field alone (the tab's banner says it).
     *
     * @param failure what the start threw, as an executor hands it over (wrapped or not)
     * @return true when the field now shows the port in use
     */
    public boolean startFailed(Throwable failure) {
        if (listening && UiExecutor.unwrap(failure) instanceof SocketErrorException error
                && error.failure().operation() == Operation.START
                && error.failure().kind() == FailureKind.PORT_IN_USE
                && error.failure().local() instanceof InetSocketAddress requested) {
            String host = requested.getAddress() == null ? requested.getHostString()
                    : Endpoints.addressText(requested.getAddress());
            found.set(InputVerdict.error(InputTexts.TEXT.get("port.inUse", requested.getPort(), host)));
            return true;
        }
        return false;
    }

    /**
     * A hint the start found about this port (the relay's target: nothing listens there just now), shown at the field
     * until it is edited or {@link #forgetFinding()}.
     */
    public void startNote(String hint) {
        found.set(InputVerdict.hint(hint));
    }

    /**
     * Forgets what a start found: a start bound the port, the listener stopped, or the settings changed, so it no
     * longer applies.
     */
    public void forgetFinding() {
        found.set(InputVerdict.FINE);
    }

    /**
     * Also forgets what a start found when one of {@code others} changes (the bind address, the transport): the same
     * number there is another socket. Owned by the same settings as this input, so the listeners live as long.
     */
    public void forgetFindingOn(ObservableValue<?>... others) {
        for (ObservableValue<?> other : others) {
            other.addListener((value, was, now) -> forgetFinding());
        }
    }

    /** True while the field shows a port a start found in use. */
    public boolean shownInUse() {
        return found.get().isError();
    }

    /** The verdict the field shows: what the last start found, else the verdict on the text. */
    @Override
    public ObservableObjectValue<InputVerdict> verdictProperty() {
        return shown;
    }

    @Override
    public InputVerdict verdict() {
        return shown.get();
    }

    /** True for a listener's port (0 allowed). */
    public boolean listening() {
        return listening;
    }

    /** The port typed, or -1 while the text is no valid port. */
    public int port() {
        try {
            return Endpoints.validatePort(textProperty().get() == null ? "" : textProperty().get(), listening);
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }
}
