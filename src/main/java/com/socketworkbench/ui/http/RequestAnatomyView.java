package com.socketworkbench.ui.http;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.http.Anatomy;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A read-only, coloured picture of the request being edited ({@code requestAnatomy}): one captioned block each for
 * the request line, the headers, the blank line and the body, with the line endings that will go on the wire.
 * The editor stays a plain TextArea; this preview follows every edit. Only the head and the start of the body are
 * drawn ({@link #MAX_LINES}, {@link #BODY_PREVIEW_CHARS}).
 */
final class RequestAnatomyView {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.http.http");
    static final int MAX_LINES = 200;
    static final int BODY_PREVIEW_CHARS = 2000;

    private final VBox blocks = new VBox(4);
    private final ScrollPane scroll = new ScrollPane(blocks);

    RequestAnatomyView() {
        blocks.setId("requestAnatomy");
        blocks.getStyleClass().add("anatomy");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("anatomy-scroll");
    }

    Node view() {
        return scroll;
    }

    /** Redraws for {@code preview}; {@code normalizeCrlf} decides which line endings are shown for the head. */
    void show(RequestPreview preview, boolean normalizeCrlf) {
        String text = preview.text();
        Anatomy anatomy = preview.anatomy();
        List<Node> nodes = new ArrayList<>();
        int blankStart = anatomy.spans(Anatomy.Part.BLANK_LINE).stream().findFirst().map(Anatomy.Span::start)
                .orElse(-1);
        int headEnd = blankStart >= 0 ? blankStart : text.length();

        List<int[]> lines = lines(text, headEnd);
        if (lines.isEmpty()) {
            nodes.add(block(TEXT.get("anatomy.requestLine"), "part-request-line",
                    TEXT.get("anatomy.requestLine.missing"), null));
        } else {
            int[] first = lines.getFirst();
            TextFlow requestLine = new TextFlow();
            appendLine(requestLine, text, anatomy, first, normalizeCrlf);
            nodes.add(block(TEXT.get("anatomy.requestLine"), "part-request-line", null, requestLine));

            TextFlow headers = new TextFlow();
            int shown = 0;
            for (int[] line : lines.subList(1, lines.size())) {
                if (shown == MAX_LINES) {
                    headers.getChildren().add(styled(TEXT.get("anatomy.moreLines", lines.size() - 1 - shown) + "\n",
                            "part-note"));
                    break;
                }
                appendLine(headers, text, anatomy, line, normalizeCrlf);
                shown++;
            }
            int count = lines.size() - 1;
            nodes.add(block(TEXT.get("anatomy.headers"), "part-headers", count == 0 ? TEXT.get("anatomy.headers.none")
                    : TEXT.get(count == 1 ? "anatomy.lines.one" : "anatomy.lines.other", count),
                    count == 0 ? null : headers));
        }

        if (blankStart >= 0) {
            String ending = normalizeCrlf || text.startsWith("\r\n", blankStart) ? "\\r\\n" : "\\n";
            nodes.add(block(TEXT.get("anatomy.blankLine"), "part-blank", TEXT.get("anatomy.blankLine.ends", ending),
                    null));
        } else {
            nodes.add(block(TEXT.get("anatomy.blankLine"), "part-blank", TEXT.get(normalizeCrlf
                    ? "anatomy.blankLine.added" : "anatomy.blankLine.missing"), null));
        }

        long bodyBytes = preview.prepared().bodyLength();
        String bodyCaption = TEXT.get(bodyBytes == 1 ? "anatomy.bytes.one" : "anatomy.bytes.other",
                String.format(Locale.ROOT, "%,d", bodyBytes));
        String bodyTitle = TEXT.get("anatomy.body");
        int bodyStart = anatomy.spans(Anatomy.Part.BODY).stream().findFirst().map(Anatomy.Span::start).orElse(-1);
        if (preview.bodyFile().isPresent()) {
            nodes.add(block(bodyTitle, "part-body", TEXT.get("anatomy.body.file", bodyCaption,
                    preview.bodyFile().get().file()), null));
        } else if (bodyStart < 0) {
            nodes.add(block(bodyTitle, "part-body", bodyCaption, null));
        } else {
            int end = Math.min(text.length(), bodyStart + BODY_PREVIEW_CHARS);
            TextFlow body = new TextFlow(styled(text.substring(bodyStart, end), "part-body-text"));
            if (end < text.length()) {
                body.getChildren().add(styled("\n" + TEXT.get("anatomy.moreCharacters",
                        String.format(Locale.ROOT, "%,d", text.length() - end)), "part-note"));
            }
            nodes.add(block(bodyTitle, "part-body", TEXT.get("anatomy.body.typed", bodyCaption), body));
        }
        blocks.getChildren().setAll(nodes);
    }

    private static VBox block(String title, String styleClass, String detail, TextFlow content) {
        Label caption = new Label(title.toUpperCase(Locale.ROOT) + (detail == null ? "" : "  ·  " + detail));
        caption.getStyleClass().add("anatomy-caption");
        VBox box = new VBox(2, caption);
        if (content != null) {
            content.getStyleClass().add("anatomy-text");
            box.getChildren().add(content);
        }
        box.getStyleClass().addAll("anatomy-block", styleClass);
        return box;
    }

    /** [start, contentEnd, end] of each head line. */
    private static List<int[]> lines(String text, int headEnd) {
        List<int[]> lines = new ArrayList<>();
        int pos = 0;
        while (pos < headEnd) {
            int lf = text.indexOf('\n', pos);
            int end = lf < 0 || lf >= headEnd ? headEnd : lf + 1;
            int contentEnd = lf < 0 || lf >= headEnd ? headEnd : lf;
            if (contentEnd > pos && text.charAt(contentEnd - 1) == '\r') {
                contentEnd--;
            }
            lines.add(new int[]{pos, contentEnd, end});
            pos = end;
        }
        return lines;
    }

    private static void appendLine(TextFlow flow, String text, Anatomy anatomy, int[] line, boolean normalizeCrlf) {
        int pos = line[0];
        for (Anatomy.Span span : anatomy.spans()) {
            if (span.end() <= line[0] || span.start() >= line[1]) {
                continue;
            }
            int start = Math.max(span.start(), line[0]);
            int end = Math.min(span.end(), line[1]);
            if (start > pos) {
                flow.getChildren().add(styled(text.substring(pos, start), "part-separator"));
            }
            flow.getChildren().add(styled(text.substring(start, end), styleOf(span.part())));
            pos = end;
        }
        if (pos < line[1]) {
            flow.getChildren().add(styled(text.substring(pos, line[1]), "part-separator"));
        }
        String ending = text.substring(line[1], line[2]);
        String shown = normalizeCrlf ? "\\r\\n" : ending.replace("\r", "\\r").replace("\n", "\\n");
        flow.getChildren().add(styled(shown.isEmpty() ? "  " + TEXT.get("anatomy.noLineEnding") + "\n" : " " + shown + "\n", "part-ending"));
    }

    private static String styleOf(Anatomy.Part part) {
        return switch (part) {
            case METHOD -> "part-method";
            case TARGET -> "part-target";
            case VERSION -> "part-version";
            case HEADER_NAME -> "part-header-name";
            case HEADER_VALUE -> "part-header-value";
            case INVALID_LINE -> "part-invalid";
            case BLANK_LINE, REQUEST_LINE -> "part-separator";
            case BODY -> "part-body-text";
        };
    }

    private static Text styled(String text, String styleClass) {
        Text node = new Text(text);
        node.getStyleClass().addAll("anatomy-run", styleClass);
        return node;
    }
}
