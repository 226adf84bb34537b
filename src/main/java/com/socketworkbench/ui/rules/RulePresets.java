package com.socketworkbench.ui.rules;

import com.socketworkbench.engine.codec.LineEnding;
import com.socketworkbench.engine.codec.PayloadFormat;
import com.socketworkbench.engine.fields.PayloadSpec;
import com.socketworkbench.engine.rules.MatchKind;
import com.socketworkbench.engine.rules.Rule;

import java.nio.charset.Charset;

/** Ready-made rules the panel offers; each is an ordinary rule once added, to edit like any other. */
enum RulePresets {
    /** Sends back exactly what arrived: anything, replied with {@code $0} as hex (the bytes, whatever they are). */
    ECHO("presetEcho", "preset.echo") {
        @Override
        Rule rule(Charset charset) {
            return new Rule(RulesText.TEXT.get("preset.echo.name"), true, MatchKind.ANY, "",
                    new PayloadSpec("$0", PayloadFormat.HEX, charset, LineEnding.NONE, false, false), 0);
        }
    },
    /** "OK" and CR LF to every message holding a line end (with line framing: to every line). */
    OK_LINES("presetOkLines", "preset.ok") {
        @Override
        Rule rule(Charset charset) {
            return new Rule(RulesText.TEXT.get("preset.ok.name"), true, MatchKind.TEXT, "\\n",
                    new PayloadSpec("OK", PayloadFormat.TEXT, charset, LineEnding.CRLF, true, false), 0);
        }
    },
    /** A device that answers "PONG" to "PING" after 100 ms, to start from. */
    PING("presetPing", "preset.ping") {
        @Override
        Rule rule(Charset charset) {
            return new Rule(RulesText.TEXT.get("preset.ping.name"), true, MatchKind.REGEX, "^PING(.*)",
                    new PayloadSpec("PONG$1", PayloadFormat.TEXT, charset, LineEnding.NONE, true, false), 100);
        }
    };

    private final String id;
    private final String key;

    RulePresets(String id, String key) {
        this.id = id;
        this.key = key;
    }

    abstract Rule rule(Charset charset);

    /** The menu item's automation id. */
    String id() {
        return id;
    }

    String label() {
        return RulesText.TEXT.get(key);
    }
}
