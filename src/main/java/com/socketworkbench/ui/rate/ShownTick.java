package com.socketworkbench.ui.rate;

import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.ui.fx.BatchSink;
import com.socketworkbench.ui.fx.EventPump;
import com.socketworkbench.ui.fx.Subscriptions;

import javafx.scene.Node;

import java.util.List;

/**
 * Runs an action on the FX thread a few times a second ({@link EventPump#TICK_INTERVAL}) while a node is in a scene,
 * and never otherwise: a view that must move with the clock (a chart scrolling its rates down to zero after the
 * socket closed, a count read from engine threads) without asking JavaFX for 60 pulses a second, which an animation
 * would. It is an {@link EventPump} that carries no events, sleeping and ticking: the UI's one way of getting ticks.
 * A tab's view leaves the scene when another tab is selected, so only the shown tab ticks. FX thread only.
 */
public final class ShownTick {
    private final EventPump pump = new EventPump(new NoRows());

    public ShownTick(Node node, Runnable action, Subscriptions subscriptions) {
        subscriptions.add(pump.onPulse(batch -> action.run()));
        subscriptions.subscribe(node.sceneProperty(), scene -> {
            if (scene != null) {
                pump.start();
                pump.setTicking(true);
            } else {
                pump.setTicking(false);
                pump.stop();
            }
        });
        subscriptions.add(pump::dispose);
    }

    /** Whether the tick runs now (the node is in a scene). */
    public boolean isTicking() {
        return pump.isTicking();
    }

    /** A sink that never holds anything: the pump only ticks. */
    private static final class NoRows implements BatchSink {
        @Override
        public void hold(List<NetEvent> batch) {
        }

        @Override
        public boolean show() {
            return false;
        }

        @Override
        public boolean isHolding() {
            return false;
        }
    }
}
