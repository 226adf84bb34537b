package com.socketworkbench.ui.tcpserver;

import com.socketworkbench.engine.framing.ByteSizes;
import com.socketworkbench.engine.tcp.TcpServerConfig;
import com.socketworkbench.ui.input.InputVerdict;
import com.socketworkbench.ui.input.TextInput;

/**
 * The listener's memory budget as typed: a size ("96 MiB", "512K", "100000000"), or nothing for the default, a
 * quarter of the heap. At least {@link TcpServerConfig#MIN_MEMORY_BUDGET}, at most the heap itself: a budget the
 * heap cannot hold would protect nothing.
 */
final class MemoryBudgetInput extends TextInput {
    private final long heap;

    /** @param heap the most this app's heap may grow to (-Xmx) */
    MemoryBudgetInput(String initial, long heap) {
        super(initial, text -> check(text, heap));
        this.heap = heap;
    }

    private static InputVerdict check(String text, long heap) {
        if (text.isBlank()) {
            return InputVerdict.FINE;
        }
        long bytes;
        try {
            bytes = ByteSizes.parse(text);
        } catch (IllegalArgumentException e) {
            return InputVerdict.error(e.getMessage());
        }
        if (bytes < TcpServerConfig.MIN_MEMORY_BUDGET) {
            return InputVerdict.error(ServerTexts.TEXT.get("memory.budget.too.small",
                    ByteSizes.format(TcpServerConfig.MIN_MEMORY_BUDGET)));
        }
        if (bytes > heap) {
            return InputVerdict.error(ServerTexts.TEXT.get("memory.budget.too.large", ByteSizes.describe(heap),
                    ByteSizes.describe(defaultFor(heap))));

        }
        return InputVerdict.FINE;
    }

    private static long defaultFor(long heap) {
        return Math.max(TcpServerConfig.MIN_MEMORY_BUDGET, heap / TcpServerConfig.HEAP_FRACTION);
    }

    /** The budget for the config: 0 (the default) when empty; -1 while the text is no valid budget. */
    long bytes() {
        if (!isValid()) {
            return -1;
        }
        return text().isEmpty() ? 0 : ByteSizes.parse(text());
    }

    /** "96 MiB": what an empty field means. */
    String defaultText() {
        return ByteSizes.describe(defaultFor(heap));
    }
}
