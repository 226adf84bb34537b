package com.socketworkbench.engine.rules;

import com.socketworkbench.engine.codec.LineEnding;
import com.socketworkbench.engine.codec.PayloadFormat;
import com.socketworkbench.engine.fields.PayloadSpec;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Checking rules: each problem is named at its field and position; matching and replies without sockets. */
class RuleCompileTest {

    static PayloadSpec text(String reply) {
        return new PayloadSpec(reply, PayloadFormat.TEXT, StandardCharsets.UTF_8, LineEnding.NONE, true, false);
    }

    static PayloadSpec hex(String reply) {
        return new PayloadSpec(reply, PayloadFormat.HEX, StandardCharsets.UTF_8, LineEnding.NONE, true, false);
    }

    static Rule rule(MatchKind kind, String pattern, PayloadSpec reply) {
        return new Rule("r", true, kind, pattern, reply, 0);
    }

    @Test
    void badRegexIsReportedAtItsPosition() {
        InvalidRuleException problem = LiveRule.check(rule(MatchKind.REGEX, "ab(c", text("x")));
        assertThat(problem).isNotNull();
        assertThat(problem.field()).isEqualTo(InvalidRuleException.Field.MATCH);
        assertThat(problem.getMessage()).contains("position");
        assertThat(problem.position()).isBetween(2, 4);
    }

    @Test
    void regexPositionCountsWhatTheUserTypedBeyondAscii() {
        // 你 becomes a group of three byte escapes inside; the error is still reported where the user typed it.
        InvalidRuleException problem = LiveRule.check(rule(MatchKind.REGEX, "你好*+(", text("x")));
        assertThat(problem).isNotNull();
        assertThat(problem.position()).isBetween(2, 5);
    }

    @Test
    void badHexPatternsNameTheCharacter() {
        InvalidRuleException lone = LiveRule.check(rule(MatchKind.HEX, "01 ? 02", text("x")));
        assertThat(lone.position()).isEqualTo(3);
        InvalidRuleException digit = LiveRule.check(rule(MatchKind.HEX, "01 0g", text("x")));
        assertThat(digit.position()).isEqualTo(3);
        assertThat(digit.getMessage()).contains("g");
        InvalidRuleException odd = LiveRule.check(rule(MatchKind.HEX, "01 0", text("x")));
        assertThat(odd.position()).isEqualTo(3);
        assertThat(LiveRule.check(rule(MatchKind.HEX, "  ", text("x"))).field())
                .isEqualTo(InvalidRuleException.Field.MATCH);
    }

    @Test
    void badReplyIsReportedWhereTheUserTypedIt() {
        InvalidRuleException problem = LiveRule.check(rule(MatchKind.ANY, "", hex("01 $1 zz")));
        assertThat(problem.field()).isEqualTo(InvalidRuleException.Field.REPLY);
        assertThat(problem.position()).isEqualTo(6);
        assertThat(LiveRule.check(rule(MatchKind.ANY, "", text("ok \\q"))).position()).isEqualTo(3);
    }

    @Test
    void nameAndDelayAreChecked() {
        assertThat(LiveRule.check(new Rule(" ", true, MatchKind.ANY, "", text("x"), 0)).field())
                .isEqualTo(InvalidRuleException.Field.NAME);
        assertThat(LiveRule.check(new Rule("r", true, MatchKind.ANY, "", text("x"), 60_001)).field())
                .isEqualTo(InvalidRuleException.Field.DELAY);
    }

    @Test
    void hexWildcardRunsAreCaptures() throws Exception {
        LiveRule rule = LiveRule.compile(rule(MatchKind.HEX, "01 03 ?? ?? 00 0A", hex("01 83 $1")));
        byte[] message = {(byte) 0xff, 1, 3, 0x12, 0x34, 0, 0x0a, 7};
        Captures captures = rule.find(message, message.length);
        assertThat(captures.group(0)).containsExactly(1, 3, 0x12, 0x34, 0, 0x0a);
        assertThat(captures.group(1)).containsExactly(0x12, 0x34);
        assertThat(rule.render(captures)).containsExactly(1, 0x83, 0x12, 0x34);
        assertThat(rule.find(new byte[]{1, 3, 0x12, 0x34, 0, 0x0b}, 6)).isNull();
    }

    @Test
    void textCapturesComeBackExactlyWithEscapes() throws Exception {
        LiveRule rule = LiveRule.compile(rule(MatchKind.REGEX, "id=(.+)\\n", text("ack $1 $$5\\r\\n")));
        byte[] message = {'i', 'd', '=', (byte) 0xfe, '\\', 'a', '\n'};
        assertThat(rule.render(rule.find(message, message.length)))
                .containsExactly('a', 'c', 'k', ' ', 0xfe, '\\', 'a', ' ', '$', '5', '\r', '\n');
    }

    @Test
    void aCounterInAReplyWithCapturesCountsFromReplyToReply() throws Exception {
        PayloadSpec reply = new PayloadSpec("$1#{{counter}}", PayloadFormat.TEXT, StandardCharsets.UTF_8,
                LineEnding.NONE, true, true);
        LiveRule rule = LiveRule.compile(rule(MatchKind.REGEX, "id=(\\w+)", reply));
        byte[] first = "id=a".getBytes(StandardCharsets.US_ASCII);
        byte[] second = "id=b".getBytes(StandardCharsets.US_ASCII);
        assertThat(new String(rule.render(rule.find(first, first.length)), StandardCharsets.US_ASCII)).isEqualTo("a#0");
        assertThat(new String(rule.render(rule.find(second, second.length)), StandardCharsets.US_ASCII))
                .isEqualTo("b#1");
    }

    @Test
    void nonAsciiRegexMatchesTheCharsetsBytes() throws Exception {
        LiveRule rule = LiveRule.compile(rule(MatchKind.REGEX, "你好(\\d+)", text("$1")));
        byte[] message = "说你好42".getBytes(StandardCharsets.UTF_8);
        assertThat(rule.render(rule.find(message, message.length))).containsExactly('4', '2');
    }

    @Test
    void textPatternReadsEscapes() throws Exception {
        LiveRule rule = LiveRule.compile(rule(MatchKind.TEXT, "end\\r\\n", text("ok")));
        assertThat(rule.find("the end\r\n".getBytes(StandardCharsets.US_ASCII), 9)).isNotNull();
        assertThat(rule.find("the end\n".getBytes(StandardCharsets.US_ASCII), 8)).isNull();
    }
}
