package com.socketworkbench.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

public class WorkbenchApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("Socket Workbench");
        stage.setScene(new Scene(new TabPane(), 1200, 800));
        stage.show();
    }
}
