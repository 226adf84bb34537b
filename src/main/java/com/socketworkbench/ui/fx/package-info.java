/**
 * FX-thread plumbing, the lowest UI layer and the one place that hands work to the FX thread: the
 * {@link com.socketworkbench.ui.fx.EventPump} (engine threads emit without blocking; one drain per pulse, one batch
 * per drain to its {@link com.socketworkbench.ui.fx.BatchSink}, exact
 * {@link com.socketworkbench.ui.fx.TrafficCounters}; asleep, asking for no pulses, while there is nothing to do), the
 * {@link com.socketworkbench.ui.fx.UiExecutor} the window injects into every tab (blocking calls off the FX thread,
 * their outcome back onto it; {@link com.socketworkbench.ui.fx.FxUiExecutor} in the app, a synchronous one in
 * view-model tests), {@link com.socketworkbench.ui.fx.Subscriptions} that undo every listener and binding, and the
 * bounded {@link com.socketworkbench.ui.fx.RingObservableList}. Only this package calls {@code Platform.runLater},
 * and nothing here knows the other ui packages: they build on this one (an architecture test holds both).
 */
package com.socketworkbench.ui.fx;
