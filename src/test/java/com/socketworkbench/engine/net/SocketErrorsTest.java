package com.socketworkbench.engine.net;

import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.Operation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SocketErrorsTest {
    private static final InetSocketAddress REMOTE = new InetSocketAddress("127.0.0.1", 9);
    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 8080);

    @Test
    void classifiesTheUsualSocketErrors() {
        assertEquals(FailureKind.CONNECTION_REFUSED, SocketErrors.classify(new ConnectException("Connection refused")));
        assertEquals(FailureKind.CONNECT_TIMEOUT, SocketErrors.classify(new SocketTimeoutException("Connect timed out")));
        assertEquals(FailureKind.CONNECT_TIMEOUT, SocketErrors.classify(new ConnectException("Connection timed out")));
        assertEquals(FailureKind.UNKNOWN_HOST, SocketErrors.classify(new UnknownHostException("foo.invalid")));
        assertEquals(FailureKind.UNKNOWN_HOST, SocketErrors.classify(new UnresolvedAddressException()));
        assertEquals(FailureKind.PORT_IN_USE, SocketErrors.classify(new BindException("Address already in use")));
        assertEquals(FailureKind.ADDRESS_NOT_AVAILABLE,
                SocketErrors.classify(new BindException("Cannot assign requested address")));
        assertEquals(FailureKind.PERMISSION_DENIED, SocketErrors.classify(new BindException("Permission denied")));
        assertEquals(FailureKind.CONNECTION_RESET, SocketErrors.classify(new SocketException("Connection reset")));
        assertEquals(FailureKind.CONNECTION_RESET,
                SocketErrors.classify(new IOException("Connection reset by peer")));
        assertEquals(FailureKind.BROKEN_PIPE, SocketErrors.classify(new IOException("Broken pipe")));
        assertEquals(FailureKind.NETWORK_UNREACHABLE,
                SocketErrors.classify(new ConnectException("Network is unreachable")));
        assertEquals(FailureKind.NETWORK_UNREACHABLE, SocketErrors.classify(new NoRouteToHostException("x")));
        assertEquals(FailureKind.IO_ERROR, SocketErrors.classify(new IOException("Socket closed")));
        assertEquals(FailureKind.IO_ERROR, SocketErrors.classify(new IOException()));
    }

    @Test
    void looksThroughWrappers() {
        assertEquals(FailureKind.CONNECTION_REFUSED,
                SocketErrors.classify(new CompletionException(new ConnectException("Connection refused"))));
    }

    @Test
    void writesMessagesForUsers() {
        assertEquals("Connection refused: nothing is listening on 127.0.0.1:9 (or a firewall rejected it)",
                message(new ConnectException("Connection refused"), Operation.CONNECT));
        assertEquals("Port 8080 on 127.0.0.1 is already in use by another program",
                message(new BindException("Address already in use"), Operation.START));
        assertEquals("Unknown host 'foo.invalid': the name could not be resolved",
                SocketErrors.toFailure(new UnknownHostException("foo.invalid: Name or service not known"),
                        Operation.CONNECT, 1, null, InetSocketAddress.createUnresolved("foo.invalid", 80)).message());
        assertEquals("Unknown host 'foo.invalid': the name could not be resolved",
                SocketErrors.toFailure(new UnknownHostException("foo.invalid: Name or service not known"),
                        Operation.CONNECT, 1, null, null).message());
        assertTrue(message(new SocketTimeoutException("Connect timed out"), Operation.CONNECT)
                .startsWith("No answer from 127.0.0.1:9"));
        assertEquals("Could not read from 127.0.0.1:9: Socket closed",
                message(new IOException("Socket closed"), Operation.RECEIVE));
    }

    @Test
    void privilegedPortsGetAHint() {
        String text = SocketErrors.toFailure(new BindException("Permission denied"), Operation.START, 0,
                new InetSocketAddress("0.0.0.0", 80), null).message();
        assertTrue(text.contains("port 80") && text.contains("below 1024"), text);
        assertTrue(text.contains("all interfaces (0.0.0.0)"), text);
    }

    @Test
    void anUnavailableAddressIsExplainedWithoutGuessingWhy() {
        String bind = SocketErrors.toFailure(new BindException("Cannot assign requested address"), Operation.START,
                0, new InetSocketAddress("192.0.2.7", 5000), null).message();
        assertTrue(bind.startsWith("Cannot listen on 192.0.2.7"), bind);
        String connect = message(new ConnectException("Cannot assign requested address"), Operation.CONNECT);
        assertTrue(connect.contains("127.0.0.1:9"), connect);
    }

    @Test
    void aConnectTimeoutNamesTheTimeout() {
        Failure failure = SocketErrors.connectTimeout(3, null, REMOTE, Duration.ofSeconds(5),
                new SocketTimeoutException("Connect timed out"));
        assertEquals(FailureKind.CONNECT_TIMEOUT, failure.kind());
        assertEquals("No answer from 127.0.0.1:9 within 5 s", failure.message());
        assertEquals(3, failure.connectionId());
    }

    @Test
    void keepsTheTechnicalDetailWithoutAStackTrace() {
        Failure failure = SocketErrors.toFailure(new SocketException("Connection reset"), Operation.RECEIVE, 7, LOCAL,
                REMOTE);
        assertEquals("java.net.SocketException: Connection reset", failure.technicalDetail());
        assertEquals(Operation.RECEIVE, failure.operation());
        assertEquals(7, failure.connectionId());
        assertSame(LOCAL, failure.local());
        assertSame(REMOTE, failure.remote());
        assertFalse(failure.message().contains("Exception"));
    }

    @Test
    void aKnownFailureIsPassedThrough() {
        Failure failure = SocketErrors.connectTimeout(1, null, REMOTE, Duration.ofSeconds(1), null);
        assertSame(failure, SocketErrors.toFailure(new SocketErrorException(failure), Operation.CONNECT, 1, null,
                REMOTE));
        assertEquals(FailureKind.CONNECT_TIMEOUT, SocketErrors.classify(new SocketErrorException(failure)));
    }

    private static String message(Throwable t, Operation action) {
        return SocketErrors.toFailure(t, action, 1, LOCAL, REMOTE).message();
    }
}
