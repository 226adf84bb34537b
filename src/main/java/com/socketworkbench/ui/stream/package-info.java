/**
 * Controls only stream (TCP and Unix domain socket) tabs have: receive framing, split send, socket options with
 * what the kernel granted, connection details, the three close modes, and the transport choice with its socket
 * path; {@link com.socketworkbench.ui.stream.StreamSettings} holds and remembers their models, and
 * {@link com.socketworkbench.ui.stream.StreamStyles} brings their stylesheet.
 */
package com.socketworkbench.ui.stream;
