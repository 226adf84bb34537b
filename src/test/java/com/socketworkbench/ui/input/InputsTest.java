package com.socketworkbench.ui.input;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
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
