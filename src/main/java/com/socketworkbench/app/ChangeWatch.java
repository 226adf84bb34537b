package com.socketworkbench.app;

import com.socketworkbench.ui.fx.UiExecutor;
import javafx.event.ActionEvent;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;

/**
 * Tells the session to look for unsaved changes after something that can change the workspace: the user's input in
 * the window (a key or mouse button released, an action fired) and what the window itself reports (tabs opened,
 * closed, renamed or moved; the message library edited). One look per burst: a look is posted once and the events
 * before it runs share it. Nothing periodic: an idle window asks for nothing.
 */
final class ChangeWatch {
    private final UiExecutor executor;
    private final Runnable check;
    private boolean posted;

    ChangeWatch(UiExecutor executor, Runnable check) {
        this.executor = executor;
        this.check = check;
    }

    void watch(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_RELEASED, event -> changed());
        scene.addEventFilter(MouseEvent.MOUSE_RELEASED, event -> changed());
        scene.addEventFilter(ActionEvent.ACTION, event -> changed());
    }

    /** Something may have changed: look once, after the events being handled now. */
    void changed() {
        if (posted) {
            return;
        }
        posted = true;
        executor.later(() -> {
            posted = false;
            check.run();
        });
    }
}
