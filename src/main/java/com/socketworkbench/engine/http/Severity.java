package com.socketworkbench.engine.http;

/** How bad a {@link Verdict} is; declared from worst to mildest. */
public enum Severity {
    ERROR, WARNING, INFO
}
