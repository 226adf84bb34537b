package com.socketworkbench.ui.http;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.codec.ByteSource;
import com.socketworkbench.engine.codec.ByteText;
import com.socketworkbench.engine.http.HttpExchange;
import com.socketworkbench.engine.http.ParsedResponse;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The text views of one shown exchange, decoded with one charset: the body ({@link BodyRendering}, capped) and the
 * first {@link #RAW_TEXT_LIMIT} raw bytes. Made off the UI thread by {@link HttpViewModel}; the view only shows it.
 *
 * @param exchange the exchange it was rendered from
 * @param body     the body text view's text
 * @param bodyNote what the body view says about it ("JSON, pretty-printed · decoded as UTF-8")
 * @param raw      the raw text view's text
 * @param rawNote  what the raw view says about it ("Text: showing first 64 KiB of 9,437,300 bytes")
 */
record RenderedResponse(HttpExchange exchange, String body, String bodyNote, String raw, String rawNote) {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.http.http");
    /** The raw text view decodes at most this many bytes. */
    static final int RAW_TEXT_LIMIT = 64 * 1024;

    /** Decodes the entry's body and raw bytes, or says that the history dropped them; not on the UI thread. */
    static RenderedResponse of(HistoryEntry entry, CharsetChoice choice, boolean prettyWanted) {
        if (entry.bytesDropped()) {
            String note = entry.missingBytesNote();
            return new RenderedResponse(entry.exchange(), "", note, "", note);
        }
        RenderedResponse rendered = of(entry.exchange(), choice, prettyWanted);
        if (!entry.restored()) {
            return rendered;
        }
        // Re-parsed from the workspace's copy of the bytes; the TLS details were not saved.
        String restored = TEXT.get(entry.exchange().target().scheme().equals("https") ? "rendered.restored.https"
                : "rendered.restored");
        return new RenderedResponse(rendered.exchange(), rendered.body(), restored + " · " + rendered.bodyNote(),
                rendered.raw(), rendered.rawNote());
    }

    /** Decodes {@code exchange}'s body and raw bytes with {@code choice}; reads spooled bytes: not on the UI thread. */
    static RenderedResponse of(HttpExchange exchange, CharsetChoice choice, boolean prettyWanted) {
        Optional<ParsedResponse> response = exchange.response();
        Charset charset = choice.resolve(response.map(BodyRendering::defaultCharset)
                .orElse(StandardCharsets.UTF_8));
        BodyRendering body = response.map(r -> BodyRendering.render(r.body(), charset, r.json(), prettyWanted))
                .orElse(new BodyRendering("", TEXT.get("rendered.noBody"), false));
        ByteSource raw = exchange.rawBytes();
        long length = raw.length();
        String rawText = ByteText.decode(raw.readAt(0, (int) Math.min(length, RAW_TEXT_LIMIT)), charset);
        return new RenderedResponse(exchange, body.text(),
                body.note() + (body.note().isEmpty() ? "" : " · ") + TEXT.get("rendered.decodedAs", charset.name()),
                rawText, length > RAW_TEXT_LIMIT
                ? TEXT.get("rendered.raw.cut", String.format(Locale.ROOT, "%,d", length))
                : TEXT.get("rendered.raw", charset.name()));
    }

    /** What the views show when the bytes could not be read (a spooled file gone). */
    static RenderedResponse unreadable(HttpExchange exchange, Throwable failure) {
        return new RenderedResponse(exchange, "", TEXT.get("rendered.unreadable", failure.getMessage()), "", "");
    }
}
