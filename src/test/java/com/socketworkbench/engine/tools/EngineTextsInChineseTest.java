package com.socketworkbench.engine.tools;

import com.socketworkbench.engine.net.Endpoints;
import com.socketworkbench.engine.options.SocketOptionsSpec;
import com.socketworkbench.engine.text.Texts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The engine's explanations and errors behind the Tools tab and the socket panels come out in Chinese when Chinese
 * is chosen, with addresses, option names and protocol tokens left as they are.
 */
class EngineTextsInChineseTest {

    @AfterEach
    void english() {
        Texts.use(Locale.ENGLISH);
    }

    @Test
    void addressKindsPortRangesAndErrorsReadInChinese() {
        Texts.use(Locale.SIMPLIFIED_CHINESE);
        assertEquals("回环（127.0.0.0/8）", AddressClassifier.classify("127.0.0.1", null).getFirst().label());
        assertEquals("192.168.1.0/24 的定向广播地址",
                AddressClassifier.classify("192.168.1.255/24", null).get(1).label());
        assertEquals("知名（系统）端口", PortRanges.classify(22, PortRanges.KernelPorts.UNKNOWN).label());
        assertEquals("“999.1.1.1”中的 999 超出范围（每段为 0-255）",
                assertThrows(IllegalArgumentException.class, () -> AddressConverter.parseLiteral("999.1.1.1"))
                        .getMessage());
        assertEquals("端口必须是 1 到 65535 之间的数字",
                assertThrows(IllegalArgumentException.class, () -> Endpoints.validatePort("0", false)).getMessage());
        assertEquals("发送缓冲区（SO_SNDBUF）至少为 1 字节，不能是 0",
                assertThrows(IllegalArgumentException.class, () -> new SocketOptionsSpec(null, null, null, null, 0,
                        null, null, null, null, null, null, null)).getMessage());
    }

    @Test
    void englishIsBackAfterwards() {
        assertEquals("loopback (127.0.0.0/8)", AddressClassifier.classify("127.0.0.1", null).getFirst().label());
    }
}
