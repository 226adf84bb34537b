package com.socketworkbench.ui.tools;

import com.socketworkbench.engine.text.Texts;

/**
 * The tools of the Tools tab, in navigation order. Each names the Java calls it makes and the C / Python socket
 * functions it mirrors, so the tab doubles as a reference for what those calls return. The texts are in the
 * bundle under {@code tool.<id>.title}, {@code .summary} and {@code .mirrors}.
 */
public enum Tool {
    THIS_HOST("thisHost"),
    RESOLVE("resolve"),
    SERVICES("services"),
    CONVERTER("converter"),
    SUBNET("subnet"),
    PORT_CHECK("portCheck");

    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.tools.tools");

    private final String id;

    Tool(String id) {
        this.id = id;
    }

    /** "Address converter". */
    public String title() {
        return TEXT.get("tool." + id + ".title");
    }

    /** The prefix of the tool's node ids; its card is {@code #<id>Card}. */
    public String id() {
        return id;
    }

    /** One line under the title in the navigation list. */
    public String summary() {
        return TEXT.get("tool." + id + ".summary");
    }

    /** The Java calls the tool makes and the Python functions they correspond to, shown as a subtle caption. */
    public String mirrors() {
        return TEXT.get("tool." + id + ".mirrors");
    }

    @Override
    public String toString() {
        return title();
    }
}
