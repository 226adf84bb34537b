package com.socketworkbench.ui.stream;

import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.InMemoryPreferences;

import com.socketworkbench.engine.options.SocketOptionsSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SocketOptionsModelTest {
    private final AppPreferences preferences = InMemoryPreferences.fresh();
    private final SocketOptionsModel model = new SocketOptionsModel(preferences, new Subscriptions());

    @Test
    void nothingRequestedLeavesEveryOptionAlone() {
        assertTrue(model.spec().isEmpty());
        assertEquals("", model.errorProperty().get());
    }

    @Test
    void fieldsBecomeTheEnginesSpec() {
        model.tcpNoDelayProperty().set(false);
        model.keepAliveProperty().set(true);
        model.receiveBufferProperty().set("64 KiB");
        model.sendBufferProperty().set("4096");
        model.lingerProperty().set("off");
        model.ipTosProperty().set("0x10");
        model.readIdleTimeoutProperty().set("500 ms");
        SocketOptionsSpec spec = model.spec();
        assertEquals(Boolean.FALSE, spec.tcpNoDelay());
        assertEquals(Boolean.TRUE, spec.keepAlive());
        assertEquals(65536, spec.receiveBuffer());
        assertEquals(4096, spec.sendBuffer());
        assertEquals(-1, spec.lingerSeconds());
        assertEquals(16, spec.ipTos());
        assertEquals(Duration.ofMillis(500), spec.readIdleTimeout());

        model.lingerProperty().set("0");
        model.readIdleTimeoutProperty().set("2 min");
        assertEquals(0, model.spec().lingerSeconds());
        assertEquals(Duration.ofMinutes(2), model.spec().readIdleTimeout());
    }

    @Test
    void aWrongFieldNamesItsOption() {
        model.ipTosProperty().set("300");
        assertEquals(SocketOptionsModel.IP_TOS, model.errorOptionProperty().get());
        assertTrue(model.errorProperty().get().contains("0 to 255"), model.errorProperty().get());
        assertTrue(model.validSpec().isEmpty());

        model.ipTosProperty().set("");
        model.receiveBufferProperty().set("lots");
        assertEquals(SocketOptionsModel.RECEIVE_BUFFER, model.errorOptionProperty().get());
        model.receiveBufferProperty().set("");
        model.readIdleTimeoutProperty().set("soon");
        assertEquals(SocketOptionsModel.READ_IDLE_TIMEOUT, model.errorOptionProperty().get());
        model.readIdleTimeoutProperty().set("30");
        assertEquals("", model.errorProperty().get());
        assertEquals(Duration.ofSeconds(30), model.spec().readIdleTimeout());
    }

    @Test
    void requestsAreRemembered() {
        model.tcpNoDelayProperty().set(false);
        model.receiveBufferProperty().set("65536");
        model.save();
        SocketOptionsModel again = new SocketOptionsModel(preferences, new Subscriptions());
        assertEquals(Boolean.FALSE, again.tcpNoDelayProperty().get());
        assertEquals(65536, again.spec().receiveBuffer());
        assertEquals(null, again.keepAliveProperty().get());
    }
}
