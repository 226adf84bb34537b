package com.socketworkbench.app;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The window opens inside the screen's usable area, whatever size and place it remembers. */
class WindowBoundsTest {
    /** A 1366 × 768 laptop screen under a 40-pixel task bar. */
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 728);

    @Test
    void aWindowThatFitsKeepsItsSizeAndPlace() {
        assertEquals(new Rectangle2D(20, 10, 1280, 700),
                WindowBounds.fit(1280, 700, 20, 10, LAPTOP));
    }

    @Test
    void theDefaultSizeShrinksToASmallerScreen() {
        assertEquals(new Rectangle2D(0, 0, 1280, 728),
                WindowBounds.fit(WindowBounds.DEFAULT_WIDTH, WindowBounds.DEFAULT_HEIGHT, 0, 0, LAPTOP));
        assertEquals(new Rectangle2D(0, 0, 1024, 640),
                WindowBounds.fit(1280, 800, 0, 0, new Rectangle2D(0, 0, 1024, 640)));
    }

    @Test
    void aWindowStickingOutIsMovedBackInside() {
        assertEquals(new Rectangle2D(86, 28, 1280, 700), WindowBounds.fit(1280, 700, 300, 200, LAPTOP));
        assertEquals(new Rectangle2D(0, 0, 1280, 700), WindowBounds.fit(1280, 700, -50, -30, LAPTOP));
    }

    @Test
    void aSecondScreenToTheLeftIsItsOwnArea() {
        Rectangle2D left = new Rectangle2D(-1920, 0, 1920, 1040);
        assertEquals(new Rectangle2D(-1900, 40, 1280, 800), WindowBounds.fit(1280, 800, -1900, 40, left));
    }
}
