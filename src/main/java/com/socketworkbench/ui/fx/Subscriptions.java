package com.socketworkbench.ui.fx;

import javafx.beans.property.Property;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.util.Subscription;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Collects every listener and binding a view or view model makes, so that {@link #dispose()} removes them all.
 * A tab that registers through one of these cannot leak listeners onto long-lived objects (preferences, shared
 * properties, the scene) when it is closed.
 *
 * <p>FX thread only. Disposing twice is harmless; registering after disposal undoes the registration at once.
 */
public final class Subscriptions {
    private final List<Subscription> subscriptions = new ArrayList<>();
    private boolean disposed;

    /** Keeps an arbitrary clean-up action. */
    public Subscription add(Subscription subscription) {
        if (disposed) {
            subscription.unsubscribe();
        } else {
            subscriptions.add(subscription);
        }
        return subscription;
    }

    /** Adds a change listener and remembers to remove it. */
    public <T> void listen(ObservableValue<T> observable, ChangeListener<? super T> listener) {
        observable.addListener(listener);
        add(() -> observable.removeListener(listener));
    }

    /** Calls {@code action} with the current value now and with every new value later. */
    public <T> void subscribe(ObservableValue<T> observable, Consumer<? super T> action) {
        add(observable.subscribe(action));
    }

    /** Adds a list listener and remembers to remove it. */
    public <E> void listen(ObservableList<E> list, ListChangeListener<? super E> listener) {
        list.addListener(listener);
        add(() -> list.removeListener(listener));
    }

    /** Binds {@code target} to {@code source} one way and remembers to unbind. */
    public <T> void bind(Property<T> target, ObservableValue<? extends T> source) {
        target.bind(source);
        add(target::unbind);
    }

    /** Binds two properties both ways and remembers to unbind. */
    public <T> void bindBidirectional(Property<T> a, Property<T> b) {
        a.bindBidirectional(b);
        add(() -> a.unbindBidirectional(b));
    }

    /** Removes everything registered so far, newest first. */
    public void dispose() {
        disposed = true;
        for (int i = subscriptions.size() - 1; i >= 0; i--) {
            subscriptions.get(i).unsubscribe();
        }
        subscriptions.clear();
    }

    public boolean isDisposed() {
        return disposed;
    }

    /** How many registrations are held (for tests). */
    public int size() {
        return subscriptions.size();
    }
}
