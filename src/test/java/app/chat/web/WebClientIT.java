package app.chat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.chat.stompcodec.StompFrame;
import app.chat.testing.ChatApi;
import app.chat.testing.ChatServer;
import app.chat.testing.SharedChatServer;
import app.chat.testing.StompClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web client in a real headless Chromium (Debian's, driven by Selenium through Debian's
 * chromedriver: nothing downloads a browser), against the built WAR: two people sign up, meet in a
 * room and talk; markup shows as text; a reload keeps the history; a dropped WebSocket comes back
 * and shows what was said meanwhile, once; a session survives a reload (the browser keeps its
 * token, never the password) and ends with Sign out; Up arrow edits one's last message and Delete
 * (confirmed) deletes it, live and after a reload at the other end.
 */
class WebClientIT extends SharedChatServer {

    WebDriver ann;
    WebDriver ben;

    @BeforeEach
    void openTwoBrowsers() throws Exception {
        ann = browser();
        ben = browser();
    }

    @AfterEach
    void closeBrowsers() {
        for (WebDriver d : new WebDriver[] {ann, ben}) {
            if (d != null) {
                d.quit();
            }
        }
    }

    private static WebDriver browser() throws Exception {
        var options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
                "--window-size=1100,760", "--user-data-dir=" + Files.createTempDirectory("chromium").toAbsolutePath());
        var service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private URI page() {
        return ChatServer.root(deploymentUrl);
    }

    private static WebDriverWait waiting(WebDriver d) {
        var wait = new WebDriverWait(d, Duration.ofSeconds(30));
        wait.pollingEvery(Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class); // lists are redrawn, e.g. the rooms after a (re)connect
        return wait;
    }

    private void signUp(WebDriver d, String user) {
        d.get(page().toString());
        d.findElement(By.id("username")).sendKeys(user);
        d.findElement(By.id("password")).sendKeys(ChatApi.PASSWORD);
        d.findElement(By.id("sign-up")).click();
        waiting(d).until(x -> x.findElement(By.id("connection")).getText().equals("online"));
    }

    private void signIn(WebDriver d, String user) {
        d.get(page().toString());
        d.findElement(By.id("username")).sendKeys(user);
        d.findElement(By.id("password")).sendKeys(ChatApi.PASSWORD, Keys.ENTER);
        waiting(d).until(x -> x.findElement(By.id("connection")).getText().equals("online"));
    }

    private static long number(WebDriver d, String js) {
        return ((Number) script(d, "return " + js)).longValue();
    }

    private static void say(WebDriver d, String text) {
        WebElement box = d.findElement(By.id("text"));
        box.sendKeys(text);
        box.sendKeys(Keys.ENTER);
    }

    /** Waits until the text is shown as a confirmed message (sender, time, text), then returns how often. */
    private static long shown(WebDriver d, String sender, String text) {
        waiting(d).until(x -> confirmed(x, sender, text) > 0);
        return confirmed(d, sender, text);
    }

    private static long confirmed(WebDriver d, String sender, String text) {
        // one script instead of a WebDriver round trip per element: a room of 50 messages is polled often
        return ((Number) ((JavascriptExecutor) d).executeScript(
                "return [...document.querySelectorAll('#message-list li.message:not(.pending):not(.failed)')]"
                        + ".filter(li => li.querySelector('.sender').textContent === arguments[0]"
                        + " && li.querySelector('.text').textContent === arguments[1]"
                        + " && li.querySelector('time').textContent !== '').length", sender, text)).longValue();
    }

    private static void openRoom(WebDriver d, String name) {
        waiting(d).until(x -> {
            for (WebElement b : x.findElements(By.cssSelector("#room-list button"))) {
                if (b.getText().startsWith(name)) {
                    b.click();
                    return true;
                }
            }
            return false;
        });
        waiting(d).until(x -> x.findElement(By.id("room-title")).getText().equals(name));
    }

    /** Ann and Ben sign up; Ann creates a room, Ben finds it in the list and joins. Returns its name. */
    private String annAndBenMeetInANewRoom(String a, String b, String kind) {
        String room = kind + " " + a.substring(4);
        signUp(ann, a);
        signUp(ben, b);
        ann.findElement(By.id("new-room")).sendKeys(room, Keys.ENTER);
        waiting(ann).until(x -> x.findElement(By.id("room-title")).getText().equals(room));
        ben.navigate().refresh();
        waiting(ben).until(x -> x.findElement(By.id("connection")).getText().equals("online"));
        openRoom(ben, room);
        ben.findElement(By.id("join")).click();
        waiting(ben).until(x -> x.findElement(By.id("composer")).isDisplayed());
        return room;
    }

    @Test
    void twoPeopleChatInTheBrowserAndMarkupStaysText() throws Exception {
        String a = ChatApi.uniqueName("ann");
        String b = ChatApi.uniqueName("ben");
        String room = annAndBenMeetInANewRoom(a, b, "Web room");

        say(ann, "Hi Ben, welcome to the room!");
        assertEquals(1, shown(ben, a, "Hi Ben, welcome to the room!"));
        say(ben, "Thanks Ann. Works nicely.");
        assertEquals(1, shown(ann, b, "Thanks Ann. Works nicely."));
        assertEquals(b + ": Thanks Ann. Works nicely.", ann.findElement(By.id("announcer")).getDomProperty("textContent"),
                "what others say is read out to screen readers");

        String xss = "<img src=x onerror=alert(1)>";
        say(ben, xss);
        assertEquals(1, shown(ann, b, xss), "markup is shown as the text it is");
        assertTrue(ann.findElements(By.cssSelector("#message-list img")).isEmpty(), "and no element was made of it");

        WebElement box = ann.findElement(By.id("text"));
        box.sendKeys("Line one");
        box.sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER));
        box.sendKeys("still me", Keys.ENTER);
        assertEquals(1, shown(ben, a, "Line one\nstill me"), "Shift+Enter is a new line, Enter sends");
        screenshot(ann, "chat.png");

        script(ann, "document.getElementById('text').value = 'x'.repeat(4001)");
        ann.findElement(By.id("text")).sendKeys(Keys.ENTER);
        waiting(ann).until(x -> x.findElements(By.cssSelector("#message-list li.failed .status")).stream()
                .anyMatch(e -> e.getText().equals("Text too long")));

        ben.navigate().refresh();
        waiting(ben).until(x -> x.findElement(By.id("connection")).getText().equals("online"));
        openRoom(ben, room);
        assertEquals(1, shown(ben, a, "Hi Ben, welcome to the room!"), "a reload shows the history");
        assertEquals(1, shown(ben, b, xss));

        long connections = number(ben, "window.chatTest.connections()");
        ben.findElement(By.id("leave")).click();
        waiting(ben).until(x -> x.findElement(By.id("join")).isDisplayed() && !x.findElement(By.id("composer")).isDisplayed());
        waiting(ben).until(x -> x.findElement(By.id("rooms-other")).findElement(By.xpath(".."))
                .findElements(By.cssSelector("button")).stream().anyMatch(e -> e.getText().equals(room)));
        say(ann, "said after Ben left");
        shown(ann, a, "said after Ben left");
        ben.findElement(By.id("join")).click();
        assertEquals(1, shown(ben, a, "said after Ben left"), "joining again shows what was said meanwhile");
        say(ann, "welcome back");
        assertEquals(1, shown(ben, a, "welcome back"), "and the room is live again");
        assertEquals("online", ben.findElement(By.id("connection")).getText());
        assertEquals(connections, number(ben, "window.chatTest.connections()"), "leaving and joining kept the connection");
    }

    @Test
    void clickingANameOpensADirectMessageThatTheOtherFindsInTheirList() throws Exception {
        String a = ChatApi.uniqueName("ann");
        String b = ChatApi.uniqueName("ben");
        annAndBenMeetInANewRoom(a, b, "DM room");
        say(ben, "message me");
        shown(ann, b, "message me");
        waiting(ann).until(x -> {
            for (WebElement name : x.findElements(By.cssSelector("#message-list button.sender"))) {
                if (name.getText().equals(b)) {
                    name.click();
                    return true;
                }
            }
            return false;
        });
        waiting(ann).until(x -> x.findElement(By.id("room-title")).getText().equals(b));
        assertEquals("direct message", ann.findElement(By.id("room-kind")).getText());
        say(ann, "just between us");
        shown(ann, a, "just between us");

        ben.navigate().refresh();
        waiting(ben).until(x -> x.findElement(By.id("connection")).getText().equals("online"));
        waiting(ben).until(x -> x.findElement(By.id("rooms-dm")).findElement(By.xpath(".."))
                .findElements(By.cssSelector("button")).stream().anyMatch(e -> e.getText().equals(a)));
        openRoom(ben, a);
        assertEquals(1, shown(ben, a, "just between us"));
        assertTrue(ben.findElement(By.id("invite-form")).getAttribute("hidden") != null, "nobody is invited into a DM");
    }

    @Test
    void upArrowEditsOnesLastMessageDeleteAsksFirstAndTheOtherSeesBoth() throws Exception {
        String a = ChatApi.uniqueName("ann");
        String b = ChatApi.uniqueName("ben");
        String room = annAndBenMeetInANewRoom(a, b, "Edit room");
        say(ann, "frist!");
        assertEquals(1, shown(ben, a, "frist!"));
        shown(ann, a, "frist!");

        WebElement box = ann.findElement(By.id("text"));
        box.sendKeys(Keys.ARROW_UP);
        waiting(ann).until(x -> "frist!".equals(x.findElement(By.id("text")).getDomProperty("value")));
        box.clear();
        box.sendKeys("first! <b>really</b>", Keys.ENTER);
        assertEquals(1, shown(ben, a, "first! <b>really</b>"), "the edit replaces the text where it stood");
        assertEquals(0, confirmed(ben, a, "frist!"));
        waiting(ben).until(x -> x.findElements(By.cssSelector("#message-list li .edited")).stream()
                .anyMatch(e -> e.getText().equals("(edited)")));
        assertTrue(ben.findElements(By.cssSelector("#message-list b")).isEmpty(), "markup in an edit stays text");
        assertEquals("", ann.findElement(By.id("text")).getDomProperty("value"), "the composer is free again");

        ann.findElement(By.cssSelector("#message-list li.own .actions .delete")).click();
        ann.switchTo().alert().dismiss();
        say(ann, "still here");
        shown(ben, a, "still here");
        assertEquals(1, confirmed(ben, a, "first! <b>really</b>"), "a dismissed confirmation deletes nothing");
        ann.findElement(By.cssSelector("#message-list li.own .actions .delete")).click();
        ann.switchTo().alert().accept();
        waiting(ben).until(x -> confirmed(x, a, "message deleted") == 1);
        assertEquals(0, confirmed(ben, a, "first! <b>really</b>"));

        ben.navigate().refresh();
        waiting(ben).until(x -> x.findElement(By.id("connection")).getText().equals("online"));
        openRoom(ben, room);
        assertEquals(1, shown(ben, a, "still here"));
        assertEquals(1, confirmed(ben, a, "message deleted"), "history shows the tombstone");
        assertTrue(!ben.findElement(By.id("message-list")).getText().contains("really"), "and none of its texts");
        assertEquals(2, ben.findElements(By.cssSelector("#message-list li.message")).size(), "edits and deletes are no messages of their own");
    }

    @Test
    void earlierMessagesPageInAndNewOnesDoNotPullAReaderDown() throws Exception {
        var api = new ChatApi(page());
        String a = api.newUser("ann");
        String b = api.newUser("ben");
        long roomId = api.newRoom(a, b);
        String room = "room of " + a;
        int said = 0;
        for (String sender : List.of(a, b)) { // 28 each: within one sender's burst allowance
            said = sayOverStomp(sender, roomId, said, 28);
        }

        ben.get(page().toString());
        ben.findElement(By.id("username")).sendKeys(b);
        ben.findElement(By.id("password")).sendKeys("not " + ChatApi.PASSWORD, Keys.ENTER);
        waiting(ben).until(x -> x.findElement(By.id("auth-error")).getText().equals("Wrong username or password"));

        signIn(ben, b);
        openRoom(ben, room);
        waiting(ben).until(x -> x.findElements(By.cssSelector("#message-list li.message")).size() == 50);
        assertEquals(1, shown(ben, a, "history 07"), "the newest 50 come first");
        assertEquals(0, confirmed(ben, a, "history 06"));
        ben.findElement(By.id("load-earlier")).click();
        waiting(ben).until(x -> x.findElements(By.cssSelector("#message-list li.message")).size() == 56);
        assertEquals(1, shown(ben, a, "history 01"));
        waiting(ben).until(x -> !x.findElement(By.id("load-earlier")).isDisplayed());

        script(ben, "document.getElementById('messages').scrollTop = 0");
        sayOverStomp(a, roomId, said, 1);
        assertEquals(1, shown(ben, a, "history 57"));
        assertEquals(0, number(ben, "document.getElementById('messages').scrollTop"), "a reader who scrolled up stays put");
        assertTrue(ben.findElement(By.id("jump")).isDisplayed(), "and is told there is something new");
        ben.findElement(By.id("jump")).click();
        waiting(ben).until(x -> number(x, "(b => b.scrollHeight - b.scrollTop - b.clientHeight)(document.getElementById('messages'))") < 5);

        ben.manage().window().setSize(new Dimension(390, 844));
        waiting(ben).until(x -> number(x, "window.innerWidth") <= 390);
        waiting(ben).until(x -> number(x, "(b => b.scrollHeight - b.scrollTop - b.clientHeight)(document.getElementById('messages'))") < 5);
        assertTrue(number(ben, "document.documentElement.scrollWidth") <= number(ben, "window.innerWidth"),
                "nothing sticks out sideways at phone width");
        assertTrue(ben.findElement(By.id("text")).isDisplayed());
        screenshot(ben, "phone.png");
    }

    /** Sends {@code count} messages "history NN" as {@code sender}, waits until the server stored them all. */
    private static int sayOverStomp(String sender, long roomId, int said, int count) throws Exception {
        try (StompClient c = ChatServer.connect(sender)) {
            c.subscribe("/topic/user." + sender);
            for (int i = 0; i < count; i++) {
                said++;
                c.send("/app/chat.send", "{\"roomId\":" + roomId + ",\"text\":\"history " + String.format("%02d", said)
                        + "\",\"clientMsgId\":\"" + UUID.randomUUID() + "\"}");
            }
            for (int acks = 0; acks < count;) {
                StompFrame f = c.next(30);
                assertNotNull(f, "acks for what " + sender + " said");
                assertTrue(f.body().contains("\"type\":\"ack\""), f::toString);
                acks++;
            }
        }
        return said;
    }

    @Test
    void aDroppedConnectionComesBackAndShowsWhatWasSaidMeanwhileOnce() throws Exception {
        String a = ChatApi.uniqueName("ann");
        String b = ChatApi.uniqueName("ben");
        annAndBenMeetInANewRoom(a, b, "Drop room");
        say(ann, "before the drop");
        shown(ben, a, "before the drop");

        ((JavascriptExecutor) ben).executeScript("window.chatTest.dropConnection()");
        waiting(ben).until(x -> !x.findElement(By.id("connection")).getText().equals("online"));
        say(ann, "while you were away");
        shown(ann, a, "while you were away");
        say(ben, "typed while offline"); // pending now, sent with its clientMsgId once back

        waiting(ben).until(x -> x.findElement(By.id("connection")).getText().equals("online"));
        assertEquals(1, shown(ben, a, "while you were away"), "the gap is filled, once");
        assertEquals(1, shown(ann, b, "typed while offline"), "the pending message went out after the reconnect, once");
        assertEquals(1, shown(ben, b, "typed while offline"));
        assertEquals(1, shown(ben, a, "before the drop"));
    }

    @Test
    void aReloadKeepsYouSignedInWithATokenNotThePasswordAndSigningOutEndsTheSession() throws Exception {
        String a = ChatApi.uniqueName("ann");
        signUp(ann, a);
        String stored = (String) script(ann, "return JSON.stringify(localStorage) + JSON.stringify(sessionStorage)");
        assertFalse(stored.contains(ChatApi.PASSWORD), "the password is not kept in the browser: " + stored);
        String token = (String) script(ann, "return JSON.parse(localStorage.getItem('chat.session')).token");
        assertNotNull(token, "the session's token is: " + stored);
        var api = new ChatApi(page());
        assertEquals(200, api.withToken(token, "GET", "api/rooms", null).status());

        ann.navigate().refresh();
        waiting(ann).until(x -> x.findElement(By.id("connection")).getText().equals("online"));
        assertEquals(a, ann.findElement(By.id("me")).getText(), "a reload keeps you signed in");
        assertTrue(ann.findElement(By.id("chat-view")).isDisplayed());

        ann.findElement(By.id("sign-out")).click();
        waiting(ann).until(x -> x.findElement(By.id("sign-in-view")).isDisplayed());
        assertEquals(null, script(ann, "return localStorage.getItem('chat.session')"));
        waiting(ann).until(x -> {
            try {
                return api.withToken(token, "GET", "api/rooms", null).status() == 401;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        ann.navigate().refresh();
        assertTrue(ann.findElement(By.id("sign-in-view")).isDisplayed(), "and stays signed out after a reload");

        // a session that ended elsewhere (expired, say): back to the sign-in screen, told why
        String ended = api.newSession(a, ChatApi.PASSWORD);
        script(ann, "localStorage.setItem('chat.session', JSON.stringify({user: arguments[0], token: arguments[1]}))", a, ended);
        ann.navigate().refresh();
        waiting(ann).until(x -> x.findElement(By.id("connection")).getText().equals("online"));
        assertEquals(204, api.withToken(ended, "DELETE", "api/sessions/current", null).status());
        // the server closes the page's STOMP connection; reconnecting is refused, and the page asks the API why
        waiting(ann).until(x -> x.findElement(By.id("sign-in-view")).isDisplayed()
                && x.findElement(By.id("auth-error")).getText().equals("Your session has ended. Please sign in again."));
        assertEquals(null, script(ann, "return localStorage.getItem('chat.session')"));
    }

    private static Object script(WebDriver d, String js, Object... args) {
        return ((JavascriptExecutor) d).executeScript(js, args);
    }

    private static void screenshot(WebDriver d, String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path shot = ((TakesScreenshot) d).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
