package com.socketworkbench.reliability;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;

/**
 * Reads the threads an engine object (TcpServer, TcpClient, UdpEndpoint) still tracks, through its package-private
 * {@code liveThreads()} test hook. Virtual threads do not show up in {@code Thread.getAllStackTraces()}, so the
 * engine's own bookkeeping is the reliable place to ask.
 */
final class EngineThreadProbe {

    private EngineThreadProbe() {
    }

    static List<Thread> liveThreads(Object engineObject) {
        try {
            Method method = engineObject.getClass().getDeclaredMethod("liveThreads");
            method.setAccessible(true);
            Collection<?> threads = (Collection<?>) method.invoke(engineObject);
            return threads.stream().map(Thread.class::cast).filter(Thread::isAlive).toList();
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new AssertionError(engineObject.getClass().getSimpleName() + " has no usable liveThreads() hook", e);
        }
    }

    static List<String> names(List<Thread> threads) {
        return threads.stream().map(Thread::getName).toList();
    }
}
