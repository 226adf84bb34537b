package com.socketworkbench.ui.http;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.http.Anatomy;
import com.socketworkbench.engine.http.HttpTarget;
import com.socketworkbench.engine.http.PreparedRequest;
import com.socketworkbench.engine.http.RawRequestBuilder;
import com.socketworkbench.engine.http.RequestBody;
import com.socketworkbench.engine.http.RequestOptions;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the editor's text will become, recomputed on every edit: its parts for colouring, the exact bytes and the
 * warnings to show next to Send.
 *
 * @param text     the editor text
 * @param anatomy  char ranges of method, target, headers, blank line and body
 * @param prepared the bytes that Send would write now
 * @param warnings the builder's warnings plus what only the UI knows (the Host header naming another target)
 */
record RequestPreview(String text, Anatomy anatomy, PreparedRequest prepared, List<String> warnings) {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.http.http");

    static RequestPreview of(String text, Charset charset, RequestOptions options, Optional<HttpTarget> target) {
        return of(text, charset, options, target, null);
    }

    /** @param bodyFile the file the body comes from instead of the editor; null for the editor's body text */
    static RequestPreview of(String text, Charset charset, RequestOptions options, Optional<HttpTarget> target,
                             RequestBody.FileBody bodyFile) {
        String editorText = text == null ? "" : text;
        PreparedRequest prepared = RawRequestBuilder.prepare(editorText, charset, options, bodyFile);
        Anatomy anatomy = RawRequestBuilder.anatomy(editorText);
        List<String> warnings = new ArrayList<>(prepared.warnings());
        target.flatMap(t -> hostMismatch(editorText, anatomy, t)).ifPresent(warnings::add);
        return new RequestPreview(editorText, anatomy, prepared, List.copyOf(warnings));
    }

    /** The number of header lines (the head's lines after the request line). */
    int headerCount() {
        return (int) headLines(text, anatomy).stream().skip(1).filter(line -> !line.isEmpty()).count();
    }

    boolean hasBlankLine() {
        return !anatomy.spans(Anatomy.Part.BLANK_LINE).isEmpty();
    }

    /** The file the body comes from, when it does not come from the editor. */
    Optional<RequestBody.FileBody> bodyFile() {
        return prepared.body() instanceof RequestBody.FileBody file ? Optional.of(file) : Optional.empty();
    }

    /** "request line · 3 headers · blank line · body 45 bytes → 152 bytes on the wire". */
    String summary() {
        int headers = headerCount();
        long body = prepared.bodyLength();
        return TEXT.get(anatomy.requestLine().isPresent() ? "preview.requestLine" : "preview.requestLine.none")
                + " · " + TEXT.get(headers == 1 ? "preview.headers.one" : "preview.headers.other", headers)
                + " · " + TEXT.get(hasBlankLine() ? "preview.blankLine" : "preview.blankLine.none")
                + " · " + bodyFile().map(file -> TEXT.get(body == 1 ? "preview.body.file.one"
                        : "preview.body.file.other", body, file.file().getFileName()))
                        .orElse(TEXT.get(body == 1 ? "preview.body.one" : "preview.body.other", body))
                + "  →  " + TEXT.get("preview.wire", prepared.length());
    }

    private static Optional<String> hostMismatch(String text, Anatomy anatomy, HttpTarget target) {
        for (String line : headLines(text, anatomy).stream().skip(1).toList()) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase("Host")) {
                String value = line.substring(colon + 1).strip();
                if (value.equalsIgnoreCase(target.hostHeaderValue()) || value.equalsIgnoreCase(target.authority())) {
                    return Optional.empty();
                }
                return Optional.of(TEXT.get("preview.hostMismatch", value, target.authority()));
            }
        }
        return Optional.empty();
    }

    /** The head's lines without their endings, request line first. */
    private static List<String> headLines(String text, Anatomy anatomy) {
        int headEnd = anatomy.spans(Anatomy.Part.BLANK_LINE).stream().findFirst().map(Anatomy.Span::start)
                .orElse(text.length());
        List<String> lines = new ArrayList<>();
        int pos = 0;
        while (pos < headEnd) {
            int lf = text.indexOf('\n', pos);
            int end = lf < 0 || lf > headEnd ? headEnd : lf;
            String line = text.substring(pos, end);
            lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            pos = end + 1;
        }
        return lines;
    }
}
