/**
 * WebSocket (RFC 6455) as a client, without JavaFX: the URL ({@link com.socketworkbench.engine.websocket.WsUrl}),
 * the opening handshake and its checks ({@link com.socketworkbench.engine.websocket.Handshake}), the frame codec
 * ({@link com.socketworkbench.engine.websocket.FrameEncoder}, the streaming
 * {@link com.socketworkbench.engine.websocket.FrameDecoder}), the checks of what a server sends
 * ({@link com.socketworkbench.engine.websocket.MessageAssembler}) and one connection's
 * {@link com.socketworkbench.engine.websocket.WsSession}, which reports what happens as
 * {@link com.socketworkbench.engine.websocket.WsEvent}s. See docs/websocket.md.
 */
package com.socketworkbench.engine.websocket;
