package com.socketworkbench.app;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AppLanguageTest {
    @Test
    void thePropertyWinsOverTheSavedChoiceAndTheSystem() {
        assertEquals(Locale.SIMPLIFIED_CHINESE, AppLanguage.resolve("zh-CN", "en", Locale.US));
        assertEquals(Locale.ENGLISH, AppLanguage.resolve("en", "zh-CN", Locale.CHINA));
    }

    @Test
    void theSavedChoiceWinsOverTheSystemUnlessItSaysFollowTheSystem() {
        assertEquals(Locale.SIMPLIFIED_CHINESE, AppLanguage.resolve("", "zh-CN", Locale.US));
        assertEquals(Locale.ENGLISH, AppLanguage.resolve(null, AppLanguage.SYSTEM, Locale.GERMANY));
        assertEquals(Locale.SIMPLIFIED_CHINESE, AppLanguage.resolve(null, AppLanguage.SYSTEM, Locale.CHINA));
    }

    @Test
    void anUnsupportedLanguageReadsEnglish() {
        assertEquals(Locale.ENGLISH, AppLanguage.resolve("fr", null, Locale.CHINA));
    }
}
