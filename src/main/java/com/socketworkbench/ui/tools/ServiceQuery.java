package com.socketworkbench.ui.tools;

import com.socketworkbench.engine.text.Texts;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the services box asks for: every service, a port number (getservbyport) or a service name
 * (getservbyname), optionally with "/protocol" ("80/tcp", "domain/udp").
 *
 * @param name     the service name, or null for a port query or the whole table
 * @param port     the port, or -1 for a name query or the whole table
 * @param protocol "tcp", "udp"... from the text, or null when the text names none
 */
public record ServiceQuery(String name, int port, String protocol) {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.tools.tools");
    private static final Pattern WITH_PROTOCOL = Pattern.compile("([^/\\s]+)\\s*/\\s*([A-Za-z][A-Za-z0-9-]*)");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");

    /** @throws IllegalArgumentException with a message for the user */
    public static ServiceQuery parse(String text) {
        String input = text == null ? "" : text.strip();
        if (input.isEmpty()) {
            return new ServiceQuery(null, -1, null);
        }
        String subject = input;
        String protocol = null;
        Matcher matcher = WITH_PROTOCOL.matcher(input);
        if (matcher.matches()) {
            subject = matcher.group(1);
            protocol = matcher.group(2).toLowerCase(Locale.ROOT);
        } else if (input.contains("/")) {
            throw new IllegalArgumentException(TEXT.get("services.error.slash", input));
        }
        if (subject.chars().allMatch(Character::isDigit)) {
            if (subject.length() > 5 || Integer.parseInt(subject) > 65_535) {
                throw new IllegalArgumentException(TEXT.get("services.error.port", subject));
            }
            return new ServiceQuery(null, Integer.parseInt(subject), protocol);
        }
        if (!NAME.matcher(subject).matches()) {
            throw new IllegalArgumentException(TEXT.get("services.error.name", subject));
        }
        return new ServiceQuery(subject, -1, protocol);
    }

    public boolean isAll() {
        return name == null && port < 0;
    }

    public boolean isPort() {
        return port >= 0;
    }
}
