package com.socketworkbench.engine.options;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** reread(): fresh values from the socket, with what apply() recorded about the request. */
@Timeout(10)
class SocketOptionsRereadTest {

    @Test
    void keepsRequestsAndNotesAndSeesLaterChanges() throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.INET)) {
            SocketOptionsSpec spec = new SocketOptionsSpec(null, false, null, null, null, 0, null,
                    Duration.ofSeconds(3), null, true, null, null);
            EffectiveOptions applied = SocketOptionsApplier.apply(channel, spec);
            EffectiveOptions same = SocketOptionsApplier.reread(channel, applied);
            assertEquals(applied, same);

            channel.setOption(StandardSocketOptions.SO_LINGER, 7);
            EffectiveOptions later = SocketOptionsApplier.reread(channel, applied);
            OptionValue linger = later.find("SO_LINGER").orElseThrow();
            assertEquals("0 s (abort)", linger.requested());
            assertEquals("7 s", linger.effective());
            assertNull(linger.note(), "the note explained a value the socket no longer has");
            assertEquals(OptionValue.NOT_SUPPORTED, later.effective("SO_BROADCAST").orElseThrow());
            assertEquals("3 s", later.values().getLast().effective());
            assertEquals("read idle timeout", later.values().getLast().name());

            assertEquals(SocketOptionsApplier.read(channel),
                    SocketOptionsApplier.reread(channel, new EffectiveOptions(List.of())));
        }
    }
}
