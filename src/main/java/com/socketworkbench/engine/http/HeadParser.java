package com.socketworkbench.engine.http;

import com.socketworkbench.engine.text.Texts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Parses a response head (status line + header lines) from its bytes, collecting verdicts instead of throwing. */
final class HeadParser {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.http.http");

    /**
     * The parsed head; {@code statusCode} is 0 when the status line has no valid code. A bare LF is not reported here
     * but given as {@code firstBareLf} (-1 for none), since a response reports it once, not once per head.
     */
    record ParsedHead(String statusLine, String version, int statusCode, String reason, List<Header> headers,
                      long firstBareLf) {
    }

    private HeadParser() {
    }

    /**
     * @param head     the head bytes; only lines ended by LF are parsed
     * @param length   how many bytes of {@code head} are valid
     * @param base     the raw offset of {@code head[0]}
     * @param verdicts where the findings go
     */
    static ParsedHead parse(byte[] head, int length, long base, CappedVerdicts verdicts) {
        List<String> lines = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        long firstBareLf = -1;
        int lineStart = 0;
        for (int i = 0; i < length; i++) {
            if (head[i] != '\n') {
                continue;
            }
            int contentEnd = i;
            if (i > lineStart && head[i - 1] == '\r') {
                contentEnd = i - 1;
            } else if (firstBareLf < 0) {
                firstBareLf = base + i;
            }
            lines.add(new String(head, lineStart, contentEnd - lineStart, StandardCharsets.ISO_8859_1));
            offsets.add(base + lineStart);
            lineStart = i + 1;
        }
        if (lines.isEmpty() && length > 0) {
            // Only reached for a partial head: show what there is of the status line.
            lines.add(new String(head, 0, length, StandardCharsets.ISO_8859_1));
            offsets.add(base);
        }
        boolean statusLineEnded = firstLineEnded(head, length);
        String statusLine = lines.isEmpty() ? "" : lines.getFirst();
        String version = "";
        int code = 0;
        String reason = "";
        if (!lines.isEmpty()) {
            int sp1 = statusLine.indexOf(' ');
            version = sp1 < 0 ? statusLine : statusLine.substring(0, sp1);
            if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0") && version.startsWith("HTTP/")) {
                verdicts.addCapped(Verdict.warning(VerdictCodes.UNSUPPORTED_VERSION, base,
                        TEXT.get("verdict.unsupportedVersion", printable(version))));
            }
            if (sp1 < 0) {
                verdicts.addCapped(Verdict.error(VerdictCodes.BAD_STATUS_CODE, base + statusLine.length(),
                        TEXT.get("verdict.noStatusCode", base)));
            } else {
                int sp2 = statusLine.indexOf(' ', sp1 + 1);
                String codeText = sp2 < 0 ? statusLine.substring(sp1 + 1) : statusLine.substring(sp1 + 1, sp2);
                reason = sp2 < 0 ? "" : statusLine.substring(sp2 + 1);
                code = parseStatusCode(codeText);
                if (code == 0) {
                    long at = base + sp1 + 1;
                    verdicts.addCapped(Verdict.error(VerdictCodes.BAD_STATUS_CODE, at, TEXT.get("verdict.badStatusCode",
                            printable(codeText), at)));
                }
            }
            checkStatusLineCharacters(statusLine, statusLineEnded, base, verdicts);
        }
        List<Header> headers = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            long at = offsets.get(i);
            if (line.isEmpty()) {
                break;
            }
            parseHeaderLine(line, at, TEXT.get("verdict.kind.header"), headers, verdicts);
        }
        return new ParsedHead(statusLine, version, code, reason, List.copyOf(headers), firstBareLf);
    }

    /** True when the first line of the head has its LF (a partial head may stop inside the status line). */
    private static boolean firstLineEnded(byte[] head, int length) {
        for (int i = 0; i < length; i++) {
            if (head[i] == '\n') {
                return true;
            }
        }
        return false;
    }

    /**
     * A CR inside the status line ends the line for some clients and belongs to the reason phrase for others, so
     * the bytes after it may be headers to one and nothing to another; other control characters are not allowed in
     * a reason phrase. A CR that is the last byte received of an unfinished status line may still get its LF.
     */
    private static void checkStatusLineCharacters(String statusLine, boolean ended, long base,
                                                  CappedVerdicts verdicts) {
        for (int i = 0; i < statusLine.length(); i++) {
            char c = statusLine.charAt(i);
            long at = base + i;
            if (c == '\r') {
                if (!ended && i == statusLine.length() - 1) {
                    return;
                }
                verdicts.addCapped(Verdict.error(VerdictCodes.INVALID_STATUS_LINE, at, TEXT.get("verdict.statusLineBareCr", at)));
                return;
            }
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                verdicts.addCapped(Verdict.warning(VerdictCodes.INVALID_STATUS_LINE, at, TEXT.get("verdict.statusLineControl",
                        printable(String.valueOf(c)), at)));
                return;
            }
        }
    }

    /** Parses one "Name: value" line (or an obs-fold continuation) into {@code headers}. */
    static void parseHeaderLine(String line, long at, String kind, List<Header> headers, CappedVerdicts verdicts) {
        char first = line.charAt(0);
        if (first == ' ' || first == '\t') {
            if (headers.isEmpty()) {
                verdicts.addCapped(Verdict.error(VerdictCodes.OBS_FOLD, at, TEXT.get("verdict.foldNothing", kind, at)));
                return;
            }
            Header previous = headers.removeLast();
            String joined = (previous.value() + " " + line.strip()).strip();
            headers.add(new Header(previous.name(), joined, previous.offset()));
            verdicts.addCapped(Verdict.warning(VerdictCodes.OBS_FOLD, at, TEXT.get("verdict.fold", kind, at,
                    printable(previous.name()))));
            return;
        }
        int colon = line.indexOf(':');
        if (colon < 0) {
            verdicts.addCapped(Verdict.error(VerdictCodes.HEADER_NO_COLON, at, TEXT.get("verdict.noColon", kind, at,
                    printable(abbreviate(line)))));
            return;
        }
        String name = line.substring(0, colon);
        if (name.isEmpty()) {
            verdicts.addCapped(Verdict.error(VerdictCodes.INVALID_HEADER_NAME, at, TEXT.get("verdict.emptyName", kind, at)));
        } else if (name.endsWith(" ") || name.endsWith("\t")) {
            verdicts.addCapped(Verdict.error(VerdictCodes.INVALID_HEADER_NAME, at + colon - 1, TEXT.get(
                    "verdict.nameWhitespace", printable(name.strip()), at + colon - 1)));
        } else if (!HeaderHelper.isToken(name)) {
            int bad = 0;
            while (HeaderHelper.isTokenChar(name.charAt(bad))) {
                bad++;
            }
            verdicts.addCapped(Verdict.error(VerdictCodes.INVALID_HEADER_NAME, at + bad, TEXT.get("verdict.nameCharacter",
                    printable(name), at + bad)));
        }
        String value = stripOws(line.substring(colon + 1));
        checkValueCharacters(line, colon, at, name.strip(), verdicts);
        headers.add(new Header(name.strip(), value, at));
    }

    /**
     * Control characters other than HTAB have no place in a field value (RFC 9110 section 5.5): NUL and a bare CR
     * split or end the line for some parsers, ESC and BEL reach a terminal that shows the value. One verdict per line.
     */
    private static void checkValueCharacters(String line, int colon, long at, String name,
                                             CappedVerdicts verdicts) {
        for (int i = colon + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                long where = at + i;
                String what = switch (c) {
                    case '\0' -> TEXT.get("verdict.value.nul");
                    case '\r' -> TEXT.get("verdict.value.bareCr");
                    default -> TEXT.get("verdict.value.control", printable(String.valueOf(c)) + controlName(c));
                };
                verdicts.addCapped(Verdict.warning(VerdictCodes.INVALID_HEADER_VALUE, where, TEXT.get("verdict.valueCharacter",
                        printable(name), what, where)));
                return;
            }
        }
    }

    private static String controlName(char c) {
        return switch (c) {
            case 0x07 -> " (BEL)";
            case 0x08 -> " (BS)";
            case 0x1b -> " (ESC)";
            case 0x7f -> " (DEL)";
            default -> "";
        };
    }

    static int parseStatusCode(String text) {
        if (text.length() != 3) {
            return 0;
        }
        int code = 0;
        for (int i = 0; i < 3; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            code = code * 10 + (c - '0');
        }
        return code >= 100 && code <= 599 ? code : 0;
    }

    private static String stripOws(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == ' ' || s.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
            end--;
        }
        return s.substring(start, end);
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "…";
    }

    /** Control characters shown as \xNN so a message never contains raw control bytes. */
    static String printable(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
