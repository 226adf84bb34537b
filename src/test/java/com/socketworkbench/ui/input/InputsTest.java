package com.socketworkbench.ui.input;

import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.Operation;
import com.socketworkbench.engine.net.SocketErrorException;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.CompletionException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The view models' settings inputs judge what is typed by themselves: plain properties, no controls, no toolkit. */
class InputsTest {

    @Test
    void aHostIsNeededWithoutSpacesAndIsUsedWithoutBrackets() {
        HostInput host = new HostInput("");
        assertEquals(InputVerdict.error("Enter a host name or address, e.g. 127.0.0.1"), host.verdict());
        assertFalse(host.isValid());

        host.textProperty().set("my host");
        assertEquals(InputVerdict.error("A host name cannot contain spaces"), host.verdict());

        host.textProperty().set("  [fe80::1]  ");
        assertTrue(host.isValid());
        assertEquals("[fe80::1]", host.text());
        assertEquals("fe80::1", host.host());
    }

    @Test
    void theVerdictFollowsEveryEditAndTellsItsListeners() {
        HostInput host = new HostInput("localhost");
        List<InputVerdict> seen = new ArrayList<>();
        host.verdictProperty().addListener((obs, old, now) -> seen.add(now));
        host.textProperty().set(" ");
        host.textProperty().set("example.org");
        assertEquals(List.of(InputVerdict.error("Enter a host name or address, e.g. 127.0.0.1"), InputVerdict.FINE),
                seen);
    }

    private static SocketErrorException startFailure(FailureKind kind, Operation operation, int port) {
        return new SocketErrorException(new Failure(Instant.now(), 0,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), port), null, operation, kind, "engine words",
                ""));
    }

    @Test
    void aPortInUseAtStartIsAnErrorAtTheFieldUntilEditedButStartStaysPossible() {
        PortInput port = PortInput.toListenOn("5000");
        SimpleBooleanProperty reuse = new SimpleBooleanProperty();
        port.forgetFindingOn(reuse);

        assertTrue(port.startFailed(new CompletionException(startFailure(FailureKind.PORT_IN_USE, Operation.START,
                5000))), "unwrapped from the executor's wrapper");
        assertEquals(InputVerdict.error("Port 5000 on 127.0.0.1 is held by another program: pick another port, "
                + "or 0 for any free one"), port.verdict());
        assertTrue(port.isValid(), "the other program may let go: Start can try again");

        port.textProperty().set("5001");
        assertEquals(InputVerdict.FINE, port.verdict(), "an edit is a new port");
        port.startFailed(startFailure(FailureKind.PORT_IN_USE, Operation.START, 5001));
        reuse.set(true);
        assertEquals(InputVerdict.FINE, port.verdict(), "a change of where or how it binds forgets it too");
        port.startFailed(startFailure(FailureKind.PORT_IN_USE, Operation.START, 5001));
        port.forgetFinding();
        assertEquals(InputVerdict.FINE, port.verdict());

        assertFalse(port.startFailed(startFailure(FailureKind.PERMISSION_DENIED, Operation.START, 5001)));
        assertFalse(port.startFailed(startFailure(FailureKind.PORT_IN_USE, Operation.SEND, 5001)));
        assertFalse(port.startFailed(new IllegalStateException("no failure event")));
        assertFalse(PortInput.toReach("80").startFailed(startFailure(FailureKind.PORT_IN_USE, Operation.START, 80)),
                "a port to reach is never bound");
        assertEquals(InputVerdict.FINE, port.verdict());
    }

    @Test
    void aPortToReachIsOneTo65535() {
        PortInput port = PortInput.toReach("443");
        assertEquals(443, port.port());
        assertEquals(InputVerdict.FINE, port.verdict());

        port.textProperty().set("0");
        assertEquals(-1, port.port());
        assertEquals(InputVerdict.error("Port must be a number from 1 to 65535"), port.verdict());

        port.textProperty().set("http");
        assertEquals(InputVerdict.error("'http' is not a number. Port must be a number from 1 to 65535"),
                port.verdict());
        assertFalse(port.isValid());
    }

    @Test
    void aPortToListenOnMayBeZeroAndIsOnlyHintedAtBelow1024() {
        PortInput port = PortInput.toListenOn("0");
        assertTrue(port.listening());
        assertEquals(0, port.port());
        assertEquals(InputVerdict.FINE, port.verdict());

        port.textProperty().set("22");
        assertTrue(port.isValid(), "a hint never blocks");
        assertEquals(InputVerdict.hint(PortInput.privilegedHint()), port.verdict());

        port.textProperty().set("-1");
        assertEquals(InputVerdict.error("Port must be a number from 0 to 65535 (0 = any free port)"),
                port.verdict());
    }

    @Test
    void theBindAddressListsTheMachinesAddressesOnlyWhenAskedAndWarnsForAWildcard() {
        BindChoice nic = new BindChoice("192.0.2.7", "192.0.2.7 — eth0", false);
        AtomicInteger listings = new AtomicInteger();
        BindAddressInput input = new BindAddressInput(BindAddressInput.Inbound.DATAGRAMS, "192.0.2.7", () -> {
            listings.incrementAndGet();
            return List.of(BindChoices.LOOPBACK_V4, nic, BindChoices.ANY_V4);
        });
        assertEquals(0, listings.get(), "building the model lists no interfaces");
        assertEquals("192.0.2.7", input.host(), "the remembered host is used as it is");
        assertEquals(InputVerdict.FINE, input.verdictProperty().get());

        assertEquals(List.of(BindChoices.LOOPBACK_V4, nic, BindChoices.ANY_V4), input.choices());
        assertEquals(nic, input.choiceProperty().get(), "once listed, the machine's own entry is chosen");
        input.choices();
        assertEquals(1, listings.get());

        input.select("0.0.0.0");
        assertEquals(InputVerdict.warning("Other machines on your network can send datagrams to this port"),
                input.verdictProperty().get());

        input.select("198.51.100.9");
        assertTrue(input.choices().contains(input.choiceProperty().get()), "a host gone from the machine is kept");
        assertEquals("198.51.100.9 — remembered (not found on this machine now)",
                input.choiceProperty().get().label());
    }

    @Test
    void aVerdictHasAMessageExactlyWhenItSaysSomething() {
        assertEquals(InputVerdict.FINE, InputVerdict.error(""));
        assertEquals(InputVerdict.FINE, InputVerdict.warning(""));
        assertThrows(IllegalArgumentException.class, () -> new InputVerdict(InputVerdict.Severity.HINT, ""));
        assertThrows(IllegalArgumentException.class, () -> new InputVerdict(InputVerdict.Severity.NONE, "x"));
        assertTrue(InputVerdict.error("bad").isError());
        assertFalse(InputVerdict.warning("careful").isError());
    }
}
