package com.socketworkbench.ui.http;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.codec.SupportedCharsets;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One entry of the body charset box: "Auto" (the response's Content-Type charset, else UTF-8) or a fixed charset. */
record CharsetChoice(Optional<Charset> charset) {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.http.http");
    static final CharsetChoice AUTO = new CharsetChoice(Optional.empty());

    static List<CharsetChoice> all() {
        List<CharsetChoice> choices = new ArrayList<>();
        choices.add(AUTO);
        for (Charset charset : SupportedCharsets.all()) {
            choices.add(new CharsetChoice(Optional.of(charset)));
        }
        return choices;
    }

    Charset resolve(Charset auto) {
        return charset.orElse(auto);
    }

    /** What the box shows: the charset's name, or "Auto" in the user's language. */
    String label() {
        return charset.map(Charset::name).orElse(TEXT.get("charset.auto"));
    }

    /** The saved form (the same in every language): the charset's name or "Auto". */
    @Override
    public String toString() {
        return charset.map(Charset::name).orElse("Auto");
    }
}
