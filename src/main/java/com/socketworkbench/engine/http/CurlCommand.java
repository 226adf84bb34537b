package com.socketworkbench.engine.http;

import com.socketworkbench.engine.text.Texts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A curl command line as copied from a browser's developer tools or a README, read into the request it would send:
 * method, URL, headers and body. Understands {@code -X/--request, -H/--header, -d/--data/--data-raw/--data-binary/
 * --data-ascii, --url, -A/--user-agent, -e/--referer, -u/--user, -I/--head, -b/--cookie} (a cookie string), single
 * and double quotes, backslash escapes and {@code \}-newline continuations. Options that only change what curl
 * prints are skipped; any other option is named in {@link #ignored()}, never dropped silently.
 *
 * @param method  the request method (curl's choice: -X, else HEAD for -I, POST with data, else GET)
 * @param url     the URL as given
 * @param headers the headers in the order curl would send the ones given (Name, value)
 * @param body    the data, several -d joined with '&amp;' as curl does; empty without data
 * @param ignored the options (with their values) that have no equivalent here, as typed
 */
public record CurlCommand(String method, String url, List<Header> headers, Optional<String> body,
                          List<String> ignored) {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.http.http");
    /** Options that change only curl's own output: nothing of the request. */
    private static final Set<String> OUTPUT_FLAGS = Set.of("-s", "--silent", "-S", "--show-error", "-v", "--verbose",
            "-i", "--include", "--progress-bar", "-#", "--no-progress-meter", "-f", "--fail");
    private static final Set<String> OUTPUT_WITH_VALUE = Set.of("-o", "--output", "-w", "--write-out");
    /** Options known to take a value that this import does not apply (so the value is not taken for the URL). */
    private static final Set<String> UNSUPPORTED_WITH_VALUE = Set.of("-F", "--form", "-T", "--upload-file", "-x",
            "--proxy", "--connect-timeout", "-m", "--max-time", "--cacert", "--cert", "--key", "-E", "-c",
            "--cookie-jar", "--retry", "--resolve", "-r", "--range", "--data-urlencode", "--json", "-K", "--config",
            "--limit-rate", "--max-redirs", "-U", "--proxy-user", "--interface", "--local-port");
    private static final Map<Character, String> SHORT_WITH_VALUE = Map.of('X', "-X", 'H', "-H", 'd', "-d",
            'A', "-A", 'e', "-e", 'u', "-u", 'b', "-b", 'o', "-o", 'w', "-w");

    /** Reads {@code command}; throws IllegalArgumentException naming the problem when it is not a usable curl line. */
    public static CurlCommand parse(String command) {
        List<String> words = words(command == null ? "" : command);
        if (words.isEmpty()) {
            throw new IllegalArgumentException(TEXT.get("curl.empty"));
        }
        if (!words.getFirst().equals("curl") && !words.getFirst().endsWith("/curl")
                && !words.getFirst().equalsIgnoreCase("curl.exe")) {
            throw new IllegalArgumentException(TEXT.get("curl.notCurl", words.getFirst()));
        }
        Builder b = new Builder();
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            if (b.optionsEnded || !word.startsWith("-") || word.equals("-")) {
                b.url(word);
                continue;
            }
            if (word.equals("--")) {
                b.optionsEnded = true;
                continue;
            }
            String option = word;
            String attached = null;
            if (!word.startsWith("--") && word.length() > 2) {
                char letter = word.charAt(1);
                if (SHORT_WITH_VALUE.containsKey(letter)) {
                    option = SHORT_WITH_VALUE.get(letter);
                    attached = word.substring(2);
                } else {
                    // Bundled flags such as -sSL: each is its own option without a value.
                    for (int k = 1; k < word.length(); k++) {
                        b.flag("-" + word.charAt(k));
                    }
                    continue;
                }
            }
            if (takesValue(option)) {
                String value = attached;
                if (value == null) {
                    if (i + 1 >= words.size()) {
                        throw new IllegalArgumentException(TEXT.get("curl.missingValue", option));
                    }
                    value = words.get(++i);
                }
                b.option(option, value);
            } else {
                b.flag(option);
            }
        }
        return b.build();
    }

    private static boolean takesValue(String option) {
        return switch (option) {
            case "-X", "--request", "-H", "--header", "-d", "--data", "--data-raw", "--data-binary", "--data-ascii",
                 "--url", "-A", "--user-agent", "-e", "--referer", "-u", "--user", "-b", "--cookie" -> true;
            default -> OUTPUT_WITH_VALUE.contains(option) || UNSUPPORTED_WITH_VALUE.contains(option);
        };
    }

    /** Collects what the options say, in order. */
    private static final class Builder {
        private String method;
        private boolean head;
        private String url;
        private final List<Header> headers = new ArrayList<>();
        private final List<String> data = new ArrayList<>();
        private final List<String> ignored = new ArrayList<>();
        private boolean optionsEnded;

        void url(String value) {
            if (url != null) {
                ignored.add(value);
                return;
            }
            url = value;
        }

        void flag(String option) {
            switch (option) {
                case "-I", "--head" -> head = true;
                default -> {
                    if (!OUTPUT_FLAGS.contains(option)) {
                        ignored.add(option);
                    }
                }
            }
        }

        void option(String option, String value) {
            switch (option) {
                case "-X", "--request" -> method = value;
                case "-H", "--header" -> header(option, value);
                case "-d", "--data", "--data-ascii", "--data-binary", "--data-raw" -> {
                    if (value.startsWith("@") && !option.equals("--data-raw")) {
                        ignored.add(option + " " + value);
                    } else {
                        data.add(value);
                    }
                }
                case "--url" -> url(value);
                case "-A", "--user-agent" -> headers.add(new Header("User-Agent", value, -1));
                case "-e", "--referer" -> headers.add(new Header("Referer", value, -1));
                case "-u", "--user" -> headers.add(new Header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((value.contains(":") ? value : value + ":").getBytes(StandardCharsets.UTF_8)),
                        -1));
                case "-b", "--cookie" -> {
                    if (value.contains("=")) {
                        headers.add(new Header("Cookie", value, -1));
                    } else {
                        ignored.add(option + " " + value);
                    }
                }
                default -> {
                    if (!OUTPUT_WITH_VALUE.contains(option)) {
                        ignored.add(option + " " + value);
                    }
                }
            }
        }

        private void header(String option, String value) {
            int colon = value.indexOf(':');
            int semicolon = value.indexOf(';');
            if (colon > 0) {
                String name = value.substring(0, colon).strip();
                String headerValue = value.substring(colon + 1).strip();
                if (headerValue.isEmpty()) {
                    // "Name:" tells curl to leave out a header of its own; there is none here to leave out.
                    ignored.add(option + " " + value);
                } else {
                    headers.add(new Header(name, headerValue, -1));
                }
            } else if (semicolon > 0 && semicolon == value.strip().length() - 1) {
                // "Name;" is curl's way of sending a header with an empty value.
                headers.add(new Header(value.strip().substring(0, semicolon).strip(), "", -1));
            } else {
                throw new IllegalArgumentException(TEXT.get("curl.badHeader", value));
            }
        }

        CurlCommand build() {
            if (url == null) {
                throw new IllegalArgumentException(TEXT.get("curl.noUrl"));
            }
            Optional<String> body = data.isEmpty() ? Optional.empty() : Optional.of(String.join("&", data));
            String chosen = method != null ? method : head ? "HEAD" : body.isPresent() ? "POST" : "GET";
            List<Header> all = new ArrayList<>(headers);
            if (body.isPresent() && all.stream().noneMatch(h -> h.is("Content-Type"))) {
                // What curl sends with -d when no Content-Type is given.
                all.add(new Header("Content-Type", "application/x-www-form-urlencoded", -1));
            }
            return new CurlCommand(chosen, url, List.copyOf(all), body, List.copyOf(ignored));
        }
    }

    /**
     * Splits a shell line into words the way a POSIX shell would for a curl command: single quotes keep everything,
     * double quotes keep all but {@code \" \\ \$ \`}, a backslash outside quotes keeps the next character, and a
     * backslash before a line break joins the lines (also a Windows {@code ^} before a line break).
     */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if ((c == '\\' || c == '^') && continuation(line, i + 1)) {
                i = skipBreak(line, i + 1);
                continue;
            }
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
                continue;
            }
            inWord = true;
            if (c == '\'') {
                int close = line.indexOf('\'', i + 1);
                if (close < 0) {
                    throw new IllegalArgumentException(TEXT.get("curl.unclosedSingle", i + 1));
                }
                word.append(line, i + 1, close);
                i = close + 1;
            } else if (c == '$' && i + 1 < n && line.charAt(i + 1) == '\'') {
                i = ansiC(line, i + 2, word);
            } else if (c == '"') {
                i = doubleQuoted(line, i + 1, word);
            } else if (c == '\\' && i + 1 < n) {
                word.append(line.charAt(i + 1));
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    private static boolean continuation(String line, int at) {
        int i = at;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i < line.length() && (line.charAt(i) == '\n' || line.charAt(i) == '\r');
    }

    private static int skipBreak(String line, int at) {
        int i = at;
        while (i < line.length() && line.charAt(i) != '\n') {
            i++;
        }
        return i + 1;
    }

    private static int doubleQuoted(String line, int from, StringBuilder word) {
        int i = from;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < line.length()) {
                char next = line.charAt(i + 1);
                if (next == '"' || next == '\\' || next == '$' || next == '`') {
                    word.append(next);
                    i += 2;
                    continue;
                }
                if (next == '\n') {
                    i += 2;
                    continue;
                }
            }
            word.append(c);
            i++;
        }
        throw new IllegalArgumentException(TEXT.get("curl.unclosedDouble", from));
    }

    /** Bash's $'…' quoting, which browsers use for bodies with quotes or line breaks: \n \r \t \\ \' \" \xHH. */
    private static int ansiC(String line, int from, StringBuilder word) {
        int i = from;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\'') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < line.length()) {
                char next = line.charAt(i + 1);
                switch (next) {
                    case 'n' -> word.append('\n');
                    case 'r' -> word.append('\r');
                    case 't' -> word.append('\t');
                    case 'x' -> {
                        int end = i + 2;
                        while (end < line.length() && end < i + 4 && Character.digit(line.charAt(end), 16) >= 0) {
                            end++;
                        }
                        if (end > i + 2) {
                            word.append((char) Integer.parseInt(line.substring(i + 2, end), 16));
                            i = end;
                            continue;
                        }
                        word.append("\\x");
                    }
                    default -> word.append(next);
                }
                i += 2;
                continue;
            }
            word.append(c);
            i++;
        }
        throw new IllegalArgumentException(TEXT.get("curl.unclosedSingle", from - 1));
    }
}
