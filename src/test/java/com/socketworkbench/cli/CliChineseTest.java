package com.socketworkbench.cli;

import com.socketworkbench.engine.text.Texts;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In Chinese the command line's own messages and picocli's usage headings and descriptions are Chinese. */
class CliChineseTest {

    @Test
    void messagesAndUsageFollowTheLanguage() {
        Texts.use(Locale.SIMPLIFIED_CHINESE);
        try {
            CliRun unknown = CliRun.of("frobnicate");
            assertEquals(2, unknown.exitCode(), unknown::toString);
            assertTrue(unknown.err().startsWith("未知命令“frobnicate”。"), unknown::toString);
            assertTrue(unknown.err().contains("用法：socket-workbench"), unknown::toString);
            assertTrue(unknown.err().contains("命令："), unknown::toString);
            CliRun help = CliRun.of("send", "--help");
            assertTrue(help.out().contains("通过 TCP 或 UDP 发送一次 DATA"), help::toString);
            assertTrue(help.out().contains("要发送到的端口，1 到 65535。"), help::toString);
            CliRun port = CliRun.of("send", "tcp", "127.0.0.1", "99999", "x");
            assertTrue(port.err().startsWith("无效端口“99999”"), port::toString);
            assertTrue(help.out().contains("从环境变量 VAR 读取密码。"), help::toString);
            CliRun versions = CliRun.of("send", "tcp", "127.0.0.1", "9", "x", "--tls", "--tls-min", "TLSv1.3",
                    "--tls-max", "TLSv1.2");
            assertTrue(versions.err().startsWith("--tls-min TLSv1.3 比 --tls-max TLSv1.2 更新。"),
                    versions::toString);
        } finally {
            Texts.use(Locale.ENGLISH);
        }
    }
}
