package com.socketworkbench.ui.websocket;

import com.socketworkbench.engine.codec.HexDump;

import javafx.geometry.VPos;
import javafx.scene.control.ListCell;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

import java.util.List;

/**
 * One line of {@code #wsPayloadHex} with the bytes a verdict names marked behind the hex and the ASCII column
 * ({@code ws-hex-mark}), so the offending byte is seen where it is, not only read as an offset. The line is
 * monospaced: a byte's place is its column times the width of one character as drawn.
 */
final class WsHexCell extends ListCell<String> {
    /** The marked bytes of the payload shown: {@code start} to {@code end} (exclusive), of {@code length}. */
    record Mark(long start, long end, long length) {
        static final Mark NONE = new Mark(-1, -1, 0);
    }

    private final java.util.function.Supplier<Mark> mark;
    private final Text text = new Text();
    private final Pane marks = new Pane();
    private final Pane graphic = new Pane(marks, text);

    WsHexCell(java.util.function.Supplier<Mark> mark) {
        this.mark = mark;
        text.getStyleClass().add("hex-line-text");
        text.setTextOrigin(VPos.TOP);
        marks.setManaged(false);
        marks.setMouseTransparent(true);
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
        Mark now = mark.get();
        String line = text.getText();
        long lineStart = (long) getIndex() * HexDump.BYTES_PER_LINE;
        long lineEnd = Math.min(now.length(), lineStart + HexDump.BYTES_PER_LINE);
        if (isEmpty() || line == null || line.isEmpty() || now.start() < 0 || now.start() >= lineEnd
                || now.end() <= lineStart) {
            if (!marks.getChildren().isEmpty()) {
                marks.getChildren().clear();
            }
            return;
        }
        double width = text.getLayoutBounds().getWidth() / line.length();
        double height = text.getLayoutBounds().getHeight();
        int from = (int) (Math.max(now.start(), lineStart) - lineStart);
        int to = (int) (Math.min(now.end(), lineEnd) - lineStart);
        // The same columns HexDump writes: offset, two spaces, "xx " per byte, two spaces and "|", the ASCII.
        int hexStart = HexDump.offsetColumn(0, now.length()).length() + 2;
        int asciiStart = hexStart + HexDump.BYTES_PER_LINE * 3 - 1 + 3;
        marks.getChildren().setAll(List.of(
                rectangle((hexStart + 3 * from) * width, (3 * (to - from) - 1) * width, height),
                rectangle((asciiStart + from) * width, (to - from) * width, height)));
        marks.setLayoutX(text.getLayoutX());
        marks.setLayoutY(text.getLayoutY());
    }

    private static Rectangle rectangle(double x, double w, double h) {
        Rectangle r = new Rectangle(x, 0, w, h);
        r.getStyleClass().add("ws-hex-mark");
        return r;
    }
}
