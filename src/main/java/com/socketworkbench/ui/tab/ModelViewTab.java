package com.socketworkbench.ui.tab;

import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.UiExecutor;

import javafx.scene.Node;

import java.util.function.BiFunction;

/**
 * A {@link WorkbenchTab} made of a {@link TabModel} and a {@link TabView} that share one {@link Subscriptions}: the
 * model is built over the tab's own preferences node (one per tab instance, so two tabs of a kind never share
 * settings), then the view over the model. A feature tab is only its
 * constructor:
 * <pre>{@code
 * public TcpClientTab(TabContext context) {
 *     super(context, "TCP Client", "tcpClient", TcpClientViewModel::new, TcpClientView::new);
 * }
 * }</pre>
 * The model gets the tab's preferences node, the window's {@link UiExecutor} (for its blocking engine calls) and the
 * subscriptions; it never reaches for a static helper, so a test can build it with a synchronous executor and no
 * toolkit.
 *
 * <p>Life cycle: {@code start()} activates the model; {@code stop()} stops it; {@code dispose()} disposes the model,
 * then the view, then every listener and binding either of them registered.
 *
 * <p>The view is built the first time it is asked for (the window asks when the tab is first selected): a tab
 * nobody opens costs no nodes, no skins and no CSS at start-up, and adds nothing to the scene graph every pulse walks.
 * The model exists from the start, so its engine work, counters and timeline run whether or not the view exists.
 *
 * @param <M> the view model
 * @param <V> the view
 */
public abstract class ModelViewTab<M extends TabModel, V extends TabView> implements WorkbenchTab {

    /** Makes a tab's view model; usually its constructor reference ({@code TcpClientViewModel::new}). */
    @FunctionalInterface
    public interface ModelFactory<M extends TabModel> {
        M create(AppPreferences preferences, UiExecutor executor, Subscriptions subscriptions);
    }

    private final String title;
    private final String id;
    private final Subscriptions subscriptions = new Subscriptions();
    private final M model;
    private final BiFunction<M, Subscriptions, V> newView;
    private V view;

    /**
     * @param title           the tab header text
     * @param id              the tab's {@link #id()}: its kind, and its view's fx:id
     * @param newModel        makes the model from the tab's own preferences node
     *                        ({@link TabContext#preferences()}), the window's executor and the tab's subscriptions
     * @param newView         makes the view over the model (its root's id must be {@code id}); called at most once
     */
    protected ModelViewTab(TabContext context, String title, String id,
                           ModelFactory<M> newModel,
                           BiFunction<M, Subscriptions, V> newView) {
        this.title = title;
        this.id = id;
        this.model = newModel.create(context.preferences(), context.executor(), subscriptions);
        this.newView = newView;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final Node view() {
        return content().view();
    }

    @Override
    public final boolean hasView() {
        return view != null;
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
        if (view != null) {
            view.dispose();
        }
        subscriptions.dispose();
    }

    @Override
    public final TabStatus status() {
        return model.status();
    }

    @Override
    public final void saveSettings() {
        model.savePreferences();
    }

    /** False unless the tab says otherwise: a tab with sockets tells whether one is open. */
    @Override
    public boolean isLive() {
        return false;
    }

    public final M model() {
        return model;
    }

    /** The view behind {@link #view()}, for the tab's own typed accessor; built on first use. */
    protected final V content() {
        if (view == null) {
            view = newView.apply(model, subscriptions);
        }
        return view;
    }
}
