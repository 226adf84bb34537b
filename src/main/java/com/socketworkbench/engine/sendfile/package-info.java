/**
 * Send file: a file streamed in chunks (never read whole) to a send path, with progress, rate, ETA, an optional rate
 * limit and cancel; for UDP each chunk is one datagram. No JavaFX.
 */
package com.socketworkbench.engine.sendfile;
