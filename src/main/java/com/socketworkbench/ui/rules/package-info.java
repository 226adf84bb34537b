/**
 * The auto-reply rules panel of the socket tabs: the rules table, presets, the rule editor, and the model that keeps
 * the tab's {@link com.socketworkbench.engine.rules.RuleBook} and saves the rules in the tab's settings.
 */
package com.socketworkbench.ui.rules;
