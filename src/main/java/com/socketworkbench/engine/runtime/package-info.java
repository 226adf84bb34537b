/**
 * Plumbing every engine component shares: the named virtual threads of one listener, connection or exchange,
 * tracked so that stop and close can wait for each of them ({@link com.socketworkbench.engine.runtime.EngineThreads}),
 * and the guard that keeps a misbehaving event sink from killing a socket thread
 * ({@link com.socketworkbench.engine.runtime.GuardedSink}).
 */
package com.socketworkbench.engine.runtime;
