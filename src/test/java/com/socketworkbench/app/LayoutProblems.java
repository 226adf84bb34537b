package com.socketworkbench.app;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;

/**
 * What a laid-out window shows badly, found by walking its scene graph (skins included): a button or label whose
 * text the skin cut with an ellipsis, a control squeezed to zero width or below its minimum width, or a control cut
 * off by the edge of the area it is shown in (sideways: the window, a split pane's side, a panel that cannot
 * scroll sideways; up and down: the window and the tab's area, so that nothing is pushed out of the window). The
 * insides of tables and lists (cells, column headers) are left out: cutting a long cell or a narrow
 * column's title is their normal way, and they scroll sideways. So are the lists of combo box pop-ups (id
 * {@code list-view}), which are not shown, and empty labels, which take no room on purpose. FX thread only.
 */
final class LayoutProblems {
    private final Scene scene;
    private final List<String> problems = new ArrayList<>();

    private LayoutProblems(Scene scene) {
        this.scene = scene;
    }

    /** The problems of {@code scene} as it is laid out now, one line each; empty when everything fits. */
    static List<String> of(Scene scene) {
        LayoutProblems found = new LayoutProblems(scene);
        found.visit(scene.getRoot(), new Area(0, scene.getWidth(), 0, scene.getHeight(), false, false));
        return found.problems;
    }

    /**
     * Where a node can be seen, in scene coordinates. Sideways every clip counts. Up and down only the window and the
     * tab's content area do: a split pane the user can resize, like the traffic area that gives way in a short
     * window, may show part of its content. Along a direction a scroll pane scrolls in nothing below it is cut (the
     * user scrolls to it).
     */
    private record Area(double minX, double maxX, double minY, double maxY, boolean scrollsX, boolean scrollsY) {
        /** @param vertically whether the clip also cuts up and down (only the tab's own area does, see above) */
        Area clippedBy(Bounds clip, boolean vertically) {
            boolean cutY = vertically && !scrollsY;
            return new Area(scrollsX ? minX : Math.max(minX, clip.getMinX()),
                    scrollsX ? maxX : Math.min(maxX, clip.getMaxX()),
                    cutY ? Math.max(minY, clip.getMinY()) : minY,
                    cutY ? Math.min(maxY, clip.getMaxY()) : maxY, scrollsX, scrollsY);
        }

        Area scrolling(boolean sideways, boolean upAndDown) {
            return new Area(sideways ? Double.NEGATIVE_INFINITY : minX, sideways ? Double.POSITIVE_INFINITY : maxX,
                    upAndDown ? Double.NEGATIVE_INFINITY : minY, upAndDown ? Double.POSITIVE_INFINITY : maxY,
                    scrollsX || sideways, scrollsY || upAndDown);
        }
    }

    private void visit(Node node, Area visible) {
        if (!node.isVisible() || node instanceof ListView<?> && "list-view".equals(node.getId())) {
            return;
        }
        Area area = node.getClip() == null ? visible
                : visible.clippedBy(node.localToScene(node.getClip().getBoundsInParent()),
                node.getStyleClass().contains("tab-content-area"));
        if (node instanceof Control control) {
            check(control, area);
        }
        if (node instanceof TableView<?> || node instanceof TreeTableView<?> || node instanceof ListView<?>) {
            return; // their insides scroll
        }
        if (node instanceof ScrollPane scroll) {
            area = area.scrolling(scroll.getHbarPolicy() != ScrollPane.ScrollBarPolicy.NEVER,
                    scroll.getVbarPolicy() != ScrollPane.ScrollBarPolicy.NEVER);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                visit(child, area);
            }
        }
    }

    private void check(Control control, Area visible) {
        double width = control.getWidth();
        if (control instanceof Labeled labeled && (labeled.getText() == null || labeled.getText().isEmpty())
                && labeled.getGraphic() == null) {
            return;
        }
        if (width < 1) {
            problems.add(describe(control) + " has zero width");
            return;
        }
        double minWidth = control.minWidth(-1);
        if (width < minWidth - 1) {
            problems.add(describe(control) + " is " + Math.round(width) + " px wide, below its minimum of "
                    + Math.round(minWidth) + " px");
        }
        Bounds bounds = control.localToScene(control.getLayoutBounds());
        if (bounds.getMaxX() > visible.maxX() + 1 || bounds.getMinX() < visible.minX() - 1) {
            problems.add(describe(control) + " is cut off at the side: it spans x " + Math.round(bounds.getMinX())
                    + "–" + Math.round(bounds.getMaxX()) + " of the visible " + Math.round(visible.minX()) + "–"
                    + Math.round(visible.maxX()));
        }
        if (bounds.getMaxY() > visible.maxY() + 1 || bounds.getMinY() < visible.minY() - 1) {
            problems.add(describe(control) + " is cut off at the top or bottom: it spans y "
                    + Math.round(bounds.getMinY()) + "–" + Math.round(bounds.getMaxY()) + " of the visible "
                    + Math.round(visible.minY()) + "–" + Math.round(visible.maxY()));
        }
        if (control instanceof Labeled labeled) {
            String shown = shownText(labeled);
            String full = labeled.getText();
            if (shown != null && full != null && !full.isEmpty() && !shown.equals(full)) {
                problems.add(describe(control) + " shows \"" + shown + "\" instead of \"" + full + "\"");
            }
        }
    }

    /** The text the skin displays (its LabeledText), or null when the skin shows none. */
    static String shownText(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text text && child.getClass().getSimpleName().equals("LabeledText")) {
                return text.getText();
            }
        }
        return null;
    }

    private String describe(Control control) {
        StringBuilder path = new StringBuilder();
        for (Node node = control; node != null && node != scene.getRoot(); node = node.getParent()) {
            if (node.getId() != null) {
                path.insert(0, "#" + node.getId() + (path.isEmpty() ? "" : " "));
                if (node != control) {
                    break;
                }
            }
        }
        String name = control.getClass().getSimpleName();
        String text = control instanceof Labeled labeled && labeled.getText() != null
                ? " '" + labeled.getText() + "'" : "";
        return name + text + (path.isEmpty() ? "" : " (" + path + ")");
    }
}
