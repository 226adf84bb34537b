package com.socketworkbench.ui.input;

/**
 * One entry of the bind address picker.
 *
 * @param host     what is passed to the engine ("127.0.0.1", "::", "fe80::1%eth0")
 * @param label    what the user reads ("127.0.0.1 — loopback only (IPv4)")
 * @param wildcard true for 0.0.0.0 and ::, which accept connections from other machines
 */
public record BindChoice(String host, String label, boolean wildcard) {

    /** The label given, or for the standard addresses (made with none) their label in the language in use. */
    @Override
    public String label() {
        if (label != null) {
            return label;
        }
        String standard = BindChoices.standardLabel(host);
        return standard != null ? standard : host;
    }

    @Override
    public String toString() {
        return label();
    }
}
