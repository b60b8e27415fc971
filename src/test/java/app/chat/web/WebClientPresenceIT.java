package app.chat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.chat.testing.Axe;
import app.chat.testing.ChatApi;
import app.chat.testing.ChatServer;
import app.chat.testing.Chromium;
import app.chat.testing.SharedChatServer;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
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
 * What the web client shows of others, in real headless Chromium browsers: unread and mention badges
 * and the tab title for rooms not open (live, cleared on reading, in every tab of the reader's), the
 * "New messages" line at the read marker, who is typing, and the members panel with who is online.
 */
class WebClientPresenceIT extends SharedChatServer {

    private final List<ChromeDriver> browsers = new ArrayList<>();

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(ChromeDriver::quit);
    }

    private ChromeDriver browser() throws Exception {
        ChromeDriver d = Chromium.start();
        browsers.add(d);
        return d;
    }

    private URI page() {
        return ChatServer.root(deploymentUrl);
    }

    private static WebDriverWait waiting(WebDriver d) {
        var wait = new WebDriverWait(d, Duration.ofSeconds(30));
        wait.pollingEvery(Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private ChromeDriver signedIn(String user) throws Exception {
        ChromeDriver d = browser();
        d.get(page().toString());
        d.findElement(By.id("username")).sendKeys(user);
        d.findElement(By.id("password")).sendKeys(ChatApi.PASSWORD, Keys.ENTER);
        waiting(d).until(x -> x.findElement(By.id("connection")).getText().equals("online"));
        return d;
    }

    private static void openRoom(WebDriver d, String name) {
        waiting(d).until(x -> {
            for (WebElement b : x.findElements(By.cssSelector("#room-list button"))) {
                if (name.equals(b.getDomAttribute("title"))) {
                    b.click();
                    return true;
                }
            }
            return false;
        });
        waiting(d).until(x -> x.findElement(By.id("room-title")).getText().equals(name));
    }

    private static Object script(WebDriver d, String js, Object... args) {
        return ((JavascriptExecutor) d).executeScript(js, args);
    }

    /** A room's badge of a kind ("unread", "mentions") as a screen reader reads it, or "" when it has none. */
    private static String badge(WebDriver d, String room, String kind) {
        return (String) script(d, "const b = [...document.querySelectorAll('#room-list button')].find(b => b.title === arguments[0]);"
                + "const s = b && b.parentElement.querySelector('.badge.' + arguments[1]);"
                + "return s ? s.textContent : '';", room, kind);
    }

    private static void waitForBadge(WebDriver d, String room, String kind, String text) {
        waiting(d).until(x -> badge(x, room, kind).equals(text));
    }

    private static boolean shows(WebDriver d, String sender, String text) {
        return (Boolean) script(d, "return [...document.querySelectorAll('#message-list li.message:not(.pending)')]"
                + ".some(li => li.querySelector('.sender').textContent === arguments[0]"
                + " && li.querySelector('.text').textContent === arguments[1])", sender, text);
    }

    /** The room as GET /api/rooms lists it for the user. */
    private static JsonObject listed(ChatApi api, String user, long roomId) throws Exception {
        return api.as(user, "GET", "api/rooms", null).array().stream().map(v -> v.asJsonObject())
                .filter(r -> r.getJsonNumber("id").longValue() == roomId).findFirst().orElseThrow();
    }

    /** Waits until the server has the user's read marker at the room's newest entry. */
    private static void awaitReadToTheEnd(ChatApi api, String user, long roomId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (JsonObject r = listed(api, user, roomId); r.getInt("readSeq", -1) != r.getInt("lastSeq") || r.getInt("unread") != 0;
                r = listed(api, user, roomId)) {
            assertTrue(System.nanoTime() < deadline, "read to the end by now: " + r);
            Thread.sleep(100); // polling the server, with the deadline above
        }
    }

    @Test
    void unreadAndMentionBadgesAndTheTitleFollowARoomNotOpenAndClearInEveryTabOnReadingIt() throws Exception {
        var api = new ChatApi(page());
        String a = api.newUser("ann");
        String b = api.newUser("ben");
        long roomId = api.newRoom(a, b);
        String room = "room of " + a;
        String other = "another of " + b;
        api.as(b, "POST", "api/rooms", "{\"name\":\"" + other + "\"}");
        ChromeDriver ben = signedIn(b);
        openRoom(ben, other);
        assertEquals("chat", ben.getTitle());
        assertEquals("", badge(ben, room, "unread"));

        ChatServer.say(a, roomId, "first");
        waitForBadge(ben, room, "unread", "1 unread");
        waiting(ben).until(x -> x.getTitle().equals("(1) chat"));
        assertEquals("", badge(ben, room, "mentions"), "nobody named ben");
        ChatServer.say(a, roomId, "hello @" + b + ", look");
        waitForBadge(ben, room, "unread", "2 unread");
        waitForBadge(ben, room, "mentions", "@1 mention");
        waiting(ben).until(x -> x.getTitle().equals("(2) chat"));
        assertEquals(room, script(ben, "return document.querySelector('#rooms-mine + ul button').title"),
                "the room spoken in moves to the top of the list");

        ChromeDriver benElsewhere = signedIn(b);
        waitForBadge(benElsewhere, room, "unread", "2 unread");
        assertEquals("(2) chat", benElsewhere.getTitle());

        openRoom(ben, room);
        waiting(ben).until(x -> shows(x, a, "hello @" + b + ", look"));
        waitForBadge(ben, room, "unread", "");
        assertEquals("", badge(ben, room, "mentions"));
        waiting(ben).until(x -> x.getTitle().equals("chat"));
        // the other tab has the room closed: it learns from the read event
        waitForBadge(benElsewhere, room, "unread", "");
        waitForBadge(benElsewhere, room, "mentions", "");
        waiting(benElsewhere).until(x -> x.getTitle().equals("chat"));
        JsonObject listed = listed(api, b, roomId);
        assertEquals(0, listed.getInt("unread"), "the server's marker moved too: " + listed);
        assertEquals(listed.getInt("lastSeq"), listed.getInt("readSeq"));

        ChatServer.say(a, roomId, "while ben reads");
        waiting(ben).until(x -> shows(x, a, "while ben reads"));
        awaitReadToTheEnd(api, b, roomId); // seen as it came, in the open room at the bottom: read at once
        waitForBadge(benElsewhere, room, "unread", "");
        assertEquals("", badge(ben, room, "unread"));
        assertEquals("chat", ben.getTitle());
    }

    @Test
    void aNewMessagesLineSitsAtTheReadMarkerWhenARoomWithUnreadMessagesOpens() throws Exception {
        var api = new ChatApi(page());
        String a = api.newUser("ann");
        String b = api.newUser("ben");
        long roomId = api.newRoom(a, b);
        String room = "room of " + a;
        String other = "another of " + b;
        api.as(b, "POST", "api/rooms", "{\"name\":\"" + other + "\"}");
        ChromeDriver ben = signedIn(b);
        openRoom(ben, room);
        ChatServer.say(a, roomId, "already read");
        waiting(ben).until(x -> shows(x, a, "already read"));
        awaitReadToTheEnd(api, b, roomId);
        assertEquals(0L, script(ben, "return document.querySelectorAll('#message-list .divider').length"),
                "nothing was unread when it opened");

        openRoom(ben, other);
        ChatServer.say(a, roomId, "unread one", "unread two");
        waitForBadge(ben, room, "unread", "2 unread");
        openRoom(ben, room);
        waiting(ben).until(x -> shows(x, a, "unread two"));
        waiting(ben).until(x -> script(x, "return document.querySelectorAll('#message-list .divider').length").equals(1L));
        assertEquals(List.of("already read", "New messages", "unread one", "unread two"), script(ben,
                "return [...document.querySelectorAll('#message-list li.message, #message-list li.divider')]"
                        + ".map(li => li.classList.contains('divider') ? li.textContent : li.querySelector('.text').textContent)"));
        awaitReadToTheEnd(api, b, roomId);

        ChatServer.say(a, roomId, "later");
        waiting(ben).until(x -> shows(x, a, "later"));
        assertEquals("later", script(ben, "return document.querySelector('#message-list li:last-child .text').textContent"),
                "what comes later goes below the line, not above it");
    }

    @Test
    void whoIsTypingShowsToTheOthersAndGoesAway() throws Exception {
        var api = new ChatApi(page());
        String a = api.newUser("ann");
        String b = api.newUser("ben");
        api.newRoom(a, b);
        String room = "room of " + a;
        ChromeDriver ann = signedIn(a);
        ChromeDriver ben = signedIn(b);
        openRoom(ann, room);
        openRoom(ben, room);

        ann.findElement(By.id("text")).sendKeys("hel");
        waiting(ben).until(x -> x.findElement(By.id("typing")).getText().equals(a + " is typing…"));
        assertEquals("", ann.findElement(By.id("typing")).getText(), "never oneself");
        waiting(ben).until(x -> x.findElement(By.id("typing")).getText().isEmpty()); // a few seconds after the last notice

        ann.findElement(By.id("text")).sendKeys("lo there");
        waiting(ben).until(x -> x.findElement(By.id("typing")).getText().equals(a + " is typing…"));
        ann.findElement(By.id("text")).sendKeys(Keys.ENTER);
        waiting(ben).until(x -> shows(x, a, "hello there"));
        assertEquals("", ben.findElement(By.id("typing")).getText(), "their message ends it at once");

        assertEquals("[\"\",\"a is typing…\",\"a and b are typing…\",\"a, b and c are typing…\"]",
                ben.executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "import('./js/typing.js').then(m => done(JSON.stringify([[], ['a'], ['a', 'b'], ['a', 'b', 'c']].map(m.typingText))))"));
    }

    @Test
    void theMembersPanelShowsWhoIsOnlineAndChangesWhenTheyGo() throws Exception {
        var api = new ChatApi(page());
        String a = api.newUser("ann");
        String b = api.newUser("ben");
        String c = api.newUser("cat");
        api.newRoom(a, b, c);
        String room = "room of " + a;
        ChromeDriver ann = signedIn(a);
        ChromeDriver ben = signedIn(b);
        openRoom(ben, room);
        WebElement button = ben.findElement(By.id("members-button"));
        waiting(ben).until(x -> button.isDisplayed());
        assertEquals("false", button.getDomAttribute("aria-expanded"));
        button.click();
        assertEquals("true", button.getDomAttribute("aria-expanded"));
        waiting(ben).until(x -> status(x, a).equals("online"));
        assertEquals("offline", status(ben, c), "cat has no page open");
        assertEquals("online", status(ben, b));

        ann.quit();
        browsers.remove(ann);
        waiting(ben).until(x -> status(x, a).equals("offline"));
        assertTrue(ben.findElement(By.id("members-button")).getText().startsWith("Members (1 online)"), "only ben now");
        ChromeDriver annAgain = signedIn(a);
        waiting(ben).until(x -> status(x, a).equals("online"));
        assertEquals("[]", Axe.seriousViolations(ben), "the panel, its dots and words");
        annAgain.quit();
        browsers.remove(annAgain);
    }

    @Test
    void axeFindsNoSeriousViolationsWithBadgesTheNewMessagesLineAndTheTypingLine() throws Exception {
        var api = new ChatApi(page());
        String a = api.newUser("ann");
        String b = api.newUser("ben");
        long roomId = api.newRoom(a, b);
        String room = "room of " + a;
        String other = "another of " + b;
        api.as(b, "POST", "api/rooms", "{\"name\":\"" + other + "\"}");
        long otherId = listedByName(api, b, other);
        api.as(a, "POST", "api/rooms/" + otherId + "/members", null);
        ChatServer.say(a, roomId, "one", "two @" + b);
        ChromeDriver ben = signedIn(b);
        openRoom(ben, other);
        waitForBadge(ben, room, "mentions", "@1 mention");
        openRoom(ben, room);
        waiting(ben).until(x -> x.findElements(By.cssSelector("#message-list .divider")).size() == 1);
        ChatServer.say(a, otherId, "three");
        waitForBadge(ben, other, "unread", "1 unread");
        assertEquals("[]", Axe.seriousViolations(ben), "badges in the list, the New messages line");
    }

    /**
     * Notifications, as far as a headless browser lets them be seen: permission granted through
     * DevTools, the page made to believe its tab is hidden, and the Notification constructor replaced
     * by one that records what the page shows (the real one draws nothing headless).
     */
    @Test
    void aHiddenTabNotifiesDirectMessagesAndMentionsOnceAllowedAndAVisibleOneDoesNot() throws Exception {
        var api = new ChatApi(page());
        String a = api.newUser("ann");
        String b = api.newUser("ben");
        long roomId = api.newRoom(a, b);
        long dm = api.as(a, "POST", "api/dms", "{\"username\":\"" + b + "\"}").json().getJsonNumber("id").longValue();
        ChromeDriver ben = signedIn(b);
        WebElement bell = ben.findElement(By.id("notify"));
        assertTrue(bell.isDisplayed(), "the bell is offered on http://127.0.0.1 (a secure context)");
        ben.executeCdpCommand("Browser.grantPermissions", java.util.Map.of("origin", page().toString().replaceAll("/$", ""),
                "permissions", List.of("notifications")));
        bell.click();
        waiting(ben).until(x -> !x.findElement(By.id("notify")).isDisplayed());
        script(ben, "window.shown = [];"
                + "const Real = window.Notification;"
                + "window.Notification = class { constructor(title, options) { window.shown.push(title + ' | ' + options.body); }"
                + "  close() {} static get permission() { return Real.permission; } };"
                + "Object.defineProperty(document, 'visibilityState', {configurable: true, get: () => 'hidden'});");

        ChatServer.say(a, dm, "psst");
        ChatServer.say(a, roomId, "hey @" + b + " look");
        waiting(ben).until(x -> ((List<?>) script(x, "return window.shown")).size() == 2);
        assertEquals(java.util.Set.of(a + " | psst", a + " mentioned you | in room of " + a),
                java.util.Set.copyOf((List<?>) script(ben, "return window.shown")), "the DM and the mention, each once");

        script(ben, "Object.defineProperty(document, 'visibilityState', {configurable: true, get: () => 'visible'})");
        ChatServer.say(a, dm, "are you there?");
        ChatServer.say(a, roomId, "@" + b + " again");
        waitForBadge(ben, "room of " + a, "mentions", "@2 mentions");
        assertEquals(2L, script(ben, "return window.shown.length"), "nothing more while the tab is in view");
    }

    private static long listedByName(ChatApi api, String user, String name) throws Exception {
        return api.as(user, "GET", "api/rooms", null).array().stream().map(v -> v.asJsonObject())
                .filter(r -> r.getString("name").equals(name)).findFirst().orElseThrow().getJsonNumber("id").longValue();
    }

    /** "online" or "offline" as the members panel says it of the user ("" when not listed). */
    private static String status(WebDriver d, String user) {
        return (String) script(d, "const li = [...document.querySelectorAll('#member-list li')].find(li => li.dataset.user === arguments[0]);"
                + "return li ? li.querySelector('.status').textContent : ''", user);
    }
}
