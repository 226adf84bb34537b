package com.socketworkbench.ui.common;

import javafx.scene.Node;

import java.util.function.BiFunction;

/**
 * A {@link WorkbenchTab} made of a {@link TabModel} and a {@link TabView} that share one {@link Subscriptions}: the
 * model is built over the tab's own preferences node, then the view over the model. A feature tab is only its
 * constructor:
 * <pre>{@code
 * public TcpClientTab(TabContext context) {
 *     super(context, "TCP Client", "tcpClient", TcpClientViewModel::new, TcpClientView::new);
 * }
 * }</pre>
 * Life cycle: {@code start()} activates the model; {@code stop()} stops it; {@code dispose()} disposes the model,
 * then the view, then every listener and binding either of them registered.
 *
 * @param <M> the view model
 * @param <V> the view
 */
public abstract class ModelViewTab<M extends TabModel, V extends TabView> implements WorkbenchTab {
    private final String title;
    private final Subscriptions subscriptions = new Subscriptions();
    private final M model;
    private final V view;

    /**
     * @param title           the tab header text
     * @param preferencesNode the child of the window's preferences the model remembers its settings in
     * @param newModel        makes the model from its preferences node and the tab's subscriptions
     * @param newView         makes the view over the model
     */
    protected ModelViewTab(TabContext context, String title, String preferencesNode,
                           BiFunction<AppPreferences, Subscriptions, M> newModel,
                           BiFunction<M, Subscriptions, V> newView) {
        this.title = title;
        this.model = newModel.apply(context.preferences().child(preferencesNode), subscriptions);
        this.view = newView.apply(model, subscriptions);
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final Node view() {
        return view.view();
    }

    @Override
    public final void start() {
        model.activate();
    }

    @Override
    public final void stop() {
        model.stop();
    }

    @Override
    public final void dispose() {
        model.dispose();
        view.dispose();
        subscriptions.dispose();
    }

    @Override
    public final TabStatus status() {
        return model.status();
    }

    public final M model() {
        return model;
    }

    /** The view behind {@link #view()}, for the tab's own typed accessor. */
    protected final V content() {
        return view;
    }
}
