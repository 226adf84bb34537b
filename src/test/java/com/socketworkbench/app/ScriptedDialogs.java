package com.socketworkbench.app;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The app's questions answered from a script, for UI tests: a test queues the answers it expects to give; a question
 * without a queued answer is recorded and answered with "cancel" (never a modal dialog that would stop the test).
 */
public final class ScriptedDialogs implements WindowDialogs {
    private final Deque<Boolean> closeAnswers = new ArrayDeque<>();
    private final Deque<UnsavedChoice> saveAnswers = new ArrayDeque<>();
    private final Deque<Path> files = new ArrayDeque<>();
    private final Deque<Boolean> resetAnswers = new ArrayDeque<>();
    private final List<String> asked = new ArrayList<>();

    /** The next "close this live tab?" is answered {@code close}. */
    public synchronized ScriptedDialogs answerClose(boolean close) {
        closeAnswers.add(close);
        return this;
    }

    /** The next "save the changes?" is answered {@code choice}. */
    public synchronized ScriptedDialogs answerSave(UnsavedChoice choice) {
        saveAnswers.add(choice);
        return this;
    }

    /** The next "reset all settings?" is answered {@code reset}. */
    public synchronized ScriptedDialogs answerReset(boolean reset) {
        resetAnswers.add(reset);
        return this;
    }

    /** The next file chooser (open or save) chooses {@code file}. */
    public synchronized ScriptedDialogs chooseFile(Path file) {
        files.add(file);
        return this;
    }

    /** Every question asked so far, e.g. {@code close TCP Client 2: Connected to 127.0.0.1:5000}. */
    public synchronized List<String> asked() {
        return List.copyOf(asked);
    }

    @Override
    public synchronized boolean confirmClose(String title, String state) {
        asked.add("close " + title + ": " + state);
        Boolean answer = closeAnswers.poll();
        return answer != null && answer;
    }

    @Override
    public synchronized UnsavedChoice askToSave(String name) {
        asked.add("save " + name);
        UnsavedChoice answer = saveAnswers.poll();
        return answer == null ? UnsavedChoice.CANCEL : answer;
    }

    @Override
    public synchronized boolean confirmReset(String where, String untitledFolder) {
        asked.add("reset settings in " + where);
        Boolean answer = resetAnswers.poll();
        return answer != null && answer;
    }

    @Override
    public synchronized Optional<Path> chooseOpen(Path folder) {
        asked.add("open a file");
        return Optional.ofNullable(files.poll());
    }

    @Override
    public synchronized Optional<Path> chooseSave(Path folder, String fileName) {
        asked.add("save as " + fileName);
        return Optional.ofNullable(files.poll());
    }
}
