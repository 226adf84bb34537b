package com.socketworkbench.ui.http;

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
            nodes.add(block("request line", "part-request-line", "missing: the first line must be METHOD target"
                    + " VERSION", null));
        } else {
            int[] first = lines.getFirst();
            TextFlow requestLine = new TextFlow();
            appendLine(requestLine, text, anatomy, first, normalizeCrlf);
            nodes.add(block("request line", "part-request-line", null, requestLine));

            TextFlow headers = new TextFlow();
            int shown = 0;
            for (int[] line : lines.subList(1, lines.size())) {
                if (shown == MAX_LINES) {
                    headers.getChildren().add(styled("… " + (lines.size() - 1 - shown) + " more lines\n",
                            "part-note"));
                    break;
                }
                appendLine(headers, text, anatomy, line, normalizeCrlf);
                shown++;
            }
            int count = lines.size() - 1;
            nodes.add(block("headers", "part-headers", count == 0 ? "none" : count + (count == 1 ? " line" : " lines"),
                    count == 0 ? null : headers));
        }

        if (blankStart >= 0) {
            String ending = normalizeCrlf || text.startsWith("\r\n", blankStart) ? "\\r\\n" : "\\n";
            nodes.add(block("blank line", "part-blank", "ends the head: " + ending, null));
        } else {
            nodes.add(block("blank line", "part-blank", normalizeCrlf
                    ? "missing: added when sending (Normalise CRLF is on)"
                    : "missing: the server will keep waiting for more headers", null));
        }

        long bodyBytes = preview.prepared().bodyLength();
        String bodyCaption = String.format(Locale.ROOT, "%,d %s", bodyBytes, bodyBytes == 1 ? "byte" : "bytes");
        int bodyStart = anatomy.spans(Anatomy.Part.BODY).stream().findFirst().map(Anatomy.Span::start).orElse(-1);
        if (preview.bodyFile().isPresent()) {
            nodes.add(block("body", "part-body", bodyCaption + " from " + preview.bodyFile().get().file()
                    + " (read from the file while it is sent; the editor's body text is not sent)", null));
        } else if (bodyStart < 0) {
            nodes.add(block("body", "part-body", bodyCaption, null));
        } else {
            int end = Math.min(text.length(), bodyStart + BODY_PREVIEW_CHARS);
            TextFlow body = new TextFlow(styled(text.substring(bodyStart, end), "part-body-text"));
            if (end < text.length()) {
                body.getChildren().add(styled("\n… " + String.format(Locale.ROOT, "%,d", text.length() - end)
                        + " more characters", "part-note"));
            }
            nodes.add(block("body", "part-body", bodyCaption + " (sent as typed)", body));
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
        flow.getChildren().add(styled(shown.isEmpty() ? "  (no line ending)\n" : " " + shown + "\n", "part-ending"));
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
