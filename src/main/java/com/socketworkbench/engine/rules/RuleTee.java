package com.socketworkbench.engine.rules;

import com.socketworkbench.engine.codec.PayloadFormatException;
import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.event.Notice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sink an engine component (TCP server or client, UDP endpoint) emits to when its tab has rules: every event
 * goes on to the tab's own sink first, then each complete {@link BytesReceived} (never the provisional view of an
 * unfinished frame) is put to the {@link RuleBook} on the socket thread that read it; the first matching rule's
 * reply goes back through the {@link Replier}. A delayed reply waits on a virtual thread of its own, never on the
 * socket thread. A rule the loop guard pauses says so in a {@link Notice} on the tab's sink.
 */
public final class RuleTee implements EventSink {
    private static final Logger LOG = LoggerFactory.getLogger(RuleTee.class);
    /** Delayed replies waiting at once, beyond which more are dropped (and logged): a bound on their threads. */
    static final int MAX_WAITING = 10_000;

    private final RuleBook book;
    private final EventSink downstream;
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile Replier replier;

    public RuleTee(RuleBook book, EventSink downstream) {
        this.book = Objects.requireNonNull(book, "book");
        this.downstream = Objects.requireNonNull(downstream, "downstream");
    }

    /**
     * Where replies go: set once the component exists (it is made with this sink, so it cannot be passed in the
     * constructor). Messages that arrive before are not answered.
     */
    public void replyThrough(Replier replier) {
        this.replier = replier;
    }

    @Override
    public void emit(NetEvent event) {
        downstream.emit(event);
        if (event instanceof BytesReceived received && !received.incomplete() && book.anyActive()) {
            Replier current = replier;
            if (current != null) {
                evaluate(received, current);
            }
        }
    }

    private void evaluate(BytesReceived received, Replier current) {
        byte[] data = received.data();
        int length = Math.min(data.length, RuleBook.MATCH_WINDOW);
        for (LiveRule rule : book.rules()) {
            if (!rule.isActive()) {
                continue;
            }
            Captures captures = rule.find(data, length);
            if (captures == null) {
                continue;
            }
            LiveRule.Admission admission = rule.admit(System.nanoTime(), book.loopLimit());
            if (admission == LiveRule.Admission.ANSWER) {
                answer(rule, captures, received, current);
            } else if (admission == LiveRule.Admission.PAUSED_NOW) {
                downstream.emit(new Notice(Instant.now(), received.connectionId(), received.local(),
                        received.remote(), RuleTexts.TEXT.get("notice.paused", rule.name(), rule.pausedReason())));
            }
            return;
        }
    }

    private void answer(LiveRule rule, Captures captures, BytesReceived received, Replier current) {
        byte[] bytes;
        try {
            bytes = rule.render(captures);
        } catch (PayloadFormatException e) {
            // A capture made the reply invalid (a {{ field in a capture, say): said where the user looks.
            downstream.emit(new Notice(Instant.now(), received.connectionId(), received.local(), received.remote(),
                    RuleTexts.TEXT.get("notice.reply.invalid", rule.name(), e.getMessage())));
            return;
        }
        long delay = rule.delayMillis();
        if (delay <= 0) {
            current.reply(received, bytes);
            return;
        }
        if (waiting.incrementAndGet() > MAX_WAITING) {
            waiting.decrementAndGet();
            LOG.debug("Dropped a delayed reply of rule {}: {} replies already waiting", rule.name(), MAX_WAITING);
            return;
        }
        Thread.ofVirtual().name("rule-reply-delay").start(() -> {
            try {
                Thread.sleep(Duration.ofMillis(delay));
                current.reply(received, bytes);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                waiting.decrementAndGet();
            }
        });
    }
}
