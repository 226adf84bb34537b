package com.socketworkbench.ui.udp;

import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static com.socketworkbench.app.AppDriver.fx;

/**
 * Writes a scene as a PNG into the {@code screenshots.dir} directory. ScreenshotsTest keeps its own equivalent private;
 * this belongs in AppDriver once the UI branch can take it.
 */
final class SceneSnapshot {
    private SceneSnapshot() {
    }

    static Path write(Scene scene, String name) throws IOException {
        WritableImage image = fx(() -> scene.snapshot(null));
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        png.setRGB(0, 0, width, height, argb, 0, width);
        Path dir = Path.of(System.getProperty("screenshots.dir", "screenshots"));
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        ImageIO.write(png, "png", file.toFile());
        return file;
    }
}
