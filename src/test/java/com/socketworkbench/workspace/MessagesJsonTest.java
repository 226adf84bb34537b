package com.socketworkbench.workspace;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessagesJsonTest {

    @Test
    void aLibraryFileRoundTrips() throws Exception {
        var messages = WorkspaceJsonTest.sample().messages();
        String text = MessagesJson.write(messages);
        assertTrue(text.startsWith("{\n  \"version\": 1,\n  \"messages\": [\n"), text);
        assertEquals(messages, MessagesJson.read(text));
    }

    @Test
    void theFieldsSwitchRoundTripsAndIsOffWhenAbsent() throws Exception {
        var withFields = new SavedMessage("crc", "01 03 {{crc16-modbus}}", com.socketworkbench.engine.codec.PayloadFormat.HEX,
                "UTF-8", com.socketworkbench.engine.codec.LineEnding.NONE, "", true);
        String text = MessagesJson.write(java.util.List.of(withFields));
        assertTrue(text.contains("\"fields\" : true") || text.contains("\"fields\": true"), text);
        assertEquals(java.util.List.of(withFields), MessagesJson.read(text));
        assertTrue(!MessagesJson.read(text.replace("\"fields\" : true", "\"fields\" : false")
                .replace("\"fields\": true", "\"fields\": false")).getFirst().fields());
        WorkspaceFormatException e = assertThrows(WorkspaceFormatException.class,
                () -> MessagesJson.read(text.replace("true", "\"yes\"")));
        assertTrue(e.getMessage().contains("fields"), e.getMessage());
    }

    @Test
    void aWorkspaceFileCanBeImportedForItsMessages() throws Exception {
        Workspace workspace = WorkspaceJsonTest.sample();
        assertEquals(workspace.messages(), MessagesJson.read(WorkspaceJson.write(workspace)));
    }

    @Test
    void aFileWithoutMessagesIsNotALibrary() {
        WorkspaceFormatException e = assertThrows(WorkspaceFormatException.class,
                () -> MessagesJson.read("{\"version\": 1, \"tabs\": []}"));
        assertTrue(e.getMessage().contains("not a message library"), e.getMessage());
    }
}
