package app.chat.testing;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core (the pinned test dependency com.deque.html.axe-core:selenium carries axe.min.js), injected
 * into the page as it is and run there: nothing is downloaded.
 */
public final class Axe {

    private Axe() {
    }

    /** The serious and critical violations on the page now, with where they are, as JSON ("[]" for none). */
    public static String seriousViolations(JavascriptExecutor page) throws IOException {
        String axe;
        try (InputStream in = Axe.class.getResourceAsStream("/axe.min.js")) {
            assertNotNull(in, "axe.min.js on the test class path (com.deque.html.axe-core:selenium)");
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        page.executeScript(axe);
        return (String) page.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify(r.violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)})))),"
                + " e => done('axe failed: ' + e))");
    }
}
