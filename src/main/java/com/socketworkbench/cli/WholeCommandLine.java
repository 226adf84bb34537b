package com.socketworkbench.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code mvn exec:exec -Dapp.args="send tcp 127.0.0.1 5020 HELLO"} hands the whole command line over as one argument.
 * A single argument with spaces in it cannot be a valid command, so it is split the way a shell would split it
 * (spaces separate, single or double quotes group), with backslashes kept as they are: they are the payload's escapes.
 */
final class WholeCommandLine {
    private WholeCommandLine() {
    }

    /** {@code args} split as above when they are one argument with spaces in it, else {@code args} as they are. */
    static String[] split(String[] args) {
        if (args.length != 1 || args[0].strip().chars().noneMatch(Character::isWhitespace)) {
            return args;
        }
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char c : args[0].toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words.toArray(String[]::new);
    }
}
