package com.socketworkbench.ui.traffic;

import com.socketworkbench.engine.codec.HexDump;

import javafx.scene.control.ListCell;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;

/**
 * One hex dump line, with the bytes of the selection and of search matches marked behind both the hex and the ASCII
 * column. The line is monospaced, so a byte's place is its column times the width of one character, measured from
 * the line as drawn (whatever font the style sheet chose).
 */
public final class HexLineCell extends ListCell<String> {
    private final HexMarks marks;
    private final Text text = new Text();
    private final Pane marksLayer = new Pane();
    private final Pane graphic = new Pane(marksLayer, text);

    public HexLineCell(HexMarks marks) {
        this.marks = marks;
        text.getStyleClass().add("hex-line-text");
        text.setTextOrigin(javafx.geometry.VPos.TOP);
        marksLayer.setManaged(false);
        marksLayer.setMouseTransparent(true);
        getStyleClass().add("hex-line-cell");
    }

    @Override
    protected void updateItem(String line, boolean empty) {
        super.updateItem(line, empty);
        setText(null);
        if (empty || line == null) {
            setGraphic(null);
            return;
        }
        text.setText(line);
        setGraphic(graphic);
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        drawMarks();
    }

    /** Width of one character of the line as drawn; 0 before the line has been laid out. */
    double charWidth() {
        String line = text.getText();
        return line == null || line.isEmpty() ? 0 : text.getLayoutBounds().getWidth() / line.length();
    }

    /** The byte under {@code x} (in this cell's coordinates), clamped to the line's bytes; -1 when unknown. */
    int byteAt(double x) {
        double width = charWidth();
        if (width <= 0 || isEmpty() || getItem() == null) {
            return -1;
        }
        double localX = x - graphic.getLayoutX() - text.getLayoutX();
        int column = (int) Math.floor(localX / width);
        int hexStart = marks.offsetDigits() + 2;
        int asciiStart = hexStart + HexDump.BYTES_PER_LINE * 3 - 1 + 3;
        int inLine;
        if (column >= asciiStart) {
            inLine = column - asciiStart;
        } else {
            inLine = Math.max(0, column - hexStart) / 3;
        }
        long first = (long) getIndex() * HexDump.BYTES_PER_LINE;
        int lineBytes = (int) Math.max(1, Math.min(HexDump.BYTES_PER_LINE, marks.length() - first));
        return (int) (first + Math.min(Math.max(0, inLine), lineBytes - 1));
    }

    /** Redraws the marks (the selection or the matches changed). */
    void drawMarks() {
        double width = charWidth();
        int lineStart = getIndex() * HexDump.BYTES_PER_LINE;
        int lineEnd = (int) Math.min(marks.length(), (long) lineStart + HexDump.BYTES_PER_LINE);
        List<HexMarks.Mark> onLine = width <= 0 || isEmpty() || getItem() == null ? List.of()
                : marks.marksBetween(lineStart, lineEnd);
        if (onLine.isEmpty()) {
            // Most lines have no mark: leave the layer alone rather than fire a change per cell and layout pass.
            if (!marksLayer.getChildren().isEmpty()) {
                marksLayer.getChildren().clear();
            }
            return;
        }
        List<Rectangle> shapes = new ArrayList<>();
        for (HexMarks.Mark mark : onLine) {
            int from = Math.max(mark.start(), lineStart) - lineStart;
            int to = Math.min(mark.end(), lineEnd) - lineStart;
            if (from >= to) {
                continue;
            }
            int hexStart = marks.offsetDigits() + 2;
            int asciiStart = hexStart + HexDump.BYTES_PER_LINE * 3 - 1 + 3;
            double height = text.getLayoutBounds().getHeight();
            shapes.add(rectangle(mark.styleClass(), (hexStart + 3 * from) * width, (3 * (to - from) - 1) * width,
                    height));
            shapes.add(rectangle(mark.styleClass(), (asciiStart + from) * width, (to - from) * width, height));
        }
        marksLayer.getChildren().setAll(shapes);
        marksLayer.setLayoutX(text.getLayoutX());
        marksLayer.setLayoutY(text.getLayoutY());
    }

    private static Rectangle rectangle(String styleClass, double x, double w, double h) {
        Rectangle r = new Rectangle(x, 0, w, h);
        r.getStyleClass().add(styleClass);
        return r;
    }
}
