package com.socketworkbench.app;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.ui.tab.AppPreferences;

import java.util.Locale;

/**
 * Which language the window speaks: the system property {@value #PROPERTY} (e.g. {@code zh-CN}, {@code en}) wins,
 * then the user's choice from View → Language (kept in the user's preferences, not in a workspace), then the
 * system's locale. Read once at start; a new choice takes effect at the next start.
 */
public final class AppLanguage {
    public static final String PROPERTY = "socketworkbench.locale";
    /** The preference key, whose value is {@link #SYSTEM} or a language tag. */
    public static final String KEY = "language";
    public static final String SYSTEM = "system";

    private AppLanguage() {
    }

    /** The language to use given the property's value, the saved choice and the system's locale (any may be blank). */
    public static Locale resolve(String property, String saved, Locale system) {
        if (property != null && !property.isBlank()) {
            return Texts.supported(Locale.forLanguageTag(property.trim()));
        }
        if (saved != null && !saved.isBlank() && !SYSTEM.equals(saved.trim())) {
            return Texts.supported(Locale.forLanguageTag(saved.trim()));
        }
        return Texts.supported(system);
    }

    /** Resolves the language for this start and makes every bundle use it. */
    public static Locale apply(AppPreferences preferences) {
        Locale locale = resolve(System.getProperty(PROPERTY), preferences.get(KEY, SYSTEM), Locale.getDefault());
        Texts.use(locale);
        return locale;
    }
}
