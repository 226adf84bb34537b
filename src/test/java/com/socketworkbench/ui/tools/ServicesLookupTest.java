package com.socketworkbench.ui.tools;

import com.socketworkbench.engine.tools.PortRanges.KernelPorts;
import com.socketworkbench.engine.tools.PortRanges.PortInterval;
import com.socketworkbench.engine.tools.PortRanges.Range;
import com.socketworkbench.engine.tools.ServiceTable;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The services box: what a query means and how it is answered, against the built-in table. */
class ServicesLookupTest {
    private static final ServiceTable TABLE = ServiceTable.builtIn();
    private static final KernelPorts KERNEL = new KernelPorts(Optional.of(new PortInterval(32768, 60999)),
            OptionalInt.of(1024));

    @Test
    void queriesAreNamesPortsOrEverything() {
        assertEquals(new ServiceQuery("http", -1, null), ServiceQuery.parse(" http "));
        assertEquals(new ServiceQuery(null, 22, null), ServiceQuery.parse("22"));
        assertEquals(new ServiceQuery(null, 53, "udp"), ServiceQuery.parse("53/UDP"));
        assertEquals(new ServiceQuery("domain", -1, "udp"), ServiceQuery.parse("domain / udp"));
        assertTrue(ServiceQuery.parse("").isAll());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ServiceQuery.parse("65536")).getMessage()
                .contains("65535"));
        assertThrows(IllegalArgumentException.class, () -> ServiceQuery.parse("80/"));
        assertThrows(IllegalArgumentException.class, () -> ServiceQuery.parse("what's this"));
    }

    @Test
    void aNameGivesItsPortsLikeGetservbyname() {
        ServiceAnswer answer = ServiceAnswer.answer(ServiceQuery.parse("http"), "tcp", TABLE, KERNEL);
        assertEquals("getservbyname('http', 'tcp')", answer.call());
        assertEquals("80/tcp", answer.answer());
        assertTrue(answer.found());
        assertEquals(Range.WELL_KNOWN, answer.portClass().range());
    }

    @Test
    void aPortGivesItsNamesLikeGetservbyport() {
        ServiceAnswer answer = ServiceAnswer.answer(ServiceQuery.parse("22"), null, TABLE, KERNEL);
        assertEquals("getservbyport(22)", answer.call());
        assertEquals("ssh", answer.answer());
        assertFalse(answer.entries().isEmpty());

        ServiceAnswer ephemeral = ServiceAnswer.answer(ServiceQuery.parse("40000"), null, TABLE, KERNEL);
        assertFalse(ephemeral.found());
        assertTrue(ephemeral.answer().contains("OSError"), ephemeral.answer());
        assertTrue(ephemeral.portClass().inEphemeral());
    }

    @Test
    void theProtocolInTheQueryWinsOverTheChoiceBesideIt() {
        ServiceAnswer answer = ServiceAnswer.answer(ServiceQuery.parse("53/udp"), "tcp", TABLE, KERNEL);
        assertEquals("getservbyport(53, 'udp')", answer.call());
        assertTrue(answer.entries().stream().allMatch(e -> e.protocol().equals("udp")));
    }

    @Test
    void anEmptyQueryListsTheTable() {
        ServiceAnswer all = ServiceAnswer.answer(ServiceQuery.parse(""), null, TABLE, KERNEL);
        assertEquals(TABLE.entries().size(), all.entries().size());
        assertEquals("", all.call());
        assertNull(all.portClass());
        ServiceAnswer unknown = ServiceAnswer.answer(ServiceQuery.parse("no-such"), null, TABLE, KERNEL);
        assertTrue(unknown.answer().contains("service/proto not found"));
    }
}
