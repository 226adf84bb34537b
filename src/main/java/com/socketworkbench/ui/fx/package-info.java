/**
 * FX-thread plumbing: the one place that hands work to the FX thread. The {@link com.socketworkbench.ui.fx.EventPump}
 * (engine threads emit without blocking; one drain per pulse, one batch per drain), the
 * {@link com.socketworkbench.ui.fx.UiExecutor} the window injects into every tab (blocking calls off the FX thread,
 * their outcome back onto it; {@link com.socketworkbench.ui.fx.FxUiExecutor} in the app, a synchronous one in
 * view-model tests), {@link com.socketworkbench.ui.fx.Subscriptions} that undo every listener and binding, and the bounded
 * {@link com.socketworkbench.ui.fx.RingObservableList}. View models never call {@code Platform.runLater} themselves
 * (an architecture test holds it).
 */
package com.socketworkbench.ui.fx;
