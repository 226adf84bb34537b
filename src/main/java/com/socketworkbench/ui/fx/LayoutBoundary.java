package com.socketworkbench.ui.fx;

import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.layout.Region;

import java.util.function.DoubleUnaryOperator;

/**
 * Holds one region whose contents change often (a timeline table under a flood, counters), so that its relayouts
 * stop here instead of laying out every ancestor up to the window again. A managed node that asks for layout makes
 * each ancestor recompute its children's sizes and place them; under a flood, five table updates and counter changes
 * a second, that was about a fifth of the FX thread's time. Here the region is unmanaged (a layout root: its request
 * marks the way down from the window but lays out nothing above it) and this boundary gives it its own size.
 *
 * <p>Ancestors still learn when the region's size needs change: before each layout pass in which the region asked
 * for layout, the boundary compares the region's minimum and preferred sizes with those it last reported and asks
 * its parent for layout when they differ (a counter that wraps onto a second line, a longer translation).
 */
public final class LayoutBoundary extends Region {
    private final Region content;
    private final Runnable check = this::checkSizes;
    private Scene registered;
    private boolean contentAskedForLayout;
    private final Reported minWidth = new Reported();
    private final Reported prefWidth = new Reported();
    private final Reported minHeight = new Reported();
    private final Reported prefHeight = new Reported();

    public LayoutBoundary(Region content) {
        this.content = content;
        content.setManaged(false);
        getChildren().add(content);
        // Both listeners watch nodes of this boundary's own, so they live and go with it.
        content.needsLayoutProperty().addListener((observable, was, needs) -> {
            if (needs) {
                contentAskedForLayout = true;
            }
        });
        sceneProperty().addListener((observable, old, scene) -> register(scene));
    }

    public Region content() {
        return content;
    }

    private void register(Scene scene) {
        if (registered != null) {
            registered.removePreLayoutPulseListener(check);
        }
        registered = scene;
        if (scene != null) {
            scene.addPreLayoutPulseListener(check);
        }
    }

    private void checkSizes() {
        if (!contentAskedForLayout) {
            return;
        }
        contentAskedForLayout = false;
        if (minWidth.changed(content::minWidth) || prefWidth.changed(content::prefWidth)
                || minHeight.changed(content::minHeight) || prefHeight.changed(content::prefHeight)) {
            requestLayout();
        }
    }

    /**
     * The content's bias, so that a parent asks a wrapping content (a flow of counters) for its height at the width it
     * gets, not at the flow's default wrap length, which took a third line a wide window never shows.
     */
    @Override
    public Orientation getContentBias() {
        return content.getContentBias();
    }

    @Override
    protected void layoutChildren() {
        content.resizeRelocate(0, 0, getWidth(), getHeight());
    }

    @Override
    protected double computeMinWidth(double height) {
        return minWidth.report(height, content.minWidth(height));
    }

    @Override
    protected double computePrefWidth(double height) {
        return prefWidth.report(height, content.prefWidth(height));
    }

    @Override
    protected double computeMinHeight(double width) {
        return minHeight.report(width, content.minHeight(width));
    }

    @Override
    protected double computePrefHeight(double width) {
        return prefHeight.report(width, content.prefHeight(width));
    }

    @Override
    protected double computeMaxWidth(double height) {
        return content.maxWidth(height);
    }

    @Override
    protected double computeMaxHeight(double width) {
        return content.maxHeight(width);
    }

    /** The last size reported to the parent for one dimension, and the other dimension it was asked for. */
    private static final class Reported {
        private double asked = Double.NaN;
        private double value = Double.NaN;

        double report(double askedFor, double size) {
            asked = askedFor;
            value = size;
            return size;
        }

        /** Whether the content, asked again as the parent asked last, now gives another size. */
        boolean changed(DoubleUnaryOperator size) {
            return !Double.isNaN(value) && Double.compare(size.applyAsDouble(asked), value) != 0;
        }
    }
}
