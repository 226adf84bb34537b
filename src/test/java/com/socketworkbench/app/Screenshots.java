package com.socketworkbench.app;

import javafx.scene.Scene;
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

    /** Snapshots {@code scene} on the FX thread and writes it as the PNG {@code file}, creating its directory. */
    public static Path writeTo(Scene scene, Path file) throws IOException {
        WritableImage image = fx(() -> scene.snapshot(null));
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
