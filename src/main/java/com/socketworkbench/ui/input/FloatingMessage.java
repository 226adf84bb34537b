package com.socketworkbench.ui.input;

import com.socketworkbench.ui.fx.Subscriptions;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.TreeView;
import javafx.scene.layout.Pane;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Shows a field's inline message without moving anything: the label leaves the row the view put it in and floats,
 * unmanaged and mouse-transparent, in a layer above the form (the tab's root, or the content of the scroll pane the
 * field is in), placed after every layout pass where it covers no control: under the field if the space there is free
 * (wrapped onto two or three shorter lines if need be, never narrower than its longest word), else beside it, else
 * above it, else in the next free stretch further down. The row it left takes no room for it ({@link #isFloating}).
 * Where the layer has no free place at all (a dense form), and without a layer (a field outside any tab), the message
 * is shown in its row and takes room there as before. FX thread only.
 */
final class FloatingMessage {
    /** The style of a floating message: a chip with the surface colour, readable over any bar. */
    static final String STYLE = "floating-field-message";
    private static final String FLOATING = "socketworkbench.floatingMessage";
    private static final Logger LOG = LoggerFactory.getLogger(FloatingMessage.class);
    /** Space between the field and its message, and around the controls the message keeps clear of. */
    private static final double GAP = 2;
    /** The message keeps this far from the layer's edges, so no part of it is cut. */
    private static final double EDGE = 4;
    /** Where a line may break: blanks, and beside every CJK character or punctuation mark. */
    private static final Pattern WORD_BREAKS = Pattern.compile("[\\s\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}"
            + "\\p{IsHangul}\\p{InCJKSymbolsAndPunctuation}\\p{InHalfwidthAndFullwidthForms}]+");

    private final Control field;
    private final Label message;
    private final Runnable onLayout = this::place;
    private boolean shown;
    private Scene scene;
    private Pane layer;
    /** The row the view put the message in, and where: its slot when no free place is found. */
    private Pane home;
    private int homeIndex;
    /** Back in its row for as long as it stays shown, because the layer had no free place for it. */
    private boolean inRow;
    /** The text and font {@link #measuredWordWidth} was measured for. */
    private String measuredText;
    private Font measuredFont;
    /** The width of the longest word of {@link #measuredText}, without the chip's padding. */
    private double measuredWordWidth;

    private FloatingMessage(Control field, Label message) {
        this.field = field;
        this.message = message;
    }

    /** Floats {@code message} at {@code field} while it is {@link #show shown}; clean-up goes to subscriptions. */
    static FloatingMessage attach(Control field, Label message, Subscriptions subscriptions) {
        FloatingMessage floating = new FloatingMessage(field, message);
        message.getProperties().put(FLOATING, Boolean.TRUE);
        message.getStyleClass().add(STYLE);
        message.setMouseTransparent(true);
        message.setWrapText(true);
        subscriptions.subscribe(field.sceneProperty(), floating::moveTo);
        subscriptions.add(() -> floating.moveTo(null));
        return floating;
    }

    /** Whether {@code node} is a message that floats, so that the row it was put in takes no room for it. */
    static boolean isFloating(Node node) {
        return node.getProperties().containsKey(FLOATING);
    }

    /** Shows the message (its text is set) or hides it. */
    void show(boolean shown) {
        this.shown = shown;
        if (layer == null) {
            message.setVisible(shown);
            message.setManaged(shown);
        } else {
            place();
        }
    }

    private void moveTo(Scene now) {
        if (scene != null) {
            scene.removePostLayoutPulseListener(onLayout);
        }
        scene = now;
        if (now == null) {
            return;
        }
        Pane found = layerOf(field);
        if (found != null && found != layer) {
            if (message.getParent() instanceof Pane row) {
                home = row;
                homeIndex = row.getChildren().indexOf(message);
                row.getChildren().remove(message);
            }
            if (message.getParent() == null) {
                layer = found;
                message.setManaged(false);
                layer.getChildren().add(message);
            }
        }
        now.addPostLayoutPulseListener(onLayout);
        show(shown);
    }

    /**
     * The layer a field's message floats in: the content of the nearest scroll pane around it (so the message scrolls
     * with the field), else the tab's root ({@code tab-content}).
     */
    private static Pane layerOf(Node field) {
        for (Node node = field.getParent(); node != null; node = node.getParent()) {
            if (node instanceof ScrollPane scroll) {
                return scroll.getContent() instanceof Pane content ? content : null;
            }
            if (node instanceof Pane pane && node.getStyleClass().contains("tab-content")) {
                return pane;
            }
        }
        return null;
    }

    /** Puts the message where it covers no control, or hides it while its field is not shown. */
    private void place() {
        if (layer == null) {
            return;
        }
        boolean visible = shown && isShown(field) && layer.getWidth() > 0;
        if (!visible && inRow) {
            backToLayer();
        }
        message.setVisible(visible);
        if (!visible || inRow) {
            return;
        }
        Bounds area = areaOf();
        Bounds at = layer.sceneToLocal(field.localToScene(field.getLayoutBounds()));
        List<Bounds> controls = new ArrayList<>();
        collectControls(layer, controls);
        double full = Math.min(Math.ceil(message.prefWidth(-1)), area.getWidth());
        double word = longestWordWidth();
        Bounds spot = null;
        for (Band band : bands(at, controls)) {
            for (int lines = 1; lines <= 3 && spot == null; lines++) {
                double width = Math.min(full, Math.ceil(full / lines) + (lines > 1 ? 24 : 0));
                // Shorter lines only where no word (a file path, a host name) would be cut in two.
                if (lines > 1 && (width >= full || width < word)) {
                    break;
                }
                double height = Math.ceil(message.prefHeight(width));
                double y = band.top(at, height);
                if (y < area.getMinY() || y + height > area.getMaxY()) {
                    continue;
                }
                Double x = nearestFreeX(area, controls, y, width, height, band.left());
                if (x != null) {
                    spot = new BoundingBox(x, y, width, height);
                }
            }
            if (spot != null) {
                break;
            }
        }
        if (spot == null && home != null) {
            // Nowhere free (a dense form): the row's own place, pushing what follows down rather than covering it,
            // until the message goes (deciding again at each layout would make it jump to and fro).
            backToRow();
            return;
        }
        if (spot == null) {
            // Nowhere free and no row of its own: under the field all the same, where the user looks.
            double height = Math.ceil(message.prefHeight(full));
            spot = new BoundingBox(Math.max(area.getMinX(), Math.min(at.getMinX(), area.getMaxX() - full)),
                    Math.min(at.getMaxY() + GAP, area.getMaxY() - height), full, height);
            LOG.debug("No free place for the message of {}: shown under it", field.getId());
        }
        if (message.getLayoutX() != spot.getMinX() || message.getLayoutY() != spot.getMinY()
                || message.getWidth() != spot.getWidth() || message.getHeight() != spot.getHeight()) {
            message.resizeRelocate(spot.getMinX(), spot.getMinY(), spot.getWidth(), spot.getHeight());
        }
    }

    /**
     * The width of the message's longest word with the chip's padding: no line may be narrower. Chinese and Japanese
     * text breaks between any two of its characters, so only the Latin runs in it (a path, a number) count as words.
     */
    private double longestWordWidth() {
        // place() runs after every layout pass while the message shows: measure only when its text or font changed.
        if (!message.getText().equals(measuredText) || !message.getFont().equals(measuredFont)) {
            Text measure = new Text();
            measure.setFont(message.getFont());
            double widest = 0;
            for (String each : WORD_BREAKS.split(message.getText())) {
                measure.setText(each);
                widest = Math.max(widest, measure.getLayoutBounds().getWidth());
            }
            measuredText = message.getText();
            measuredFont = message.getFont();
            measuredWordWidth = widest;
        }
        return Math.ceil(measuredWordWidth + message.snappedLeftInset() + message.snappedRightInset());
    }

    private void backToRow() {
        LOG.debug("No free place for the message of {}: shown in its row", field.getId());
        inRow = true;
        message.getProperties().remove(FLOATING);
        layer.getChildren().remove(message);
        home.getChildren().add(Math.min(Math.max(homeIndex, 0), home.getChildren().size()), message);
        message.setManaged(true);
    }

    private void backToLayer() {
        inRow = false;
        message.getProperties().put(FLOATING, Boolean.TRUE);
        home.getChildren().remove(message);
        message.setManaged(false);
        layer.getChildren().add(message);
    }

    /** Where a message may go, relative to its field: {@code left} is the left edge wanted there. */
    private record Band(Side side, double below, double left) {
        enum Side { UNDER, BESIDE, ABOVE, FURTHER_DOWN }

        /** The message's top edge, for a message {@code height} high. */
        double top(Bounds field, double height) {
            return switch (side) {
                case UNDER, FURTHER_DOWN -> below;
                case BESIDE -> field.getMinY() + (field.getHeight() - height) / 2;
                case ABOVE -> field.getMinY() - GAP - height;
            };
        }
    }

    /**
     * Where to look, nearest first: under the field, beside it (right), above it, then under each control further
     * down (a dense form's next free stretch, such as the space beside its last button).
     */
    private static List<Band> bands(Bounds at, List<Bounds> controls) {
        List<Band> bands = new ArrayList<>();
        bands.add(new Band(Band.Side.UNDER, at.getMaxY() + GAP, at.getMinX()));
        bands.add(new Band(Band.Side.BESIDE, 0, at.getMaxX() + 4 * GAP));
        bands.add(new Band(Band.Side.ABOVE, 0, at.getMinX()));
        controls.stream().map(c -> c.getMaxY() + GAP).filter(y -> y > at.getMaxY() + GAP).distinct().sorted()
                .forEach(y -> bands.add(new Band(Band.Side.FURTHER_DOWN, y, at.getMinX())));
        return bands;
    }

    /** The left edge nearest {@code wanted} where {@code width} fits between the controls in the band, or null. */
    private static Double nearestFreeX(Bounds area, List<Bounds> controls, double y, double width, double height,
                                       double wanted) {
        List<Bounds> inBand = new ArrayList<>();
        for (Bounds control : controls) {
            if (control.getMaxY() + GAP > y && control.getMinY() - GAP < y + height) {
                inBand.add(control);
            }
        }
        List<Double> candidates = new ArrayList<>(List.of(wanted, area.getMinX(), area.getMaxX() - width));
        for (Bounds control : inBand) {
            candidates.add(control.getMaxX() + 3 * GAP);
            candidates.add(control.getMinX() - 3 * GAP - width);
        }
        Double best = null;
        for (double x : candidates) {
            double left = Math.floor(x);
            if (left < area.getMinX() || left + width > area.getMaxX()) {
                continue;
            }
            boolean free = inBand.stream().noneMatch(c -> c.getMaxX() + GAP > left && c.getMinX() - GAP < left + width);
            if (free && (best == null || Math.abs(left - wanted) < Math.abs(best - wanted))) {
                best = left;
            }
        }
        return best;
    }

    /**
     * The bounds (in the layer) of every visible control the message must not cover ({@link #isLeaf}): inputs,
     * buttons, labels with text, tables and lists, drawings, texts, and other shown messages. Containers, controls or
     * not (scroll, split, titled and notification panes), count by what they hold, not by their area: a titled
     * pane by its title's text.
     */
    private void collectControls(Parent parent, List<Bounds> into) {
        for (Node node : parent.getChildrenUnmodifiable()) {
            if (!node.isVisible() || node == message) {
                continue;
            }
            if (isLeaf(node)) {
                if (!(node instanceof Label label && (label.getText() == null || label.getText().isEmpty())
                        && label.getGraphic() == null)) {
                    into.add(layer.sceneToLocal(node.localToScene(node.getLayoutBounds())));
                }
            } else if (node instanceof Parent inside) {
                collectControls(inside, into);
            }
        }
    }

    /** A control the user reads or works (or a drawing), as opposed to a pane that only holds such controls. */
    static boolean isLeaf(Node node) {
        return node instanceof Labeled && !(node instanceof TitledPane) || node instanceof TextInputControl || node instanceof ComboBoxBase<?>
                || node instanceof Spinner<?> || node instanceof ChoiceBox<?> || node instanceof Slider
                || node instanceof ScrollBar || node instanceof ProgressIndicator || node instanceof ListView<?>
                || node instanceof TableView<?> || node instanceof TreeView<?> || node instanceof TreeTableView<?>
                || node instanceof Canvas || node instanceof Text;
    }

    /**
     * Where the message may go: the layer, but within the side of a split pane the field is in (a message stays in
     * the field's pane, not across the divider), less a small margin so that no part of it is cut.
     */
    private Bounds areaOf() {
        Bounds area = new BoundingBox(0, 0, layer.getWidth(), layer.getHeight());
        for (Node node = field; node != null && node != layer; node = node.getParent()) {
            Parent holder = node.getParent();
            if (holder != null && holder.getParent() instanceof SplitPane split && split.getItems().contains(node)) {
                Bounds side = layer.sceneToLocal(holder.localToScene(holder.getLayoutBounds()));
                double minX = Math.max(area.getMinX(), side.getMinX());
                double minY = Math.max(area.getMinY(), side.getMinY());
                area = new BoundingBox(minX, minY, Math.min(area.getMaxX(), side.getMaxX()) - minX,
                        Math.min(area.getMaxY(), side.getMaxY()) - minY);
                break;
            }
        }
        return new BoundingBox(area.getMinX() + EDGE, area.getMinY() + EDGE,
                Math.max(0, area.getWidth() - 2 * EDGE), Math.max(0, area.getHeight() - 2 * EDGE));
    }

    /** Whether {@code node} and every parent up to the scene's root is visible. */
    private static boolean isShown(Node node) {
        if (node.getScene() == null) {
            return false;
        }
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
