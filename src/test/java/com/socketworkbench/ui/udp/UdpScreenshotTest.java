package com.socketworkbench.ui.udp;

import com.socketworkbench.app.AppDriver;
import com.socketworkbench.app.Screenshots;
import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.ui.traffic.TimelineRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.util.WaitForAsyncUtils;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives the real app's UDP tab at 1280x800 with loopback traffic from three peers (text and binary datagrams, one
 * reply) and writes {@code udp.png} into {@code screenshots.dir}. Run with {@code mvn test -Pscreenshots}.
 */
@Tag("screenshots")
@Timeout(120)
class UdpScreenshotTest {
    private static final Pattern BOUND = Pattern.compile("Bound to 127\\.0\\.0\\.1:(\\d+)");

    private final AppDriver driver = new AppDriver();

    @BeforeEach
    void launch() throws Exception {
        driver.launch();
        Screenshots.sizeWindow(driver.stage());
        driver.selectTab("udp");
    }

    @AfterEach
    void close() throws Exception {
        driver.close();
    }

    @Test
    void udp() throws Exception {
        driver.setText("#udp #port", "0");
        driver.click("#udp #startStop");
        driver.waitUntil(() -> BOUND.matcher(driver.text("#udp #listeningAddress")).matches());
        Matcher matcher = BOUND.matcher(driver.text("#udp #listeningAddress"));
        assertTrue(matcher.matches());
        InetSocketAddress tab = new InetSocketAddress(InetAddress.getLoopbackAddress(),
                Integer.parseInt(matcher.group(1)));

        try (DatagramSocket sensor = peer(); DatagramSocket logger = peer(); DatagramSocket device = peer()) {
            send(sensor, tab, "temp=21.5C id=sensor-1".getBytes(StandardCharsets.US_ASCII));
            send(logger, tab, "<134>Nov 27 10:02:11 host app: user login ok".getBytes(StandardCharsets.US_ASCII));
            byte[] frame = {0x02, 0x10, 0x00, 0x2a, (byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef, 0x48, 0x65,
                    0x6c, 0x6c, 0x6f, 0x00, (byte) 0xff, 0x7f, 0x41, 0x42, 0x43, 0x03, 0x11, 0x22};
            send(device, tab, frame);
            send(sensor, tab, "temp=21.6C id=sensor-1".getBytes(StandardCharsets.US_ASCII));
            send(device, tab, new byte[0]);
            TimelineRow binary = driver.waitForRow("#udp #timeline",
                    row -> row.event() instanceof BytesReceived r && Arrays.equals(r.data(), frame));
            driver.waitUntilCounted(2, 5);

            driver.clickRow("#udp #timeline", binary);
            driver.click("#udp #replyToSender");
            fxRun(() -> driver.<javafx.scene.control.ComboBox<com.socketworkbench.engine.codec.PayloadFormat>>node(
                    "#udp #inputFormat").setValue(com.socketworkbench.engine.codec.PayloadFormat.HEX));
            driver.setText("#udp #input", "06 00 2a");
            driver.click("#udp #send");
            byte[] ack = new byte[16];
            DatagramPacket packet = new DatagramPacket(ack, ack.length);
            device.receive(packet);
            assertArrayEquals(new byte[]{0x06, 0x00, 0x2a}, Arrays.copyOf(ack, packet.getLength()));
            driver.waitForRow("#udp #timeline", row -> row.event() instanceof BytesSent);

            driver.clickRow("#udp #timeline", binary);
            driver.setText("#udp #input", "06 00 2b");
            // Let the once-a-second rate and kernel drop readings appear.
            driver.waitUntil(() -> driver.text("#udp #kernelDrops").matches("Kernel drops: (\\d+|not reported)"));
            WaitForAsyncUtils.waitForFxEvents();
            Path file = Screenshots.write(driver.stage().getScene(), "udp.png");
            assertTrue(Files.size(file) > 10_000, "a real picture was written to " + file);
        }
    }

    private static DatagramSocket peer() throws Exception {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static void send(DatagramSocket socket, InetSocketAddress to, byte[] data) throws Exception {
        socket.send(new DatagramPacket(data, data.length, to));
    }
}
