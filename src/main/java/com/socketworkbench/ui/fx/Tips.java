package com.socketworkbench.ui.fx;

import javafx.event.EventHandler;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * Tooltips made when the pointer first enters their control. A {@link Tooltip} is a popup window with a scene of its
 * own: the ninety or so of the first tab and the window took about a tenth of the FX thread's start-up before the
 * first frame, for texts most users never hover. The text waits in the control's properties; the tooltip is made
 * on the first {@code MOUSE_ENTERED} and from then on behaves as one set directly (JavaFX starts showing it on the
 * mouse moves that follow). A disabled control gets no mouse events and shows no tooltip either way.
 */
public final class Tips {
    /** Where a control keeps the text of a tooltip not made yet. */
    private static final Object PENDING = new Object();
    private static final EventHandler<MouseEvent> MAKE_ON_ENTER = Tips::makeOnEnter;

    private Tips() {
    }

    /**
     * Gives {@code control} the tooltip {@code text}, made when the pointer first enters it; if it has a tooltip
     * already, that one takes the new text. A null text removes the tooltip.
     */
    public static void install(Control control, String text) {
        Tooltip made = control.getTooltip();
        if (text == null) {
            control.getProperties().remove(PENDING);
            control.removeEventHandler(MouseEvent.MOUSE_ENTERED, MAKE_ON_ENTER);
            control.setTooltip(null);
        } else if (made != null) {
            made.setText(text);
        } else if (control.getProperties().put(PENDING, text) == null) {
            control.addEventHandler(MouseEvent.MOUSE_ENTERED, MAKE_ON_ENTER);
        }
    }

    /** The tooltip text of {@code control}, made or waiting; null when it has none (for tests of visible texts). */
    public static String text(Control control) {
        Object pending = control.getProperties().get(PENDING);
        if (pending != null) {
            return (String) pending;
        }
        return control.getTooltip() == null ? null : control.getTooltip().getText();
    }

    private static void makeOnEnter(MouseEvent event) {
        if (event.getSource() instanceof Control control) {
            control.removeEventHandler(MouseEvent.MOUSE_ENTERED, MAKE_ON_ENTER);
            Object text = control.getProperties().remove(PENDING);
            if (text != null && control.getTooltip() == null) {
                control.setTooltip(new Tooltip((String) text));
            }
        }
    }
}
