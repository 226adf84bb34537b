package com.socketworkbench.ui.http;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.codec.ByteSource;
import com.socketworkbench.engine.codec.ByteText;
import com.socketworkbench.engine.http.JsonPretty;
import com.socketworkbench.engine.http.ParsedResponse;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The body as text for the body view: only the first {@link #TEXT_LIMIT} bytes are decoded (a TextArea with
 * megabytes of text stalls the UI), JSON is pretty-printed when the whole body fits.
 *
 * @param text   what the text view shows
 * @param note   what the view says about it ("showing first 256 KiB of 52,428,800 bytes · JSON pretty-printed")
 * @param pretty the text is pretty-printed JSON, not the bytes as received
 */
record BodyRendering(String text, String note, boolean pretty) {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.http.http");
    static final int TEXT_LIMIT = 256 * 1024;

    static BodyRendering render(ByteSource body, Charset charset, boolean json, boolean prettyWanted) {
        return render(body, charset, json, prettyWanted, TEXT_LIMIT);
    }

    static BodyRendering render(ByteSource body, Charset charset, boolean json, boolean prettyWanted, int limit) {
        long length = body.length();
        if (length == 0) {
            return new BodyRendering("", TEXT.get("body.none"), false);
        }
        int shown = (int) Math.min(length, limit);
        String text = ByteText.decode(body.readAt(0, shown), charset);
        List<String> notes = new ArrayList<>();
        if (shown < length) {
            notes.add(TEXT.get("body.cut", limitWords(limit), String.format(Locale.ROOT, "%,d", length)));
        }
        boolean pretty = false;
        if (json && prettyWanted) {
            if (shown < length) {
                notes.add(TEXT.get("body.tooLargeToPretty"));
            } else {
                Optional<String> formatted = JsonPretty.format(text);
                if (formatted.isPresent()) {
                    text = formatted.get();
                    pretty = true;
                    notes.add(TEXT.get("body.pretty"));
                } else {
                    notes.add(TEXT.get("body.notJson", JsonPretty.problem(text).orElse(TEXT.get("body.unreadable"))));
                }
            }
        }
        return new BodyRendering(text, String.join(" · ", notes), pretty);
    }

    /** The charset the body is decoded with when the user did not pick one: Content-Type's, else UTF-8. */
    static Charset defaultCharset(ParsedResponse response) {
        return response.charset().orElse(StandardCharsets.UTF_8);
    }

    private static String limitWords(int limit) {
        return limit % 1024 == 0 ? (limit / 1024) + " KiB" : TEXT.get("body.bytes", limit);
    }
}
