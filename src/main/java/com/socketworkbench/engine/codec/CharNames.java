package com.socketworkbench.engine.codec;

/** Names a character in an error message so that invisible ones still show up. */
final class CharNames {

    private CharNames() {
    }

    /** {@code 'g'} for a visible character, {@code U+00A0} for an invisible or control one. */
    static String describe(int codePoint) {
        return isVisible(codePoint)
                ? "'" + new String(Character.toChars(codePoint)) + "'"
                : String.format("U+%04X", codePoint);
    }

    /** The character at {@code index}, taking a whole surrogate pair when one starts there. */
    static String describeAt(CharSequence text, int index) {
        return describe(Character.codePointAt(text, index));
    }

    /** False for characters a reader cannot see: controls, format characters, separators, lone surrogates. */
    static boolean isVisible(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE, Character.UNASSIGNED, Character.SPACE_SEPARATOR -> false;
            default -> true;
        } || codePoint == ' ';
    }
}
