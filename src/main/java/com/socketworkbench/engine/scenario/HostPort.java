package com.socketworkbench.engine.scenario;

/** A connection's {@code host:port} ({@code [::1]:5020} for IPv6). */
record HostPort(String host, int port) {

    /** The address, or null when {@code text} is not {@code host:port} with a port 0 to 65535. */
    static HostPort parse(String text) {
        String t = text.strip();
        int colon = t.lastIndexOf(':');
        if (colon <= 0 || colon == t.length() - 1) {
            return null;
        }
        String host = t.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.indexOf(':') >= 0) {
            return null;
        }
        String digits = t.substring(colon + 1);
        if (host.isBlank() || !digits.chars().allMatch(Character::isDigit) || digits.length() > 5) {
            return null;
        }
        int port = Integer.parseInt(digits);
        return port > 65535 ? null : new HostPort(host, port);
    }

    @Override
    public String toString() {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }
}
