package com.socketworkbench.bench;

import com.socketworkbench.ui.traffic.PayloadPattern;
import com.socketworkbench.ui.traffic.TimelineRow;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Set;

/**
 * The app's own timeline search ({@code ui.traffic.TimelineSearch}, the object the search bar hands to its background
 * thread), reached by reflection: it is package-private to the traffic view, and the benchmark must time exactly that
 * code, not a copy of it.
 */
final class AppTimelineSearch {
    private static final Constructor<?> CREATE;
    private static final Method RUN;
    private static final Method CANCEL;
    private static final Method PERMILLE;
    private static final Method RESULT_ROWS;
    private static final Method RESULT_MATCHES;

    static {
        try {
            Class<?> search = Class.forName("com.socketworkbench.ui.traffic.TimelineSearch");
            Class<?> result = Class.forName("com.socketworkbench.ui.traffic.TimelineSearch$Result");
            CREATE = search.getDeclaredConstructor(TimelineRow[].class, PayloadPattern.class, String.class);
            RUN = search.getDeclaredMethod("run");
            CANCEL = search.getDeclaredMethod("cancel");
            PERMILLE = search.getDeclaredMethod("permille");
            RESULT_ROWS = result.getDeclaredMethod("rows");
            RESULT_MATCHES = result.getDeclaredMethod("matches");
            for (var member : new java.lang.reflect.AccessibleObject[] {CREATE, RUN, CANCEL, PERMILLE, RESULT_ROWS,
                    RESULT_MATCHES}) {
                member.setAccessible(true);
            }
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** What a finished search found: rows with a match and matches in all. */
    record Found(int rows, long matches) {
    }

    private final Object search;

    AppTimelineSearch(TimelineRow[] snapshot, PayloadPattern pattern, String emptyPayload) {
        try {
            this.search = CREATE.newInstance(snapshot, pattern, emptyPayload);
        } catch (InvocationTargetException e) {
            throw unwrap(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the search on this thread; throws the search's CancellationException when cancelled. */
    Found run() {
        try {
            Object result = RUN.invoke(search);
            return new Found(((Set<?>) RESULT_ROWS.invoke(result)).size(), (Long) RESULT_MATCHES.invoke(result));
        } catch (InvocationTargetException e) {
            throw unwrap(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    void cancel() {
        invoke(CANCEL);
    }

    /** Progress as the search bar reads it once per frame: 0 to 1000. */
    int permille() {
        return (Integer) invoke(PERMILLE);
    }

    private Object invoke(Method method) {
        try {
            return method.invoke(search);
        } catch (InvocationTargetException e) {
            throw unwrap(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RuntimeException unwrap(InvocationTargetException e) {
        return e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    }
}
