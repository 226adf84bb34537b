package com.socketworkbench.app;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.TraversalDirection;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import java.util.Optional;

/**
 * The window's own shortcuts ({@link Shortcut.Where#WINDOW}): switching tabs, and the actions that reach into the
 * selected tab. A filter on the scene sees the keys before the focused control does, so Ctrl+Tab switches tabs even
 * in a text area, and F5 works while the port field has the focus.
 *
 * <p>A shortcut reaches a tab through the automation ids its view already has, looked up among the view's visible
 * nodes: Start/Stop is {@code #startStop} (TCP server, UDP), {@code #connect} (TCP client) or {@code #wsConnect}
 * (WebSocket), Clear is {@code #clearTimeline} or {@code #wsClear} (WebSocket), the filter {@code #timelineFilter}. A tab without one (Tools) lets the key pass on. That
 * keeps the tabs free of any shortcut code: what the button does on a click, the key does.
 */
final class WindowShortcuts {
    /** The button F5 presses, first found first. */
    static final String[] START_STOP_IDS = {"startStop", "connect", "wsConnect"};
    /** The button Ctrl+L presses, first found first. */
    static final String[] CLEAR_IDS = {"clearTimeline", "wsClear"};

    private final TabStrip strip;

    WindowShortcuts(TabStrip strip) {
        this.strip = strip;
    }

    void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::pressed);
    }

    private void pressed(KeyEvent event) {
        if (leaveTextArea(event)) {
            event.consume();
            return;
        }
        for (Shortcut shortcut : Shortcut.values()) {
            if (shortcut.where() != Shortcut.Where.WINDOW) {
                continue;
            }
            int which = shortcut.match(event);
            if (which >= 0 && act(shortcut, which)) {
                event.consume();
                return;
            }
        }
    }

    /**
     * Tab and Shift+Tab in a text area (the send editor, the HTTP request) move to the next or previous control, as
     * everywhere else, instead of typing a tab character: otherwise the Tab key would stop there for good (Ctrl+Tab,
     * the text area's own way out, switches tabs in this window).
     */
    private static boolean leaveTextArea(KeyEvent event) {
        if (event.getCode() != KeyCode.TAB || event.isControlDown() || event.isAltDown() || event.isMetaDown()
                || !(event.getTarget() instanceof Node target)) {
            return false;
        }
        for (Node at = target; at != null; at = at.getParent()) {
            if (at instanceof TextArea area) {
                return area.requestFocusTraversal(event.isShiftDown() ? TraversalDirection.PREVIOUS
                        : TraversalDirection.NEXT);
            }
        }
        return false;
    }

    /** Does what {@code shortcut} (its combination number {@code which}) says; false when it had nothing to act on. */
    boolean act(Shortcut shortcut, int which) {
        return switch (shortcut) {
            case NEXT_TAB -> strip.selectRelative(1);
            case PREVIOUS_TAB -> strip.selectRelative(-1);
            case TAB_N -> strip.selectIndex(which);
            case START_STOP -> press(START_STOP_IDS);
            case CLEAR_TIMELINE -> press(CLEAR_IDS);
            case FILTER -> focusFilter();
            default -> false;
        };
    }

    private boolean press(String... ids) {
        for (String id : ids) {
            Optional<Node> found = visibleInTab(id);
            if (found.isPresent() && found.get() instanceof ButtonBase button) {
                if (button.isDisabled()) {
                    return false;
                }
                button.fire();
                return true;
            }
        }
        return false;
    }

    private boolean focusFilter() {
        Optional<Node> found = visibleInTab("timelineFilter");
        if (found.isEmpty() || found.get().isDisabled()) {
            return false;
        }
        found.get().requestFocus();
        if (found.get() instanceof TextInputControl field) {
            field.selectAll();
        }
        return true;
    }

    /** The first node with {@code id} in the selected tab's view that is shown (it and every parent visible). */
    private Optional<Node> visibleInTab(String id) {
        return strip.selected().filter(tab -> tab.content().hasView())
                .flatMap(tab -> tab.content().view().lookupAll("#" + id).stream().filter(WindowShortcuts::shown)
                        .findFirst());
    }

    private static boolean shown(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }
}
