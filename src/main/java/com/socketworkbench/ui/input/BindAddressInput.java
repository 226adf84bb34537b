package com.socketworkbench.ui.input;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableObjectValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.function.Supplier;

/**
 * Where a listening socket binds, owned by a view model: loopback, an interface address, or a wildcard, and the
 * verdict on it — a wildcard is a warning, because other machines can then reach the port.
 *
 * <p>The machine's addresses are listed when the choices are first asked for (the view does when it is built):
 * listing interfaces takes time a tab nobody opens should not spend at start-up. Until then the remembered host is
 * chosen as it is.
 */
public final class BindAddressInput {
    /** What the bound socket takes from other machines, in the words of the warning and the tooltip. */
    public enum Inbound {
        CONNECTIONS("connections"),
        DATAGRAMS("datagrams");

        /** The suffix of its texts' keys in the input bundle. */
        private final String key;

        Inbound(String key) {
            this.key = key;
        }

        /** "Other machines on your network can connect to this port". */
        public String wildcardWarning() {
            return InputTexts.TEXT.get("bind.warning." + key);
        }

        String tooltip() {
            return InputTexts.TEXT.get("bind.tooltip." + key);
        }
    }

    /** What every machine has, known without listing its interfaces. */
    private static final List<BindChoice> ALWAYS = List.of(BindChoices.LOOPBACK_V4, BindChoices.LOOPBACK_V6,
            BindChoices.ANY_V4, BindChoices.ANY);

    private final Inbound inbound;
    private final Supplier<List<BindChoice>> available;
    private final ObservableList<BindChoice> choices = FXCollections.observableArrayList();
    private final ObjectProperty<BindChoice> choice = new SimpleObjectProperty<>(this, "choice");
    private final ObjectBinding<InputVerdict> verdict;
    private boolean listed;

    /** Lists the machine's addresses with {@link BindChoices#available()}. */
    public BindAddressInput(Inbound inbound, String rememberedHost) {
        this(inbound, rememberedHost, BindChoices::available);
    }

    /** @param available lists the addresses to offer (called once, when the choices are first asked for) */
    public BindAddressInput(Inbound inbound, String rememberedHost, Supplier<List<BindChoice>> available) {
        this.inbound = inbound;
        this.available = available;
        select(rememberedHost == null ? BindChoices.LOOPBACK_V4.host() : rememberedHost);
        verdict = Bindings.createObjectBinding(() -> choice.get() != null && choice.get().wildcard()
                ? InputVerdict.warning(inbound.wildcardWarning()) : InputVerdict.FINE, choice);
    }

    /** The addresses to choose from, safest first; the chosen one is always among them. */
    public ObservableList<BindChoice> choices() {
        if (!listed) {
            listed = true;
            choices.setAll(available.get());
            select(host());
        }
        return choices;
    }

    /** Chooses the address for {@code host}, adding it when the machine does not list it (any more). */
    public void select(String host) {
        BindChoice chosen = BindChoices.forHost(listed ? choices : ALWAYS, host);
        if (listed && !choices.contains(chosen)) {
            choices.add(chosen);
        }
        choice.set(chosen);
    }

    /** The chosen address (bound both ways to the picker). */
    public ObjectProperty<BindChoice> choiceProperty() {
        return choice;
    }

    /** The host to bind, e.g. "127.0.0.1". */
    public String host() {
        BindChoice chosen = choice.get();
        return chosen == null ? BindChoices.LOOPBACK_V4.host() : chosen.host();
    }

    /** A warning while a wildcard is chosen, else nothing. */
    public ObservableObjectValue<InputVerdict> verdictProperty() {
        return verdict;
    }

    public Inbound inbound() {
        return inbound;
    }
}
