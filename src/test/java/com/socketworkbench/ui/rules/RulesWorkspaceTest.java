package com.socketworkbench.ui.rules;

import com.socketworkbench.engine.codec.LineEnding;
import com.socketworkbench.engine.codec.PayloadFormat;
import com.socketworkbench.engine.fields.PayloadSpec;
import com.socketworkbench.engine.rules.MatchKind;
import com.socketworkbench.engine.rules.Rule;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.traffic.TabTraffic;
import com.socketworkbench.workspace.MemoryPreferences;
import com.socketworkbench.workspace.Settings;
import com.socketworkbench.workspace.TabState;
import com.socketworkbench.workspace.Workspace;
import com.socketworkbench.workspace.WorkspaceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A tab's rules, loop-guard limit and enabled states survive a workspace file; a broken entry loses only itself. */
class RulesWorkspaceTest {

    private static RulesModel model(AppPreferences preferences, Subscriptions subscriptions) {
        return new RulesModel(preferences, new TabTraffic(), () -> StandardCharsets.UTF_8, subscriptions);
    }

    @Test
    void rulesRoundTripThroughAWorkspaceFile(@TempDir Path folder) throws Exception {
        Subscriptions subscriptions = new Subscriptions();
        AppPreferences tab = new AppPreferences(new MemoryPreferences());
        RulesModel rules = model(tab, subscriptions);
        Charset gbk = Charset.forName("GBK");
        rules.add(new Rule("modbus", true, MatchKind.HEX, "01 03 ?? ??",
                new PayloadSpec("01 03 $1", PayloadFormat.HEX, StandardCharsets.UTF_8, LineEnding.NONE, false, false),
                25));
        rules.add(new Rule("问候", true, MatchKind.REGEX, "你好(\\d+)",
                new PayloadSpec("好 $1\\n", PayloadFormat.TEXT, gbk, LineEnding.CRLF, true, true), 0));
        rules.rows().get(1).enabledProperty().set(false);
        rules.loopLimitProperty().set("250");

        Path file = folder.resolve("rules.swb");
        WorkspaceFile.save(new Workspace(List.of(new TabState("tcpServer", "Device", Settings.of(tab.node()))), 0,
                List.of()), file);
        Workspace loaded = WorkspaceFile.load(file);
        AppPreferences reopened = new AppPreferences(loaded.tabs().getFirst().settings().toPreferences());
        RulesModel back = model(reopened, new Subscriptions());

        assertThat(back.rows()).hasSize(2);
        assertThat(back.rows().stream().map(RuleRow::rule).toList())
                .containsExactlyElementsOf(rules.rows().stream().map(RuleRow::rule).toList());
        Rule second = back.rows().get(1).rule();
        assertThat(second.enabled()).isFalse();
        assertThat(second.reply().charset()).isEqualTo(gbk);
        assertThat(second.reply().fields()).isTrue();
        assertThat(back.rows().getFirst().rule().delayMillis()).isEqualTo(25);
        assertThat(back.loopLimitProperty().get()).isEqualTo("250");
        assertThat(back.book().loopLimit()).isEqualTo(250);
        subscriptions.dispose();
    }

    @Test
    void anUnreadableSavedRuleIsSkippedAndTheOthersKept() {
        AppPreferences tab = new AppPreferences(new MemoryPreferences());
        tab.put(RulesModel.PREF_RULES, "[{\"name\":\"broken\"},{\"name\":\"ok\",\"enabled\":true,\"match\":\"ANY\","
                + "\"pattern\":\"\",\"delayMillis\":0,\"reply\":{\"text\":\"hi\",\"format\":\"TEXT\","
                + "\"charset\":\"UTF-8\",\"lineEnding\":\"NONE\",\"escapes\":true,\"fields\":false}}]");
        RulesModel rules = model(tab, new Subscriptions());
        assertThat(rules.rows()).extracting(row -> row.rule().name()).containsExactly("ok");
    }
}
