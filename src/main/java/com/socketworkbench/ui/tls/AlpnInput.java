package com.socketworkbench.ui.tls;

import com.socketworkbench.ui.input.InputVerdict;
import com.socketworkbench.ui.input.TextInput;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static com.socketworkbench.ui.tls.TlsTexts.TEXT;

/**
 * The ALPN protocols to offer or accept, comma separated as typed ("h2, http/1.1"). A name is 1 to 255 bytes of
 * printable ASCII without spaces or commas (RFC 7301 allows any bytes, but every registered name is such text, and
 * a name with a space in it is almost always a missing comma).
 */
public final class AlpnInput extends TextInput {

    public AlpnInput(String initial) {
        super(initial, AlpnInput::check);
    }

    static InputVerdict check(String typed) {
        for (String name : split(typed)) {
            if (name.getBytes(StandardCharsets.UTF_8).length > 255) {
                return InputVerdict.error(TEXT.get("error.alpn.long", name));
            }
            if (!name.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                return InputVerdict.error(TEXT.get("error.alpn.token", name));
            }
        }
        return InputVerdict.FINE;
    }

    /** The names in the order typed; empty when none (blank entries between commas are skipped). */
    public List<String> protocols() {
        return split(text());
    }

    private static List<String> split(String typed) {
        return Arrays.stream(typed.split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList();
    }
}
