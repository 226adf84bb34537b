package com.socketworkbench.app;

import javafx.scene.Scene;
import javafx.stage.PopupWindow;
import javafx.stage.Window;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;

/** Writes what a scene shows as a PNG for the README, into the directory the {@code screenshots.dir} property names. */
public final class Screenshots {
    /** The window size every picture is taken at. */
    public static final int WIDTH = 1280;
    public static final int HEIGHT = 800;

    private Screenshots() {
    }

    /** Gives the app's window the picture size and lets the layout settle. */
    public static void sizeWindow(Stage stage) {
        fxRun(() -> {
            stage.setWidth(WIDTH);
            stage.setHeight(HEIGHT);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Snapshots {@code scene} on the FX thread and writes it as {@code fileName} into {@code screenshots.dir}
     * (default {@code screenshots}), creating the directory; returns the file written.
     */
    public static Path write(Scene scene, String fileName) throws IOException {
        Path dir = Path.of(System.getProperty("screenshots.dir", "screenshots"));
        return writeTo(scene, dir.resolve(fileName));
    }

    /**
     * Like {@link #write}, with the window's open popups (a menu that is showing) drawn where they are on screen: a
     * scene snapshot holds only the window's own scene.
     */
    public static Path writeWithPopups(Scene scene, String fileName) throws IOException {
        WritableImage image = fx(() -> {
            WritableImage base = scene.snapshot(null);
            Window owner = scene.getWindow();
            for (Window window : Window.getWindows()) {
                if (window instanceof PopupWindow popup && popup.isShowing() && popup.getScene() != null) {
                    WritableImage layer = popup.getScene().snapshot(null);
                    int x = (int) Math.round(popup.getX() + popup.getScene().getX() - owner.getX() - scene.getX());
                    int y = (int) Math.round(popup.getY() + popup.getScene().getY() - owner.getY() - scene.getY());
                    drawOver(base, layer, x, y);
                }
            }
            return base;
        });
        Path dir = Path.of(System.getProperty("screenshots.dir", "screenshots"));
        return writeImage(image, dir.resolve(fileName));
    }

    private static void drawOver(WritableImage base, WritableImage layer, int left, int top) {
        for (int y = 0; y < (int) layer.getHeight(); y++) {
            for (int x = 0; x < (int) layer.getWidth(); x++) {
                int bx = left + x;
                int by = top + y;
                int argb = layer.getPixelReader().getArgb(x, y);
                if (bx >= 0 && by >= 0 && bx < base.getWidth() && by < base.getHeight() && (argb >>> 24) > 0) {
                    base.getPixelWriter().setArgb(bx, by, argb);
                }
            }
        }
    }

    /** Snapshots {@code scene} on the FX thread and writes it as the PNG {@code file}, creating its directory. */
    public static Path writeTo(Scene scene, Path file) throws IOException {
        return writeImage(fx(() -> scene.snapshot(null)), file);
    }

    private static Path writeImage(WritableImage image, Path file) throws IOException {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        png.setRGB(0, 0, width, height, argb, 0, width);
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        ImageIO.write(png, "png", file.toFile());
        return file;
    }
}
