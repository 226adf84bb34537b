package com.socketworkbench.ui.traffic;

import com.socketworkbench.engine.codec.HexDump;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

import java.util.List;
import java.util.function.Consumer;

/**
 * The byte-level behaviour of the inspector's hex dump: a byte range selected with the mouse (press and drag) or
 * Shift+arrows (left/right one byte, up/down one line), and the search matches of the payload with the current one.
 * Both are drawn by the {@link HexLineCell}s from {@link HexMarks}; the selection is reported to the data inspector.
 */
final class HexDumpSelection implements MatchNavigator {
    /** A payload shows at most this many matches; the count in the search bar says how many there are. */
    static final int MAX_MATCHES = TimelineSearch.MAX_COUNT_PER_ROW;

    private final ListView<String> hex;
    private final HexMarks marks = new HexMarks();
    private final Consumer<PayloadPattern.Range> onSelection;
    private final Consumer<PayloadPattern.Range> onCurrentMatch;
    private byte[] payload = new byte[0];
    private int anchor = -1;
    private int caret = -1;
    private List<PayloadPattern.Range> matches = List.of();
    private int current = -1;

    /**
     * @param onSelection    called with the selected range (null for none) whenever it changes
     * @param onCurrentMatch called with the current match (null for none) whenever it changes
     */
    HexDumpSelection(ListView<String> hex, Consumer<PayloadPattern.Range> onSelection,
                     Consumer<PayloadPattern.Range> onCurrentMatch) {
        this.hex = hex;
        this.onSelection = onSelection;
        this.onCurrentMatch = onCurrentMatch;
        hex.setCellFactory(view -> new HexLineCell(marks));
        hex.addEventFilter(MouseEvent.MOUSE_PRESSED, this::pressed);
        hex.addEventFilter(MouseEvent.MOUSE_DRAGGED, this::dragged);
        hex.addEventFilter(MouseEvent.MOUSE_RELEASED, this::dragged);
        hex.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
    }

    /** A new payload (or none): no selection, and the matches of {@code pattern} in it, the first one current. */
    void show(byte[] bytes, PayloadPattern pattern) {
        payload = bytes == null ? new byte[0] : bytes;
        marks.reset(payload.length);
        anchor = -1;
        caret = -1;
        matches = pattern == null || bytes == null ? List.of() : pattern.ranges(bytes, MAX_MATCHES);
        current = matches.isEmpty() ? -1 : 0;
        marks.setMatches(matches, current);
        redraw();
        onSelection.accept(null);
        showCurrent();
    }

    /** The selected bytes' range, or null. */
    PayloadPattern.Range selection() {
        return anchor < 0 ? null : new PayloadPattern.Range(Math.min(anchor, caret), Math.max(anchor, caret) + 1);
    }

    /** Selects bytes {@code start} to {@code end} (exclusive), as a drag over them would. */
    void select(int start, int end) {
        if (payload.length == 0 || end <= start) {
            return;
        }
        anchor = clamp(start);
        caret = clamp(end - 1);
        selectionChanged();
    }

    PayloadPattern.Range currentMatch() {
        return current < 0 ? null : matches.get(current);
    }

    List<PayloadPattern.Range> matches() {
        return matches;
    }

    @Override
    public boolean next() {
        if (current + 1 >= matches.size()) {
            return false;
        }
        current++;
        showCurrent();
        return true;
    }

    @Override
    public boolean previous() {
        if (current <= 0) {
            return false;
        }
        current--;
        showCurrent();
        return true;
    }

    @Override
    public void first() {
        current = matches.isEmpty() ? -1 : 0;
        showCurrent();
    }

    @Override
    public void last() {
        current = matches.size() - 1;
        showCurrent();
    }

    private void showCurrent() {
        marks.setCurrent(current);
        redraw();
        PayloadPattern.Range match = currentMatch();
        if (match != null) {
            reveal(match.start() / HexDump.BYTES_PER_LINE);
        }
        onCurrentMatch.accept(match);
    }

    private void pressed(MouseEvent event) {
        if (event.getButton() != MouseButton.PRIMARY) {
            return;
        }
        int at = byteAt(event.getSceneX(), event.getSceneY());
        if (at < 0) {
            return;
        }
        if (event.isShiftDown() && anchor >= 0) {
            caret = at;
        } else {
            anchor = at;
            caret = at;
        }
        hex.requestFocus();
        selectionChanged();
    }

    private void dragged(MouseEvent event) {
        boolean release = event.getEventType() == MouseEvent.MOUSE_RELEASED;
        if (anchor < 0 || (release ? event.getButton() != MouseButton.PRIMARY : !event.isPrimaryButtonDown())) {
            return;
        }
        int at = byteAt(event.getSceneX(), event.getSceneY());
        if (at >= 0 && at != caret) {
            caret = at;
            selectionChanged();
        }
        if (!release) {
            event.consume(); // the list would otherwise select lines while the bytes are dragged over
        }
    }

    private void keyPressed(KeyEvent event) {
        if (payload.length == 0 || !event.isShiftDown()) {
            return;
        }
        int step = switch (event.getCode()) {
            case LEFT, KP_LEFT -> -1;
            case RIGHT, KP_RIGHT -> 1;
            case UP, KP_UP -> -HexDump.BYTES_PER_LINE;
            case DOWN, KP_DOWN -> HexDump.BYTES_PER_LINE;
            default -> 0;
        };
        if (step == 0) {
            return;
        }
        if (anchor < 0) {
            // Shift+arrow with nothing selected starts at the first byte of the line in focus (or the payload's).
            int line = Math.max(0, hex.getFocusModel().getFocusedIndex());
            anchor = clamp(line * HexDump.BYTES_PER_LINE);
            caret = anchor;
            if (step < 0) {
                selectionChanged();
                event.consume();
                return;
            }
        }
        caret = clamp(caret + step);
        selectionChanged();
        reveal(caret / HexDump.BYTES_PER_LINE);
        event.consume();
    }

    private void selectionChanged() {
        PayloadPattern.Range range = selection();
        marks.setSelection(range == null ? -1 : range.start(), range == null ? -1 : range.end());
        redraw();
        onSelection.accept(range);
    }

    private int clamp(int offset) {
        return Math.max(0, Math.min(payload.length - 1, offset));
    }

    /** The byte under a scene point: the visible line whose cell holds the point's height, the column its x. */
    private int byteAt(double sceneX, double sceneY) {
        HexLineCell nearest = null;
        double nearestDistance = Double.MAX_VALUE;
        for (Node node : hex.lookupAll(".hex-line-cell")) {
            if (!(node instanceof HexLineCell cell) || cell.isEmpty() || cell.getItem() == null || !cell.isVisible()) {
                continue;
            }
            Bounds bounds = cell.localToScene(cell.getBoundsInLocal());
            double distance = sceneY < bounds.getMinY() ? bounds.getMinY() - sceneY
                    : sceneY >= bounds.getMaxY() ? sceneY - bounds.getMaxY() + 0.5 : 0;
            if (distance < nearestDistance) {
                nearestDistance = distance;
                nearest = cell;
            }
        }
        if (nearest == null) {
            return -1;
        }
        Point2D local = nearest.sceneToLocal(sceneX, sceneY);
        return nearest.byteAt(local.getX());
    }

    private void reveal(int line) {
        int first = Integer.MAX_VALUE;
        int last = -1;
        for (Node node : hex.lookupAll(".hex-line-cell")) {
            if (node instanceof HexLineCell cell && !cell.isEmpty() && cell.getItem() != null && cell.isVisible()) {
                Bounds bounds = cell.localToScene(cell.getBoundsInLocal());
                Bounds list = hex.localToScene(hex.getBoundsInLocal());
                if (bounds.getMinY() >= list.getMinY() && bounds.getMaxY() <= list.getMaxY()) {
                    first = Math.min(first, cell.getIndex());
                    last = Math.max(last, cell.getIndex());
                }
            }
        }
        if (line < first || line > last) {
            hex.scrollTo(Math.max(0, line - 2));
        }
    }

    private void redraw() {
        for (Node node : hex.lookupAll(".hex-line-cell")) {
            if (node instanceof HexLineCell cell) {
                cell.drawMarks();
            }
        }
    }
}
