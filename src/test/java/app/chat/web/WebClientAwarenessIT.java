package app.chat.web;

import static app.chat.testing.ChatPage.openRoom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.chat.testing.Axe;
import app.chat.testing.ChatApi;
import app.chat.testing.ChatServer;
import app.chat.testing.Chromium;
import app.chat.testing.SharedChatServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web client's awareness of its surroundings, in a real headless Chromium (set up as in
 * WebClientIT): a network that goes away shows as offline at once when the browser notices, and
 * what was said meanwhile shows once when it is back; web
 * addresses become links and nothing else does; one sender's run of messages shows the name once; a
 * reload keeps the open room and the place in it; the favicon is served; and axe-core (injected from
 * the test class path, nothing downloaded) finds no serious or critical violation in either view.
 */
class WebClientAwarenessIT extends SharedChatServer {

    ChromeDriver ben;

    @BeforeEach
    void openBrowser() throws Exception {
        ben = browser();
    }

    @AfterEach
    void closeBrowser() {
        if (ben != null) {
            ben.quit();
        }
    }

    private static ChromeDriver browser() throws Exception {
        return Chromium.start();
    }

    private URI page() {
        return ChatServer.root(deploymentUrl);
    }

    private static WebDriverWait waiting(ChromeDriver d, int seconds) {
        var wait = new WebDriverWait(d, Duration.ofSeconds(seconds));
        wait.pollingEvery(Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static WebDriverWait waiting(ChromeDriver d) {
        return waiting(d, 30);
    }

    private void signIn(ChromeDriver d, String user) {
        d.get(page().toString());
        d.findElement(By.id("username")).sendKeys(user);
        d.findElement(By.id("password")).sendKeys(ChatApi.PASSWORD, Keys.ENTER);
        waitOnline(d);
    }

    private static void waitOnline(ChromeDriver d) {
        waiting(d).until(x -> x.findElement(By.id("connection")).getText().equals("online"));
    }

    private static boolean badgeSaysOffline(WebDriver d) {
        WebElement badge = d.findElement(By.id("connection"));
        return badge.getDomAttribute("class").contains("offline") && badge.getText().startsWith("offline");
    }

    /** The network as Chromium's DevTools emulate it: offline, the page's requests and sockets get nowhere. */
    private static void network(ChromeDriver d, boolean up) {
        d.executeCdpCommand("Network.enable", Map.of());
        d.executeCdpCommand("Network.emulateNetworkConditions",
                Map.of("offline", !up, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    private static Object script(WebDriver d, String js, Object... args) {
        return ((JavascriptExecutor) d).executeScript(js, args);
    }

    private static long number(WebDriver d, String js) {
        return ((Number) script(d, "return " + js)).longValue();
    }

    /** Runs an expression on one of the page's modules, imported as the page imports it; returns its JSON. */
    private static String onModule(ChromeDriver d, String module, String expression) {
        return (String) d.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "import('./js/" + module + "').then(m => done(JSON.stringify(" + expression + ")), e => done('failed: ' + e));");
    }

    private static long confirmed(WebDriver d, String sender, String text) {
        return ((Number) ((JavascriptExecutor) d).executeScript(
                "return [...document.querySelectorAll('#message-list li.message:not(.pending):not(.failed)')]"
                        + ".filter(li => li.querySelector('.sender').textContent === arguments[0]"
                        + " && li.querySelector('.text').textContent === arguments[1]"
                        + " && li.querySelector('time').textContent !== '').length", sender, text)).longValue();
    }

    private static long shown(ChromeDriver d, String sender, String text) {
        waiting(d).until(x -> confirmed(x, sender, text) > 0);
        return confirmed(d, sender, text);
    }

    @Test
    void theBadgeSaysOfflineAsSoonAsTheBrowserDoesAndWhatWasSaidMeanwhileShowsOnceWhenBack() throws Exception {
        var api = new ChatApi(page());
        String a = api.newUser("ann");
        String b = api.newUser("ben");
        long roomId = api.newRoom(a, b);
        signIn(ben, b);
        openRoom(ben, "room of " + a);
        ChatServer.say(a, roomId, "before the outage");
        assertEquals(1, shown(ben, a, "before the outage"));
        long connections = number(ben, "window.chatTest.connections()");

        network(ben, false);
        waiting(ben, 5).until(WebClientAwarenessIT::badgeSaysOffline);
        ChatServer.say(a, roomId, "said during the outage");
        Thread.sleep(2000); // long enough for a page that kept its socket to show it: it must not
        assertEquals(0, confirmed(ben, a, "said during the outage"), "nothing gets through while offline");
        assertTrue(badgeSaysOffline(ben), "and the badge stays offline");

        network(ben, true);
        waitOnline(ben);
        assertEquals(1, shown(ben, a, "said during the outage"), "the gap is filled from history, once");
        assertEquals(1, confirmed(ben, a, "before the outage"));
        assertEquals(connections + 1, number(ben, "window.chatTest.connections()"), "one new connection");
        ChatServer.say(a, roomId, "after the outage");
        assertEquals(1, shown(ben, a, "after the outage"), "and the room is live again");
    }

    @Test
    void webAddressesBecomeLinksThatOpenApartAndNothingElseDoes() throws Exception {
        var api = new ChatApi(page());
        String a = api.newUser("ann");
        String b = api.newUser("ben");
        long roomId = api.newRoom(a, b);
        String text = "look: http://example.com/x and javascript:alert(1) or <a href=\"https://evil.example\">this</a>";
        ChatServer.say(a, roomId, text);
        signIn(ben, b);
        openRoom(ben, "room of " + a);
        assertEquals(1, shown(ben, a, text), "the text reads as it was written");

        List<WebElement> links = ben.findElements(By.cssSelector("#message-list .text a"));
        assertEquals(2, links.size(), "the two http(s) addresses, nothing else: " + links);
        WebElement link = links.get(0);
        assertEquals("http://example.com/x", link.getDomAttribute("href"));
        assertEquals("http://example.com/x", link.getText());
        assertEquals("noopener noreferrer", link.getDomAttribute("rel"));
        assertEquals("_blank", link.getDomAttribute("target"));
        assertEquals("https://evil.example/", links.get(1).getDomAttribute("href"),
                "an address inside markup is a link of its own; the markup around it stays text");
        assertTrue(ben.findElements(By.cssSelector("#message-list a[href^=javascript]")).isEmpty());

        // the module that decides, on its own
        assertEquals("[{\"text\":\"see \"},{\"text\":\"https://a.org/b\",\"href\":\"https://a.org/b\"},{\"text\":\".\"}]",
                onModule(ben, "links.js", "m.linkParts('see https://a.org/b.')"), "a full stop ends a sentence, not the address");
        assertEquals("[{\"text\":\"(\"},{\"text\":\"https://en.wikipedia.org/wiki/Foo_(bar)\","
                + "\"href\":\"https://en.wikipedia.org/wiki/Foo_(bar)\"},{\"text\":\")\"}]",
                onModule(ben, "links.js", "m.linkParts('(https://en.wikipedia.org/wiki/Foo_(bar))')"), "brackets balance");
        assertEquals("[null,null,null,\"https://a.org/\"]", onModule(ben, "links.js",
                "['javascript:alert(1)', 'data:text/html,hi', 'ftp://a.org/', 'https://a.org'].map(m.safeHref)"));
        assertEquals("[{\"text\":\"JAVASCRIPT://x.org http:// www.a.org\"}]",
                onModule(ben, "links.js", "m.linkParts('JAVASCRIPT://x.org http:// www.a.org')"));
    }

    @Test
    void oneSendersRunOfMessagesShowsTheNameOnce() throws Exception {
        var api = new ChatApi(page());
        String a = api.newUser("ann");
        String b = api.newUser("ben");
        long roomId = api.newRoom(a, b);
        ChatServer.say(a, roomId, "one", "two", "three");
        ChatServer.say(b, roomId, "mine");
        ChatServer.say(a, roomId, "four");
        signIn(ben, b);
        openRoom(ben, "room of " + a);
        shown(ben, a, "four");
        assertEquals(List.of(false, true, true, false, false),
                script(ben, "return [...document.querySelectorAll('#message-list li.message')].map(li => li.classList.contains('continued'))"));
        assertEquals(2, number(ben, "[...document.querySelectorAll('#message-list li.message .sender')]"
                + ".filter(s => s.getBoundingClientRect().width > 1 && s.textContent === '" + a + "').length"),
                "ann's name shows at the start of each of her runs, not on every message");

        ChatServer.say(a, roomId, "five");
        shown(ben, a, "five");
        assertEquals(true, script(ben, "return document.querySelector('#message-list li.message:last-child').classList.contains('continued')"),
                "a live message joins the run before it");
        String minutes = "m.continues({sender: 'x', sentAt: 0}, {sender: 'x', sentAt: %d * 60000})";
        assertEquals("true", onModule(ben, "grouping.js", String.format(minutes, 4)));
        assertEquals("false", onModule(ben, "grouping.js", String.format(minutes, 6)), "a pause starts a new run");
        assertEquals("false", onModule(ben, "grouping.js", "m.continues({sender: 'x', sentAt: 0}, {sender: 'y', sentAt: 1})"));
    }

    private static final String LINE_10 = "[...document.querySelectorAll('#message-list li.message')]"
            + ".find(li => li.querySelector('.text').textContent === 'line 10')";

    @Test
    void aReloadKeepsTheOpenRoomAndThePlaceInIt() throws Exception {
        var api = new ChatApi(page());
        String a = api.newUser("ann");
        String b = api.newUser("ben");
        long roomId = api.newRoom(a, b);
        api.as(b, "POST", "api/rooms", "{\"name\":\"another of " + b + "\"}");
        String[] texts = new String[25]; // within one sender's burst allowance (28)
        for (int i = 0; i < texts.length; i++) {
            texts[i] = "line " + (i + 1);
        }
        ChatServer.say(a, roomId, texts);
        signIn(ben, b);
        openRoom(ben, "room of " + a);
        shown(ben, a, "line 25");

        ben.navigate().refresh();
        waitOnline(ben);
        waiting(ben).until(x -> x.findElement(By.id("room-title")).getText().equals("room of " + a));
        assertEquals(1, shown(ben, a, "line 25"), "the room is open again");
        waiting(ben).until(x -> number(x, "(b => b.scrollHeight - b.scrollTop - b.clientHeight)(document.getElementById('messages'))") < 5);

        script(ben, LINE_10 + ".scrollIntoView({block: 'start'})");
        ben.navigate().refresh();
        waitOnline(ben);
        shown(ben, a, "line 25");
        waiting(ben).until(x -> (Boolean) script(x, "const box = document.getElementById('messages').getBoundingClientRect();"
                + "const li = " + LINE_10 + ".getBoundingClientRect();"
                + "return Math.abs(li.top - box.top) < 20"));

        openRoom(ben, "another of " + b);
        ben.navigate().refresh();
        waitOnline(ben);
        waiting(ben).until(x -> x.findElement(By.id("room-title")).getText().equals("another of " + b));

        ben.findElement(By.id("sign-out")).click();
        signIn(ben, b);
        assertEquals("Pick a room", ben.findElement(By.id("room-title")).getText(), "signing out forgets the place");
    }

    @Test
    void theFaviconIsAnSvgServedWithThePage() {
        ben.get(page().toString());
        assertEquals("favicon.svg", ben.findElement(By.cssSelector("link[rel=icon]")).getDomAttribute("href"));
        assertEquals("200 image/svg+xml true", ben.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('favicon.svg').then(async r => done(r.status + ' ' + r.headers.get('content-type').split(';')[0]"
                + " + ' ' + (await r.text()).includes('<svg')))"));
    }

    @Test
    void axeFindsNoSeriousViolationsInTheSignInAndChatViews() throws Exception {
        var api = new ChatApi(page());
        String a = api.newUser("ann");
        String b = api.newUser("ben");
        long roomId = api.newRoom(a, b);
        ChatServer.say(a, roomId, "hello, see https://example.com", "and again");
        ChatServer.say(b, roomId, "my own words");
        ben.get(page().toString());
        assertEquals("[]", Axe.seriousViolations(ben), "sign-in view");

        signIn(ben, b);
        openRoom(ben, "room of " + a);
        shown(ben, b, "my own words");
        assertEquals("[]", Axe.seriousViolations(ben), "chat view, with others' messages, links and an own bubble");
    }
}
