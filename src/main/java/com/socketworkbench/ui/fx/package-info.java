/**
 * FX-thread plumbing: the one place that hands work to the FX thread. The {@link com.socketworkbench.ui.fx.EventPump}
 * (engine threads emit without blocking; one drain per pulse, one batch per drain), background calls with their
 * outcome handed back to the FX thread, {@link com.socketworkbench.ui.fx.Subscriptions} that undo every listener
 * and binding, and the bounded {@link com.socketworkbench.ui.fx.RingObservableList}. Only this package calls
 * {@code Platform.runLater} (an architecture test holds it).
 */
package com.socketworkbench.ui.fx;
