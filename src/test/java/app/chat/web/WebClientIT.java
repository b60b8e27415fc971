package app.chat.web;

import static app.chat.testing.ChatPage.confirmed;
import static app.chat.testing.ChatPage.openRoom;
import static app.chat.testing.ChatPage.say;
import static app.chat.testing.ChatPage.shown;
import static app.chat.testing.ChatPage.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.chat.stompcodec.StompFrame;
import app.chat.testing.ChatApi;
import app.chat.testing.ChatPage;
import app.chat.testing.ChatServer;
import app.chat.testing.Chromium;
import app.chat.testing.SharedChatServer;
import app.chat.testing.StompClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The web client in a real headless Chromium (Debian's, driven by Selenium through Debian's
 * chromedriver: nothing downloads a browser), against the built WAR: two people sign up, meet in a
 * room and talk; markup shows as text; a reload keeps the history; a dropped WebSocket comes back
 * and shows what was said meanwhile, once; a session survives a reload (the browser keeps its
 * token, never the password) and ends with Sign out; Up arrow edits one's last message and Delete
 * (confirmed) deletes it, live and after a reload at the other end; the owner invites, changes
 * roles, removes and bans from the room menu, and a removed member's page leaves the room; the
 * filter box and the activity order of the lists; two screens at phone width; room events as lines.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the room events' test last: it needs the server's members branch
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
        return Chromium.start();
    }

    private URI page() {
        return ChatServer.root(deploymentUrl);
    }

    private void signUp(WebDriver d, String user) {
        ChatPage.signUp(d, page(), user);
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

    /** Ann and Ben sign up; Ann creates a room, Ben finds it in the list and joins. Returns its name. */
    private String annAndBenMeetInANewRoom(String a, String b, String kind) {
        String room = kind + " " + a.substring(4);
        signUp(ann, a);
        signUp(ben, b);
        ChatPage.meetInANewRoom(ann, ben, room);
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
        assertFalse(ben.findElement(By.id("room-menu")).isDisplayed(), "nobody is invited into a DM, or removed from it");
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
    void theOwnerDeletesSomeoneElsesMessageFromThePageAndAPlainMemberCannot() throws Exception {
        String a = ChatApi.uniqueName("ann");
        String b = ChatApi.uniqueName("ben");
        annAndBenMeetInANewRoom(a, b, "Moderated room");
        say(ann, "welcome");
        say(ben, "buy cheap pills");
        shown(ben, a, "welcome");
        assertEquals(1, shown(ann, b, "buy cheap pills"));
        assertTrue(ben.findElements(By.cssSelector("#message-list li.message:not(.own) .actions .delete")).isEmpty(),
                "a plain member has no Delete on others' messages");
        ann.findElement(By.cssSelector("#message-list li.message:not(.own) .actions .delete")).click();
        ann.switchTo().alert().accept();
        waiting(ben).until(x -> confirmed(x, b, "message deleted") == 1);
        assertEquals(0, confirmed(ben, b, "buy cheap pills"), "gone for its author too");
        assertEquals(1, confirmed(ben, a, "welcome"), "the owner's own message stays");
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

    @Test
    void anOwnerInvitesIntoAPrivateRoomFromTheMenuAndTheInviteeJoins() throws Exception {
        String a = ChatApi.uniqueName("ann");
        String b = ChatApi.uniqueName("ben");
        String room = "Private " + a.substring(4);
        signUp(ann, a);
        signUp(ben, b);
        ann.findElement(By.id("new-room-private")).click();
        ann.findElement(By.id("new-room")).sendKeys(room, Keys.ENTER);
        waiting(ann).until(x -> x.findElement(By.id("room-title")).getText().equals(room));
        assertEquals("private · owner", ann.findElement(By.id("room-kind")).getText());

        ann.findElement(By.cssSelector("#room-menu summary")).click();
        ann.findElement(By.id("invitee")).sendKeys("nobody-" + a.substring(4), Keys.ENTER);
        waiting(ann).until(x -> x.findElement(By.id("room-error")).getText().equals("No user is called nobody-" + a.substring(4)));
        ann.findElement(By.id("invitee")).sendKeys(b, Keys.ENTER);
        waiting(ann).until(x -> x.findElement(By.id("room-error")).getText().equals(b + " is invited: they join from their room list"));

        ben.navigate().refresh();
        waiting(ben).until(x -> x.findElement(By.id("connection")).getText().equals("online"));
        waiting(ben).until(x -> roomsIn(x, "rooms-other").contains(room));
        assertEquals("invited", ben.findElement(By.cssSelector("#room-list button[title='" + room + "'] + .tag")).getText());
        openRoom(ben, room);
        ben.findElement(By.id("join")).click();
        waiting(ben).until(x -> x.findElement(By.id("composer")).isDisplayed());
        waiting(ben).until(x -> roomsIn(x, "rooms-mine").contains(room));
        assertFalse(ben.findElement(By.id("room-menu")).isDisplayed(), "a plain member has no room menu");
        say(ann, "welcome to the private room");
        assertEquals(1, shown(ben, a, "welcome to the private room"));
    }

    @Test
    void theOwnerChangesRolesRemovesAndBansFromTheMenuAndTheRemovedPageLeavesTheRoom() throws Exception {
        String a = ChatApi.uniqueName("ann");
        String b = ChatApi.uniqueName("ben");
        String room = annAndBenMeetInANewRoom(a, b, "Mod room");
        assertFalse(ben.findElement(By.id("room-menu")).isDisplayed());

        member(ann, b, "make-moderator");
        waiting(ann).until(x -> x.findElement(By.id("room-error")).getText().equals(b + " is a moderator now"));
        ben.navigate().refresh();
        waiting(ben).until(x -> x.findElement(By.id("connection")).getText().equals("online"));
        openRoom(ben, room);
        waiting(ben).until(x -> x.findElement(By.id("room-menu")).isDisplayed());
        assertEquals("public · moderator", ben.findElement(By.id("room-kind")).getText());
        ben.findElement(By.cssSelector("#room-menu summary")).click();
        assertTrue(ben.findElement(By.id("remove-member")).isDisplayed(), "a moderator removes and bans");
        assertFalse(ben.findElement(By.id("make-moderator")).isDisplayed(), "only the owner changes roles");
        member(ben, a, "remove-member");
        waiting(ben).until(x -> x.findElement(By.id("room-error")).getText().startsWith("Not allowed: "));

        member(ann, b, "make-member");
        waiting(ann).until(x -> x.findElement(By.id("room-error")).getText().equals(b + " is a plain member now"));
        member(ann, b, "remove-member");
        waiting(ann).until(x -> x.findElement(By.id("room-error")).getText().equals(b + " is removed from the room"));

        // the room's "removed" event (and the notice on his own topic) tell Ben's page at once: it
        // leaves the room without him having to try sending first
        waiting(ben).until(x -> x.findElement(By.id("join")).isDisplayed() && !x.findElement(By.id("composer")).isDisplayed());
        String why = ben.findElement(By.id("room-error")).getText();
        assertTrue(why.equals("You are no longer a member of " + room) || why.equals("You were removed from " + room), why);
        waiting(ben).until(x -> roomsIn(x, "rooms-other").contains(room));
        assertFalse(ben.findElement(By.id("room-menu")).isDisplayed());

        member(ann, b, "ban-member");
        waiting(ann).until(x -> x.findElement(By.id("room-error")).getText().equals(b + " is banned: they cannot join again until invited"));
        ben.findElement(By.id("join")).click();
        waiting(ben).until(x -> x.findElement(By.id("room-error")).getText()
                .equals("You are banned from this room until an owner or moderator invites you again"));
        assertFalse(ben.findElement(By.id("composer")).isDisplayed());

        ann.findElement(By.id("invitee")).sendKeys(b, Keys.ENTER);
        waiting(ann).until(x -> x.findElement(By.id("room-error")).getText().equals(b + " is invited: they join from their room list"));
        ben.findElement(By.id("join")).click();
        waiting(ben).until(x -> x.findElement(By.id("composer")).isDisplayed());
        say(ann, "an invite lifts the ban");
        assertEquals(1, shown(ben, a, "an invite lifts the ban"));
    }

    @Test
    void theFilterBoxNarrowsRoomsAndDirectMessagesByNameInAnyCase() throws Exception {
        var api = new ChatApi(page());
        String b = api.newUser("ben");
        String a = ChatApi.uniqueName("ann");
        String suffix = a.substring(4);
        signUp(ann, a);
        for (String room : List.of("Alpha " + suffix, "Beta " + suffix)) {
            ann.findElement(By.id("new-room")).sendKeys(room, Keys.ENTER);
            waiting(ann).until(x -> x.findElement(By.id("room-title")).getText().equals(room));
        }
        ann.findElement(By.id("new-dm")).sendKeys(b, Keys.ENTER);
        waiting(ann).until(x -> x.findElement(By.id("room-title")).getText().equals(b));

        WebElement filter = ann.findElement(By.id("room-filter"));
        filter.sendKeys("ALPHA " + suffix.toUpperCase());
        waiting(ann).until(x -> roomsIn(x, "rooms-mine").equals(List.of("Alpha " + suffix)));
        assertEquals(List.of(), roomsIn(ann, "rooms-dm"));
        assertEquals(List.of(), roomsIn(ann, "rooms-other"));
        assertEquals("No match", ann.findElement(By.cssSelector("[aria-labelledby=rooms-dm] li.none")).getText());

        filter.clear();
        filter.sendKeys(b.substring(2));
        waiting(ann).until(x -> roomsIn(x, "rooms-dm").equals(List.of(b)));
        assertEquals(List.of(), roomsIn(ann, "rooms-mine"));

        filter.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        waiting(ann).until(x -> roomsIn(x, "rooms-mine").containsAll(List.of("Alpha " + suffix, "Beta " + suffix)));
        assertTrue(roomsIn(ann, "rooms-dm").contains(b));
    }

    @Test
    void aMessageMovesItsRoomToTheTopOfTheList() throws Exception {
        var api = new ChatApi(page());
        String b = api.newUser("ben");
        String a = ChatApi.uniqueName("ann");
        String suffix = a.substring(4);
        String first = "Aaa " + suffix;
        String last = "Zzz " + suffix;
        signUp(ann, a);
        for (String room : List.of(first, last)) {
            ann.findElement(By.id("new-room")).sendKeys(room, Keys.ENTER);
            waiting(ann).until(x -> x.findElement(By.id("room-title")).getText().equals(room));
        }
        // the list is redrawn when the room notices arrive: read the id in one script, retried until it is there
        long lastId = waiting(ann).until(x -> {
            Object id = script(x, "const b = document.querySelector(\"#room-list button[title='\" + arguments[0] + \"']\");"
                    + " return b ? b.dataset.roomId : null", last);
            return id == null ? null : Long.valueOf(id.toString());
        });
        assertEquals(201, api.as(b, "POST", "api/rooms/" + lastId + "/members", null).status());

        openRoom(ann, first);
        say(ann, "the first room is busy");
        shown(ann, a, "the first room is busy");
        waiting(ann).until(x -> roomsIn(x, "rooms-mine").equals(List.of(first, last)));

        openRoom(ann, last);
        // the room is live once opening it is done, which ends by putting the cursor in the message box
        waiting(ann).until(x -> "text".equals(script(x, "return document.activeElement.id")));
        sayOverStomp(b, lastId, 0, 1);
        shown(ann, b, "history 01");
        waiting(ann).until(x -> roomsIn(x, "rooms-mine").equals(List.of(last, first)));
        assertEquals("true", ann.findElement(By.cssSelector("[aria-labelledby=rooms-mine] button")).getDomAttribute("aria-current"));
    }

    @Test
    void atPhoneWidthTheListAndTheRoomAreTwoScreens() throws Exception {
        String a = ChatApi.uniqueName("ann");
        String room = "Phone " + a.substring(4);
        signUp(ann, a);
        ann.manage().window().setSize(new Dimension(400, 800));
        waiting(ann).until(x -> number(x, "window.innerWidth") <= 400);
        assertTrue(ann.findElement(By.id("room-list")).isDisplayed(), "the list comes first");
        assertFalse(ann.findElement(By.id("room-title")).isDisplayed(), "the room is the other screen");

        ann.findElement(By.id("new-room")).sendKeys(room, Keys.ENTER);
        waiting(ann).until(x -> x.findElement(By.id("room-title")).isDisplayed());
        assertFalse(ann.findElement(By.id("room-list")).isDisplayed());
        ann.findElement(By.id("back")).click();
        waiting(ann).until(x -> x.findElement(By.id("room-list")).isDisplayed() && !x.findElement(By.id("room-title")).isDisplayed());

        openRoom(ann, room);
        waiting(ann).until(x -> x.findElement(By.id("composer")).isDisplayed() && !x.findElement(By.id("room-list")).isDisplayed());
        say(ann, "said on a phone");
        shown(ann, a, "said on a phone");
        assertTrue(number(ann, "document.documentElement.scrollWidth") <= number(ann, "window.innerWidth"),
                "nothing sticks out sideways");
        screenshot(ann, "phone-room.png");
        ann.findElement(By.id("back")).click();
        waiting(ann).until(x -> x.findElement(By.id("room-list")).isDisplayed() && !x.findElement(By.id("composer")).isDisplayed());

        ann.manage().window().setSize(new Dimension(1100, 760));
        waiting(ann).until(x -> x.findElement(By.id("room-list")).isDisplayed() && x.findElement(By.id("composer")).isDisplayed());
        assertFalse(ann.findElement(By.id("back")).isDisplayed(), "wider screens show both, side by side");
    }

    /** Needs the server's membership room events (branch {@code members}); last in this class. */
    @Test
    @Order(Integer.MAX_VALUE)
    void membershipEventsShowAsLinesInTheRoomLiveAndInHistory() throws Exception {
        var api = new ChatApi(page());
        String b = api.newUser("ben");
        String a = ChatApi.uniqueName("ann");
        String room = "Events " + a.substring(4);
        signUp(ann, a);
        ann.findElement(By.id("new-room")).sendKeys(room, Keys.ENTER);
        waiting(ann).until(x -> x.findElement(By.id("room-title")).getText().equals(room));
        long id = Long.parseLong(ann.findElement(By.cssSelector("#room-list button[title='" + room + "']")).getDomAttribute("data-room-id"));

        assertEquals(201, api.as(b, "POST", "api/rooms/" + id + "/members", null).status());
        waiting(ann).until(x -> systemLines(x).contains(b + " joined"));
        assertEquals(204, api.as(a, "PUT", "api/rooms/" + id + "/members/" + b, "{\"role\":\"moderator\"}").status());
        waiting(ann).until(x -> systemLines(x).contains(a + " made " + b + " a moderator"));
        say(ann, "after the events");
        shown(ann, a, "after the events");

        ann.navigate().refresh();
        waiting(ann).until(x -> x.findElement(By.id("connection")).getText().equals("online"));
        openRoom(ann, room);
        shown(ann, a, "after the events");
        assertEquals(List.of(b + " joined", a + " made " + b + " a moderator"),
                systemLines(ann).stream().filter(line -> line.contains(b)).toList(), "history has them, once, in order");
    }

    /** The names in one of the room lists (rooms-mine, rooms-dm, rooms-other), top to bottom. */
    @SuppressWarnings("unchecked")
    private static List<String> roomsIn(WebDriver d, String group) {
        return (List<String>) script(d, "return [...document.querySelectorAll('[aria-labelledby=' + arguments[0] + '] button')]"
                + ".map(b => b.textContent)", group);
    }

    @SuppressWarnings("unchecked")
    private static List<String> systemLines(WebDriver d) {
        return (List<String>) script(d, "return [...document.querySelectorAll('#message-list li.system')].map(li => li.textContent)");
    }

    /** Types a username into the open room's menu and presses one of its buttons. */
    private static void member(WebDriver d, String username, String button) {
        WebElement menu = d.findElement(By.id("room-menu"));
        if (menu.getDomAttribute("open") == null) {
            menu.findElement(By.tagName("summary")).click();
        }
        WebElement name = d.findElement(By.id("member-name"));
        name.clear();
        name.sendKeys(username);
        d.findElement(By.id(button)).click();
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
