package com.socketworkbench.ui.messages;

import com.socketworkbench.ui.tab.PanelStatus;
import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.ui.fx.UiExecutor;
import com.socketworkbench.workspace.SavedMessage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Import and export of the library as a JSON file ({@code MessagesJson}), the file work done off the FX thread.
 * Import appends, renaming a message whose name is taken to {@code "name (2)"}; a bad file imports nothing and the
 * status names the file and the problem.
 */
final class MessageTransfer {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.messages.messages");
    private final MessageLibrary library;
    private final UiExecutor executor;
    private final PanelStatus status;

    MessageTransfer(MessageLibrary library, UiExecutor executor, PanelStatus status) {
        this.library = library;
        this.executor = executor;
        this.status = status;
    }

    void importFrom(Path file) {
        String fileName = String.valueOf(file.getFileName());
        executor.run("ui-messages-import", () -> MessageFiles.read(file), messages -> append(messages, fileName),
                failure -> status.error(TEXT.get("transfer.import.failed", fileName,
                        UiExecutor.unwrap(failure).getMessage())));
    }

    private void append(List<SavedMessage> messages, String fileName) {
        if (messages.isEmpty()) {
            status.error(TEXT.get("transfer.import.empty", fileName));
            return;
        }
        Set<String> taken = new HashSet<>();
        library.messages().forEach(message -> taken.add(message.name()));
        List<SavedMessage> added = new ArrayList<>(messages.size());
        int renamed = 0;
        for (SavedMessage message : messages) {
            String name = MessageNames.unique(message.name(), taken);
            renamed += name.equals(message.name()) ? 0 : 1;
            taken.add(name);
            added.add(message.withName(name));
        }
        library.messages().addAll(added);
        status.info(renamed == 0 ? TEXT.get("transfer.imported", count(added.size()), fileName)
                : TEXT.get("transfer.imported.renamed", count(added.size()), fileName, renamed));
    }

    void exportTo(Path file) {
        List<SavedMessage> messages = library.snapshot();
        String fileName = String.valueOf(file.getFileName());
        executor.run("ui-messages-export", () -> {
            MessageFiles.write(file, messages);
            return messages.size();
        }, written -> status.info(TEXT.get("transfer.exported", count(written), fileName)),
                failure -> status.error(TEXT.get("transfer.export.failed", fileName,
                        UiExecutor.unwrap(failure).getMessage())));
    }

    static String count(int messages) {
        return TEXT.get(messages == 1 ? "count.one" : "count.other", messages);
    }
}
