/**
 * FX-thread plumbing: the one place that hands work to the FX thread. The {@link com.socketworkbench.ui.fx.EventPump}
 * (engine threads emit without blocking; one drain per pulse, one batch per drain, exact
 * {@link com.socketworkbench.ui.fx.TrafficCounters}; asleep, asking for no pulses, while there is nothing to do) and
 * the {@link com.socketworkbench.ui.fx.BatchSink} it hands batches to, background calls with their
 * outcome handed back to the FX thread, {@link com.socketworkbench.ui.fx.Subscriptions} that undo every listener
 * and binding, and the bounded {@link com.socketworkbench.ui.fx.RingObservableList}. Only this package calls
 * {@code Platform.runLater} (an architecture test holds it). Nothing here knows the other ui packages: they build on
 * this one.
 */
package com.socketworkbench.ui.fx;
