package com.socketworkbench.engine.tcp;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.Notice;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.tls.JdkTlsServer;
import com.socketworkbench.engine.tls.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * B2: TLS meeting a plain connection is said in words on the plain side: a TLS hello at the plain server, a TLS
 * alert at the plain client. Once per connection, before the bytes, which stay as they came.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TcpTlsOnPlainTest {
    @RegisterExtension
    final TcpFixture tcp = new TcpFixture();
    private final RecordingSink sink = tcp.sink();

    @Test
    void aTlsClientAtOurPlainServerIsSaidToSpeakTls() throws Exception {
        TcpServer server = tcp.server();
        SSLSocket tls = tcp.track((SSLSocket) SSLContext.getDefault().getSocketFactory()
                .createSocket("127.0.0.1", server.localAddress().getPort()));
        tls.setSoTimeout(2_000);
        Thread.ofVirtual().start(() -> {
            try {
                tls.startHandshake(); // never answered: our server is plain
            } catch (Exception expected) {
                // the test is about the server's timeline
            }
        });
        Notice notice = sink.awaitFirst(Notice.class, n -> n.message().contains("TLS handshake"));
        assertTrue(notice.message().startsWith("This looks like a TLS handshake (a TLS hello): the peer speaks TLS"),
                notice.message());
        BytesReceived hello = sink.awaitFirst(BytesReceived.class, b -> b.connectionId() == notice.connectionId());
        assertEquals(0x16, hello.data()[0], "the bytes are shown as they came");
        List<NetEvent> events = sink.all();
        assertTrue(events.indexOf(notice) < events.indexOf(hello), events.toString());
        assertEquals(1, sink.of(Notice.class, notice.connectionId()).stream()
                .filter(n -> n.message().contains("TLS")).count());
    }

    @Test
    void aTlsAlertAtOurPlainClientIsSaidToComeFromATlsPeer() throws Exception {
        ServerSocket listener = tcp.listener();
        TcpClient client = tcp.client(listener);
        Socket peer = tcp.connect(client, listener);
        byte[] alert = {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x46};
        peer.getOutputStream().write(alert);
        peer.getOutputStream().write(TcpFixture.ascii("more")); // later reads are not looked at
        BytesReceived received = sink.awaitFirst(BytesReceived.class);
        assertArrayEquals(alert, java.util.Arrays.copyOf(received.data(), alert.length));
        List<Notice> notices = sink.of(Notice.class, client.id()).stream()
                .filter(n -> n.message().contains("TLS")).toList();
        assertEquals(1, notices.size(), sink.all().toString());
        assertTrue(notices.getFirst().message().startsWith("This looks like a TLS alert: the peer speaks TLS"),
                notices.getFirst().message());
    }

    @Test
    void aPlainClientRefusedByAJdkTlsServerHearsItIsATlsAlert() throws Exception {
        JdkTlsServer server = tcp.track(new JdkTlsServer(TestCertificates.leaf(TestCertificates.ca("CA"))
                .serverContext(null)));
        TcpClient client = tcp.track(new TcpClient(new TcpClientConfig("127.0.0.1", server.port()), sink));
        client.connect().get(10, TimeUnit.SECONDS);
        // A TLS 1.2 record header whose body is no hello: the JDK answers with an alert before it closes.
        client.send(new byte[]{0x16, 0x03, 0x03, 0x00, 0x05, 0x00, 0x00, 0x00, 0x01, 0x00}).get(5, TimeUnit.SECONDS);
        BytesReceived answer = sink.awaitFirst(BytesReceived.class, b -> b.connectionId() == client.id());
        assertEquals(0x15, answer.data()[0], "the JDK refuses the broken hello with an alert");
        assertTrue(sink.of(Notice.class, client.id()).stream()
                .anyMatch(n -> n.message().startsWith("This looks like a TLS alert")), sink.all().toString());
    }

    @Test
    void plainBytesGetNoWord() throws Exception {
        TcpServer server = tcp.server();
        Socket peer = tcp.peer(server);
        peer.getOutputStream().write(TcpFixture.ascii("\u0016\u0003hello"));
        BytesReceived received = sink.awaitFirst(BytesReceived.class);
        assertTrue(sink.of(Notice.class, received.connectionId()).stream()
                .noneMatch(n -> n.message().contains("TLS")), sink.all().toString());
    }
}
