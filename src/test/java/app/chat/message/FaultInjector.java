package app.chat.message;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test-only: in the black-box tests' WAR (app.chat.testing.SharedChatServer), driven by
 * DeliveryGuaranteesIT. It fails the storing transaction after the message row was written, the
 * worst moment: "fail-once:..." texts fail on their first attempt only, "fail-7:..." on their first
 * seven (more than the tests' five delivery attempts), "poison:..." always; the text of a new
 * message or of an edit. Other texts, and deletes, pass.
 */
@ApplicationScoped
public class FaultInjector {

    private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    void afterPersist(@Observes MessageStored stored) {
        String text = stored.event() instanceof ChatEvent m ? m.text()
                : stored.event() instanceof MessageEdited e ? e.text() : "";
        if (text.startsWith("poison:")) {
            throw new IllegalStateException("injected fault: poison message");
        }
        if (text.startsWith("fail-7:") && failures.merge(text, 1, Integer::sum) <= 7) {
            throw new IllegalStateException("injected fault after persist, attempt " + failures.get(text));
        }
        if (text.startsWith("fail-once:") && failedOnce.add(text)) {
            throw new IllegalStateException("injected fault after persist");
        }
    }
}
