package com.socketworkbench.engine.websocket;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Netty's WebSocket server on loopback (path {@code /echo}, subprotocol {@code chat}), echoing every message (its
 * fragments put together first) and answering pings. A few texts ask it to act: {@code close-me} makes it close with
 * 4000 "server says bye", {@code ping-me} makes it ping with "hi", {@code fragment-me} makes it send "fragment" in
 * two frames. What it received is kept for the tests.
 */
public final class NettyWsServer implements AutoCloseable {
    public static final String PATH = "/echo";
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel channel;
    private final List<Object> received = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();

    private NettyWsServer(SslContext ssl) throws InterruptedException {
        WebSocketServerProtocolConfig config = WebSocketServerProtocolConfig.newBuilder().websocketPath(PATH)
                .subprotocols("chat").maxFramePayloadLength(1 << 20).handleCloseFrames(true)
                .allowExtensions(false).dropPongFrames(false).build();
        channel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.incrementAndGet();
                        if (ssl != null) {
                            ch.pipeline().addLast(ssl.newHandler(ch.alloc()));
                        }
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
                                new WebSocketServerProtocolHandler(config), new Recorder(),
                                new WebSocketFrameAggregator(1 << 20), new Echo());
                    }
                }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    }

    public static NettyWsServer plain() throws InterruptedException {
        return new NettyWsServer(null);
    }

    public static NettyWsServer tls(TestCertificates certificates) throws Exception {
        return new NettyWsServer(SslContextBuilder.forServer(certificates.serverKey(), certificates.server(),
                certificates.ca()).build());
    }

    /** How many connections were accepted so far. */
    public int connections() {
        return connections.get();
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    public String url(boolean secure) {
        return (secure ? "wss" : "ws") + "://127.0.0.1:" + port() + PATH;
    }

    /** Each frame it received, described ("text fin=false Hel", "close 1000 bye", "pong hi"). */
    public List<Object> received() {
        return received;
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Notes every frame before the aggregator merges fragments. */
    private final class Recorder extends SimpleChannelInboundHandler<WebSocketFrame> {
        Recorder() {
            super(false);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            String payload = frame.content().toString(StandardCharsets.UTF_8);
            received.add(switch (frame) {
                case TextWebSocketFrame t -> "text fin=" + t.isFinalFragment() + " " + payload;
                case BinaryWebSocketFrame b -> "binary fin=" + b.isFinalFragment() + " " + b.content().readableBytes();
                case ContinuationWebSocketFrame c -> "continuation fin=" + c.isFinalFragment() + " " + payload;
                case PongWebSocketFrame p -> "pong " + payload;
                case PingWebSocketFrame p -> "ping " + payload;
                default -> frame.getClass().getSimpleName();
            });
            ctx.fireChannelRead(frame);
        }
    }

    private static final class Echo extends SimpleChannelInboundHandler<WebSocketFrame> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame instanceof TextWebSocketFrame text) {
                switch (text.text()) {
                    case "close-me" -> ctx.writeAndFlush(new CloseWebSocketFrame(4000, "server says bye"));
                    case "ping-me" -> ctx.writeAndFlush(new PingWebSocketFrame(
                            Unpooled.copiedBuffer("hi", StandardCharsets.UTF_8)));
                    case "fragment-me" -> {
                        ctx.write(new TextWebSocketFrame(false, 0, "frag"));
                        ctx.writeAndFlush(new ContinuationWebSocketFrame(true, 0, "ment"));
                    }
                    default -> ctx.writeAndFlush(new TextWebSocketFrame(text.text()));
                }
            } else if (frame instanceof BinaryWebSocketFrame binary) {
                ctx.writeAndFlush(new BinaryWebSocketFrame(binary.content().retain()));
            }
        }
    }
}
