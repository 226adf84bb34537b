package com.socketworkbench.ui.relay;

import com.socketworkbench.engine.codec.PayloadFormat;
import com.socketworkbench.engine.relay.Faults;
import com.socketworkbench.engine.relay.HeldChunk;
import com.socketworkbench.engine.relay.RelayDirection;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The relay's fields judged as typed, and the held chunk's editor, without a toolkit or a relay. */
class RelayInputsTest {
    private final Subscriptions subscriptions = new Subscriptions();

    @AfterEach
    void tearDown() {
        subscriptions.dispose();
    }

    @Test
    void faultsAreBuiltFromValidFieldsAndNoneWhileOneIsWrong() {
        FaultsInput faults = new FaultsInput(RelayDirection.CLIENT_TO_SERVER, InMemoryPreferences.fresh());
        assertEquals(new Faults(Duration.ZERO, Duration.ZERO, 0, 0, 0), faults.faultsProperty().get(),
                "empty fields mean every fault off");
        faults.latency().textProperty().set("250");
        faults.bandwidth().textProperty().set("4");
        faults.segment().textProperty().set("3");
        assertEquals(new Faults(Duration.ofMillis(250), Duration.ZERO, 4096, 3, 0), faults.faultsProperty().get());

        faults.jitter().textProperty().set("-5");
        assertNull(faults.faultsProperty().get(), "nothing is applied while a field shows an error");
        assertEquals("Jitter (ms): \"-5\" is not a whole number of 0 or more", faults.jitter().verdict().message());
        faults.jitter().textProperty().set("70000");
        assertEquals("Jitter (ms): at most 60,000", faults.jitter().verdict().message());
        faults.jitter().textProperty().set("");
        assertEquals(Duration.ofMillis(250), faults.faultsProperty().get().latency());
    }

    @Test
    void bandwidthIsKibPerSecondByDefaultAndTakesBytesPerSecondWithAUnitAndIsSaved() {
        com.socketworkbench.ui.tab.AppPreferences preferences = InMemoryPreferences.fresh();
        FaultsInput faults = new FaultsInput(RelayDirection.SERVER_TO_CLIENT, preferences);
        faults.bandwidth().textProperty().set("960 B");
        assertEquals(960, faults.faultsProperty().get().bytesPerSecond(), "a 9,600-baud serial link");
        faults.bandwidth().textProperty().set("960B/s");
        assertEquals(960, faults.faultsProperty().get().bytesPerSecond());
        faults.bandwidth().textProperty().set("1.5 KiB");
        assertEquals(1536, faults.faultsProperty().get().bytesPerSecond());
        faults.bandwidth().textProperty().set("2 MiB");
        assertEquals(2 * 1024 * 1024, faults.faultsProperty().get().bytesPerSecond());
        faults.bandwidth().textProperty().set("0");
        assertEquals(0, faults.faultsProperty().get().bytesPerSecond(), "0 is off");

        faults.bandwidth().textProperty().set("fast");
        assertNull(faults.faultsProperty().get());
        assertEquals("Bandwidth: \"fast\" is not a rate: type KiB/s as a number, or add a unit, e.g. 960 B or 1.5 MiB",
                faults.bandwidth().verdict().message());
        faults.bandwidth().textProperty().set("9600 baud");
        assertEquals("Bandwidth: \"baud\" is not a unit: use B, KiB or MiB (per second; a plain number means KiB)",
                faults.bandwidth().verdict().message());
        faults.bandwidth().textProperty().set("0.4 B");
        assertEquals("Bandwidth: \"0.4 B\" is less than 1 byte per second; type 0 or leave it empty to turn the "
                + "limit off", faults.bandwidth().verdict().message());
        faults.bandwidth().textProperty().set("20000 MiB");
        assertEquals("Bandwidth: at most 10,000,000 KiB/s", faults.bandwidth().verdict().message());

        faults.bandwidth().textProperty().set("960 B");
        faults.save(preferences);
        FaultsInput reopened = new FaultsInput(RelayDirection.SERVER_TO_CLIENT, preferences);
        assertEquals("960 B", reopened.bandwidth().text());
        assertEquals(960, reopened.faultsProperty().get().bytesPerSecond());
    }

    @Test
    void theHoldTimeoutIsSecondsUpToAnHour() {
        RelaySettings settings = new RelaySettings(InMemoryPreferences.fresh());
        settings.holdTimeout().textProperty().set("abc");
        assertTrue(settings.holdTimeout().verdict().isError());
        settings.holdTimeout().textProperty().set("3601");
        assertEquals("The hold timeout (seconds): at most 3,600", settings.holdTimeout().verdict().message());
        settings.holdTimeout().textProperty().set("10");
        assertEquals(10, settings.holdTimeout().value());
    }

    @Test
    void badPortsAndHostsStopTheStart() {
        RelaySettings settings = new RelaySettings(InMemoryPreferences.fresh());
        assertTrue(settings.canStartBinding().get());
        settings.listenPort().textProperty().set("70000");
        assertFalse(settings.canStartBinding().get());
        assertTrue(settings.listenPort().verdict().isError());
        settings.listenPort().textProperty().set("0");
        settings.targetHost().textProperty().set("my host");
        assertFalse(settings.canStartBinding().get());
        settings.targetHost().textProperty().set("localhost");
        settings.targetPort().textProperty().set("0");
        assertFalse(settings.canStartBinding().get(), "the target needs a real port");
        settings.targetPort().textProperty().set("5000");
        assertTrue(settings.canStartBinding().get());
    }

    @Test
    void theEditorShowsTextOrHexAndABadHexDigitStopsForward() {
        HeldEditor editor = new HeldEditor(subscriptions);
        assertFalse(editor.canForwardProperty().get(), "nothing held, nothing to forward");
        byte[] bytes = "hi\r\n\u0000".getBytes(StandardCharsets.UTF_8);
        editor.show(new HeldChunk(1, 2, RelayDirection.CLIENT_TO_SERVER, bytes, Instant.now()));
        assertEquals("hi\\r\\n\\0", editor.textProperty().get().replace("\\x00", "\\0"));
        assertTrue(editor.canForwardProperty().get());
        assertArrayEquals(bytes, editor.bytes().orElseThrow());

        assertTrue(editor.switchFormat(PayloadFormat.HEX));
        assertEquals("68 69 0d 0a 00", editor.textProperty().get());
        editor.textProperty().set("68 69 zz");
        assertFalse(editor.canForwardProperty().get());
        assertTrue(editor.errorProperty().get().startsWith("Cannot forward this: "), editor.errorProperty().get());
        assertFalse(editor.switchFormat(PayloadFormat.TEXT));
        assertEquals(PayloadFormat.HEX, editor.formatProperty().get(), "invalid hex stays hex until it is fixed");
        assertTrue(editor.noteProperty().get().startsWith("Stayed in Hex: "), editor.noteProperty().get());

        editor.textProperty().set("48 49");
        assertEquals("", editor.noteProperty().get(), "typing clears the note");
        assertTrue(editor.switchFormat(PayloadFormat.TEXT));
        assertEquals("HI", editor.textProperty().get());
        assertArrayEquals("HI".getBytes(StandardCharsets.US_ASCII), editor.bytes().orElseThrow());
        assertTrue(editor.canForwardProperty().get());
    }

    @Test
    void binaryHexBecomesEscapedTextAndBackExactly() {
        HeldEditor editor = new HeldEditor(subscriptions);
        byte[] bytes = {(byte) 0xff, 0x41, (byte) 0xc3};
        editor.show(new HeldChunk(1, 2, RelayDirection.CLIENT_TO_SERVER, bytes, Instant.now()));
        assertTrue(editor.switchFormat(PayloadFormat.HEX));
        assertEquals("ff 41 c3", editor.textProperty().get());
        assertTrue(editor.switchFormat(PayloadFormat.TEXT), "any bytes have a text form with escapes");
        assertEquals(PayloadFormat.TEXT, editor.formatProperty().get());
        assertEquals("\\xffA\\xc3", editor.textProperty().get());
        assertEquals("", editor.noteProperty().get());
        assertArrayEquals(bytes, editor.bytes().orElseThrow());
        editor.textProperty().set("bye");
        assertTrue(editor.canForwardProperty().get(), "typed text is text, not bad hex");
    }

    @Test
    void udpIdleAndConnectTimeoutAreWholeSecondsAboveZeroAndReachTheConfig() {
        RelaySettings settings = new RelaySettings(InMemoryPreferences.fresh());
        assertEquals(Duration.ofSeconds(60), settings.config().udpPairIdle());
        assertEquals(Duration.ofSeconds(10), settings.config().connectTimeout());
        settings.udpPairIdle().textProperty().set("0");
        assertEquals("The UDP pair idle time (seconds): a whole number from 1 to 86,400",
                settings.udpPairIdle().verdictProperty().get().message());
        settings.udpPairIdle().textProperty().set("");
        assertFalse(settings.udpPairIdle().isValid(), "empty cannot mean off here");
        assertTrue(settings.canStartBinding().get(), "a TCP relay ignores the UDP field");
        settings.transportProperty().set(com.socketworkbench.engine.relay.RelayTransport.UDP);
        assertFalse(settings.canStartBinding().get());
        settings.udpPairIdle().textProperty().set("90");
        assertTrue(settings.canStartBinding().get());
        assertEquals(Duration.ofSeconds(90), settings.config().udpPairIdle());

        settings.connectTimeout().textProperty().set("601");
        assertFalse(settings.connectTimeout().isValid());
        settings.connectTimeout().textProperty().set("3");
        assertEquals(Duration.ofSeconds(3), settings.config().connectTimeout());
    }
}
