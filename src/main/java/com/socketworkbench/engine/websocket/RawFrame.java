package com.socketworkbench.engine.websocket;

import static com.socketworkbench.engine.websocket.WsUrl.TEXT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A frame the user builds bit by bit to see how a server copes with what RFC 6455 forbids (the "expert" send, as
 * in Burp's WebSocket repeater): any FIN, RSV bits and opcode, masked or not, any payload. It is sent exactly as
 * set; {@link #verdicts} says how it breaks the protocol, so the timeline shows what the server should have
 * answered.
 *
 * @param fin     the FIN bit
 * @param rsv     RSV1–RSV3 as a number 0–7 (RSV1 = 4, RSV2 = 2, RSV3 = 1)
 * @param opcode  0x0–0xF
 * @param masked  whether to mask it (with a fresh random key); a client's unmasked frame is a violation
 * @param payload the payload, before masking
 */
public record RawFrame(boolean fin, int rsv, int opcode, boolean masked, byte[] payload) {

    public RawFrame {
        if (rsv < 0 || rsv > 7) {
            throw new IllegalArgumentException("rsv must be 0-7: " + rsv);
        }
        if (opcode < 0 || opcode > 15) {
            throw new IllegalArgumentException("opcode must be 0-15: " + opcode);
        }
        payload = Objects.requireNonNull(payload, "payload").clone();
    }

    /** Whether it is a close frame with FIN: the session takes it as starting the close handshake. */
    public boolean closes() {
        return opcode == Opcode.CLOSE && fin;
    }

    /**
     * What the frame is in the timeline: first that it is a raw/expert frame (a warning), then each way it breaks
     * RFC 6455 for a client frame (fatal, with the close code the server should answer with), judged on this frame
     * alone: the order of fragments across frames is not followed.
     *
     * @param rsvAllowed the RSV bits an agreed extension defines (those are no violation)
     */
    public List<WsVerdict> verdicts(int rsvAllowed) {
        List<WsVerdict> verdicts = new ArrayList<>();
        verdicts.add(new WsVerdict(false, 0, "expert", TEXT.get("verdict.expert")));
        if (!masked) {
            verdicts.add(WsVerdict.protocolError("expert.unmasked"));
        }
        if ((rsv & ~rsvAllowed) != 0) {
            verdicts.add(WsVerdict.protocolError("expert.rsv", new WsFrame(true, rsv & ~rsvAllowed, 0, false, 0, 0,
                    new byte[0], new byte[0]).rsvText()));
        }
        if (Opcode.isReserved(opcode)) {
            verdicts.add(WsVerdict.protocolError("expert.opcode", Opcode.name(opcode)));
        }
        if (Opcode.isControl(opcode)) {
            if (!fin) {
                verdicts.add(WsVerdict.protocolError("expert.control.fragmented", Opcode.name(opcode)));
            }
            if (payload.length > 125) {
                verdicts.add(WsVerdict.protocolError("expert.control.tooLong", Opcode.name(opcode), payload.length)
                        .at(125, payload.length - 125));
            }
        }
        if (opcode == Opcode.CLOSE) {
            closeVerdicts(verdicts);
        }
        if (opcode == Opcode.TEXT && fin) {
            // A single-frame text message: its payload is the whole message and must be UTF-8.
            Utf8Validator utf8 = new Utf8Validator();
            long bad = utf8.feed(payload);
            if (bad >= 0 || !utf8.complete()) {
                long end = bad >= 0 ? bad + 1 : payload.length;
                verdicts.add(WsVerdict.invalidData("expert.utf8", bad >= 0 ? bad : utf8.charStart())
                        .at(utf8.charStart(), end - utf8.charStart()));
            }
        }
        return verdicts;
    }

    private void closeVerdicts(List<WsVerdict> verdicts) {
        if (payload.length == 1) {
            verdicts.add(WsVerdict.protocolError("expert.close.oneByte").at(0, 1));
            return;
        }
        if (payload.length < 2) {
            return;
        }
        int code = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        if (!CloseCodes.isValidOnWire(code)) {
            verdicts.add(WsVerdict.protocolError("expert.close.code", code,
                    TEXT.get(MessageAssembler.closeCodeReason(code))).at(0, 2));
        }
        if (!Utf8Validator.isValid(Arrays.copyOfRange(payload, 2, payload.length))) {
            verdicts.add(WsVerdict.invalidData("expert.close.reason.utf8"));
        }
    }
}
