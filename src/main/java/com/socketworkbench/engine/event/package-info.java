/**
 * The events every engine component emits through its {@link com.socketworkbench.engine.event.EventSink}, from its
 * own named virtual threads, never blocking on the receiver.
 *
 * <h2>One channel for failures</h2>
 * Every operation a component fails is reported by exactly one {@link com.socketworkbench.engine.event.Failure}
 * event, emitted before the operation's future completes or its method returns: a failed bind or connect, a send
 * refused by its checks ("not connected", a bad target, a plan over the limits, a full queue) or by the system, a
 * rejected argument, a multicast join or leave, a socket option the system refused. The Failure carries what a
 * timeline row and a reaction need: the {@link com.socketworkbench.engine.event.Operation}, the
 * {@link com.socketworkbench.engine.event.FailureKind}, the connection id, the addresses and a message for the user.
 * A UI reports failures from these events alone and reacts to a specific one by its operation and kind.
 *
 * <p>Futures and exceptions only signal completion, never something to report again:
 * <ul>
 *   <li>an operation the engine failed completes its future exceptionally with (or its method throws) a
 *       {@link com.socketworkbench.engine.net.SocketErrorException} carrying the very Failure that was emitted;</li>
 *   <li>an operation ended by the caller's own stop, close, abort or cancel, or dropped because its connection ended,
 *       emits no Failure (the ListenerStopped, ConnectionClosed or Notice event says what happened) and completes
 *       its future exceptionally with a {@link java.util.concurrent.CancellationException};</li>
 *   <li>setters of settings that reject a value emit the Failure and leave the setting as it was; they do not
 *       throw;</li>
 *   <li>{@link java.lang.IllegalStateException} and {@link java.lang.NullPointerException} are thrown, not emitted,
 *       for mistakes in the calling code itself, such as starting a server twice or a null argument.</li>
 * </ul>
 */
package com.socketworkbench.engine.event;
