/**
 * Settings inputs and their fields. The inputs ({@link com.socketworkbench.ui.input.TextInput},
 * {@link com.socketworkbench.ui.input.HostInput}, {@link com.socketworkbench.ui.input.PortInput},
 * {@link com.socketworkbench.ui.input.BindAddressInput}) belong to the view models: the typed text or choice and the
 * live {@link com.socketworkbench.ui.input.InputVerdict} on it, plain properties testable without a toolkit. The
 * fields ({@link com.socketworkbench.ui.input.HostField}, {@link com.socketworkbench.ui.input.PortField},
 * {@link com.socketworkbench.ui.input.BindAddressPicker}) only bind to an input and show its verdict at the place it
 * was typed ({@link com.socketworkbench.ui.input.FieldMessage}): the message floats next to its field without moving
 * any other control, over free space only. Also editable whole-number spinners.
 */
package com.socketworkbench.ui.input;
