package com.socketworkbench.ui.tab;

/**
 * Creates one kind of tab. The main window holds an ordered list of these; adding a tab to the product means adding
 * one factory to that list (usually a constructor reference such as {@code TcpServerTab::new}).
 */
@FunctionalInterface
public interface TabFactory {
    WorkbenchTab create(TabContext context);
}
