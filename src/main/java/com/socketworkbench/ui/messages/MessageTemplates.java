package com.socketworkbench.ui.messages;

import com.socketworkbench.engine.codec.PayloadFormatException;
import com.socketworkbench.engine.fields.FieldTemplate;
import com.socketworkbench.workspace.SavedMessage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The compiled payloads of the messages sent from one panel, so that a message with a {@code {{counter}}} counts up
 * from send to send as the editor's input does. Keyed by the message's value: editing a message (a new value) starts
 * its counters again. Bounded: the least recently sent are forgotten first. FX thread only.
 */
final class MessageTemplates {
    private static final int KEPT = 64;

    private final Map<SavedMessage, FieldTemplate> compiled = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<SavedMessage, FieldTemplate> eldest) {
            return size() > KEPT;
        }
    };

    /** The bytes the next send of {@code message} carries (its counters advance). */
    byte[] next(SavedMessage message) throws PayloadFormatException {
        FieldTemplate template = compiled.get(message);
        if (template == null) {
            template = FieldTemplate.compile(MessageBytes.spec(message));
            if (message.fields()) {
                compiled.put(message, template);
            }
        }
        return template.next();
    }
}
