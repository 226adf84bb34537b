package com.socketworkbench.ui.rate;

import java.util.Locale;

/**
 * How a rate is written and how high a plot's axis goes. Byte rates scale by 1024 (B/s, KiB/s, MiB/s, GiB/s, like
 * the rest of the app's sizes); message rates by 1000 (k, M). The axis top is the peak rounded up to 1, 2 or 5 times
 * a power of ten in the peak's own unit, so the scale label reads "2 MiB/s" rather than "1.73 MiB/s" and the lines
 * do not jump at every small change of the peak.
 */
public final class RateScale {
    private static final String[] BYTE_UNITS = {"B/s", "KiB/s", "MiB/s", "GiB/s", "TiB/s"};
    private static final String[] COUNT_SUFFIXES = {"", "k", "M", "G"};

    private RateScale() {
    }

    /** "0 B/s", "512 B/s", "1.5 KiB/s", "12 MiB/s". */
    public static String bytes(double perSecond) {
        int unit = byteUnit(perSecond);
        return number(perSecond / Math.pow(1024, unit)) + " " + BYTE_UNITS[unit];
    }

    /** "0", "7", "1.2k", "350k", "2.5M": a message count per second, the unit word is the caller's. */
    public static String count(double perSecond) {
        int unit = 0;
        double value = Math.max(0, perSecond);
        while (value >= 999.5 && unit < COUNT_SUFFIXES.length - 1) {
            value /= 1000;
            unit++;
        }
        return number(value) + COUNT_SUFFIXES[unit];
    }

    /** The axis top for byte rates peaking at {@code peak}: 1, 2 or 5 × 10^n of the peak's unit; 1 KiB/s at least. */
    public static double byteAxis(double peak) {
        if (peak <= 1024) {
            return 1024;
        }
        int unit = byteUnit(peak);
        double scale = Math.pow(1024, unit);
        return niceCeiling(peak / scale) * scale;
    }

    /** The axis top for message rates peaking at {@code peak}: 1, 2 or 5 × 10^n; 10 at least. */
    public static double countAxis(double peak) {
        return peak <= 10 ? 10 : niceCeiling(peak);
    }

    /** The smallest of 1, 2, 5 × 10^n that is at least {@code value} (value &gt; 0). */
    static double niceCeiling(double value) {
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= value * (1 - 1e-12)) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static int byteUnit(double perSecond) {
        int unit = 0;
        double value = Math.max(0, perSecond);
        while (value >= 1023.5 && unit < BYTE_UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit;
    }

    /** Whole numbers from 10 up, one decimal below ("1.5", "12", "512"); never "1.0". */
    private static String number(double value) {
        if (value >= 9.95 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
