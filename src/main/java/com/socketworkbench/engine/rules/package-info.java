/**
 * Auto-reply rules: a {@link com.socketworkbench.engine.rules.RuleTee} in front of a tab's sink puts each complete
 * message to its {@link com.socketworkbench.engine.rules.RuleBook}; the first active
 * {@link com.socketworkbench.engine.rules.LiveRule} that matches replies to the sender through a
 * {@link com.socketworkbench.engine.rules.Replier}, with captures filled into its reply before it is compiled with
 * {@link com.socketworkbench.engine.fields.FieldTemplate}. Hits are counted exactly; a loop guard pauses a rule that
 * replies too often within one second and says so in a {@link com.socketworkbench.engine.event.Notice}. No JavaFX.
 */
package com.socketworkbench.engine.rules;
