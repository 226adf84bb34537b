package com.socketworkbench.engine.sendfile;

/**
 * How a file send ended.
 *
 * @param ending completed (every byte written), cancelled, or failed (the file could not be read, a send failed)
 * @param sent   bytes written
 * @param sends  sends made (TCP writes or UDP datagrams)
 * @param reason why it failed, in words; empty otherwise
 */
public record FileSendOutcome(Ending ending, long sent, long sends, String reason) {
    public enum Ending { COMPLETED, CANCELLED, FAILED }
}
