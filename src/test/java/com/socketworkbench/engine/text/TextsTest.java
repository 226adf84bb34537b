package com.socketworkbench.engine.text;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextsTest {
    private static final Texts SAMPLE = Texts.bundle("com.socketworkbench.engine.text.sample");
    private final Locale before = Texts.locale();

    @AfterEach
    void restore() {
        Texts.use(before);
    }

    @Test
    void fillsPlaceholdersAndKeepsApostrophes() {
        Texts.use(Locale.ENGLISH);
        assertEquals("Hello, Ann! It's noon.", SAMPLE.get("greeting", "Ann", "noon"));
    }

    @Test
    void readsChineseWhenChosenAndSwitchesBack() {
        Texts.use(Locale.SIMPLIFIED_CHINESE);
        assertEquals("你好，Ann！现在是 noon。", SAMPLE.get("greeting", "Ann", "noon"));
        Texts.use(Locale.ENGLISH);
        assertEquals("fine", SAMPLE.get("only.english"));
    }

    @Test
    void englishIsReadFromTheBaseBundleEvenWhenTheJvmDefaultIsChinese() {
        Locale jvm = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            Texts.use(Locale.ENGLISH);
            assertEquals("fine", SAMPLE.get("only.english"));
        } finally {
            Locale.setDefault(jvm);
        }
    }

    @Test
    void anyChineseReadsSimplifiedChineseAndEverythingElseEnglish() {
        assertEquals(Locale.SIMPLIFIED_CHINESE, Texts.supported(Locale.forLanguageTag("zh-TW")));
        assertEquals(Locale.SIMPLIFIED_CHINESE, Texts.supported(Locale.forLanguageTag("zh")));
        assertEquals(Locale.ENGLISH, Texts.supported(Locale.GERMANY));
        assertEquals(Locale.ENGLISH, Texts.supported(null));
    }

    @Test
    void bracesThatAreNotPlaceholdersStay() {
        assertEquals("{x} {5} a {}", Texts.fill("{x} {5} {0} {}", new Object[] {"a"}));
        assertEquals("{json: 1}", Texts.fill("{json: 1}", new Object[] {"a"}));
    }

    @Test
    void aMissingKeyThrowsInStrictModeAndIsVisibleOtherwise() {
        String strict = System.getProperty(Texts.STRICT_PROPERTY);
        try {
            System.setProperty(Texts.STRICT_PROPERTY, "true");
            assertThrows(IllegalArgumentException.class, () -> SAMPLE.get("no.such.key"));
            System.setProperty(Texts.STRICT_PROPERTY, "false");
            assertEquals("!no.such.key!", SAMPLE.get("no.such.key"));
            assertTrue(SAMPLE.has("greeting"));
            assertFalse(SAMPLE.has("no.such.key"));
        } finally {
            if (strict == null) {
                System.clearProperty(Texts.STRICT_PROPERTY);
            } else {
                System.setProperty(Texts.STRICT_PROPERTY, strict);
            }
        }
    }
}
