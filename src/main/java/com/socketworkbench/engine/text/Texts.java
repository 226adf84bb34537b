package com.socketworkbench.engine.text;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The words of one feature in the user's language: a resource bundle of {@code .properties} files beside the code
 * (English in {@code name.properties}, Simplified Chinese in {@code name_zh_CN.properties}, both UTF-8).
 *
 * <p>Placeholders are {@code {0}}, {@code {1}}, … and are replaced by {@code String.valueOf(argument)}; nothing else
 * is special (no {@link java.text.MessageFormat} quoting, so an apostrophe is just an apostrophe). Callers format
 * numbers themselves, the way the rest of the app does.
 *
 * <p>The language is chosen once per process, at start ({@link #use(Locale)}): like the JDK's own default locale it
 * is process-wide, and switching it takes a restart, which the View menu says. Lookups never fall back to the JVM's
 * default locale, so an English lookup on a Chinese system gets the English base bundle.
 *
 * <p>With the system property {@value #STRICT_PROPERTY} set to {@code true} (the test suite sets it) a missing key
 * throws; otherwise it is logged once per lookup and shown as {@code !key!}, so a gap is visible but nothing breaks.
 */
public final class Texts {
    public static final String STRICT_PROPERTY = "socketworkbench.texts.strict";
    /** The languages the app is translated into; the first is the base bundle's. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

    private static final Logger LOG = LoggerFactory.getLogger(Texts.class);
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static volatile Locale current = Locale.ENGLISH;

    private final String baseName;
    private volatile Loaded loaded;

    private Texts(String baseName) {
        this.baseName = baseName;
    }

    /**
     * The bundle with this base name, e.g. {@code Texts.bundle("com.socketworkbench.ui.http.http")} for
     * {@code com/socketworkbench/ui/http/http.properties}. Hold it in a {@code static final} field of the feature.
     */
    public static Texts bundle(String baseName) {
        return new Texts(Objects.requireNonNull(baseName));
    }

    /** Chooses the language for every bundle from now on: English or Simplified Chinese. */
    public static void use(Locale locale) {
        current = supported(locale);
    }

    /** The language bundles are read in. */
    public static Locale locale() {
        return current;
    }

    /** The supported language closest to {@code locale}: any Chinese reads Simplified Chinese, all else English. */
    public static Locale supported(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    /** The text for {@code key} with its placeholders replaced by {@code arguments}. */
    public String get(String key, Object... arguments) {
        String pattern = pattern(key);
        return arguments.length == 0 ? pattern : fill(pattern, arguments);
    }

    /** Whether the bundle has {@code key} (for texts chosen by an enum or code that may have none). */
    public boolean has(String key) {
        return bundle().containsKey(key);
    }

    public String baseName() {
        return baseName;
    }

    private String pattern(String key) {
        try {
            return bundle().getString(key);
        } catch (MissingResourceException missing) {
            if (Boolean.getBoolean(STRICT_PROPERTY)) {
                throw new IllegalArgumentException("No text '" + key + "' in bundle " + baseName
                        + " for " + current.toLanguageTag(), missing);
            }
            LOG.warn("No text '{}' in bundle {} for {}", key, baseName, current.toLanguageTag());
            return "!" + key + "!";
        }
    }

    private ResourceBundle bundle() {
        Locale locale = current;
        Loaded now = loaded;
        if (now == null || !now.locale.equals(locale)) {
            now = new Loaded(locale, ResourceBundle.getBundle(baseName, locale, Texts.class.getClassLoader(),
                    NO_FALLBACK));
            loaded = now;
        }
        return now.bundle;
    }

    /** Replaces {@code {n}} by argument n; a brace not followed by a valid index and '}' is kept as it is. */
    static String fill(String pattern, Object[] arguments) {
        StringBuilder out = new StringBuilder(pattern.length() + 16 * arguments.length);
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '{') {
                int close = pattern.indexOf('}', i + 1);
                int index = close > i + 1 ? index(pattern, i + 1, close) : -1;
                if (index >= 0 && index < arguments.length) {
                    out.append(arguments[index]);
                    i = close + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static int index(String pattern, int from, int to) {
        if (to - from > 2) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            char digit = pattern.charAt(i);
            if (digit < '0' || digit > '9') {
                return -1;
            }
            value = value * 10 + (digit - '0');
        }
        return value;
    }

    private record Loaded(Locale locale, ResourceBundle bundle) {
    }
}
