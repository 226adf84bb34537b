package com.socketworkbench.ui.rate;

import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polyline;

import java.util.Arrays;

/**
 * One small plot of two per-second series (received and sent) over {@link RateHistory#SECONDS} seconds: a fixed set of
 * nodes (two polylines of {@code SECONDS} points, a base line, a scale label) whose points are replaced on each
 * redraw, so a flood neither grows a series nor adds nodes. Received and sent differ in colour ({@code -sw-received},
 * {@code -sw-sent}) and in dash, for readers who cannot tell the colours apart.
 */
final class RatePlot extends Pane {
    static final double HEIGHT = 64;
    private static final double TOP_ROOM = 16;

    private final Polyline received = new Polyline();
    private final Polyline sent = new Polyline();
    private final Line base = new Line();
    private final Label scale = new Label();
    private long[] lastIn = new long[RateHistory.SECONDS];
    private long[] lastOut = new long[RateHistory.SECONDS];
    private double lastTop = 1;

    RatePlot(String id) {
        setId(id);
        getStyleClass().add("rate-plot");
        received.getStyleClass().addAll("rate-line", "rate-line-received");
        sent.getStyleClass().addAll("rate-line", "rate-line-sent");
        base.getStyleClass().add("rate-base");
        scale.getStyleClass().add("rate-scale");
        scale.relocate(4, 0);
        received.setManaged(false);
        sent.setManaged(false);
        base.setManaged(false);
        getChildren().addAll(base, received, sent, scale);
        setPrefHeight(HEIGHT);
        setMinHeight(HEIGHT);
        setMaxHeight(HEIGHT);
        setMinWidth(60);
        widthProperty().subscribe(width -> redraw());
    }

    /** Shows {@code in} and {@code out} (oldest first) against an axis up to {@code top}, labelled {@code text}. */
    void show(long[] in, long[] out, double top, String text) {
        // An idle minute redraws nothing: new points would make JavaFX render a frame twice a second for no change.
        if (top == lastTop && Arrays.equals(in, lastIn) && Arrays.equals(out, lastOut)
                && text.equals(scale.getText())) {
            return;
        }
        lastIn = in;
        lastOut = out;
        lastTop = top;
        scale.setText(text);
        redraw();
    }

    String scaleText() {
        return scale.getText();
    }

    /** The received line's points, x then y (tests read the heights). */
    Polyline receivedLine() {
        return received;
    }

    Polyline sentLine() {
        return sent;
    }

    private void redraw() {
        double width = Math.max(0, getWidth());
        double bottom = HEIGHT - 1;
        base.setStartX(0);
        base.setEndX(width);
        base.setStartY(bottom);
        base.setEndY(bottom);
        received.getPoints().setAll(points(lastIn, width, bottom));
        sent.getPoints().setAll(points(lastOut, width, bottom));
    }

    private Double[] points(long[] values, double width, double bottom) {
        int n = values.length;
        Double[] points = new Double[n * 2];
        double span = bottom - TOP_ROOM;
        for (int i = 0; i < n; i++) {
            points[2 * i] = n == 1 ? 0 : width * i / (n - 1);
            points[2 * i + 1] = bottom - span * Math.min(1, values[i] / lastTop);
        }
        return points;
    }
}
