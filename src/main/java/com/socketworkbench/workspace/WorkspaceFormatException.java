package com.socketworkbench.workspace;

/**
 * A file that is not a workspace this build can open: not JSON (the message has line and column), of a newer
 * version, or not shaped like a workspace (the message names the field). The message is written for the user.
 */
public final class WorkspaceFormatException extends Exception {
    public WorkspaceFormatException(String message) {
        super(message);
    }

    public WorkspaceFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
