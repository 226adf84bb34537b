/**
 * The WebSocket tab ({@code #websocket}): connect to a ws:// or wss:// URL, see the opening handshake on both sides
 * with its accept check, every frame as a timeline row with its verdicts, and send text, binary, ping, pong and close.
 * The engine half is {@code engine.websocket}; see docs/websocket.md.
 */
package com.socketworkbench.ui.websocket;
