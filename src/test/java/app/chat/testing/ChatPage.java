package app.chat.testing;

import java.net.URI;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What the browser tests do with the web client's page: sign up, open a room, say something, see it. */
public final class ChatPage {

    private ChatPage() {
    }

    public static WebDriverWait waiting(WebDriver d) {
        return waiting(d, Duration.ofSeconds(30));
    }

    public static WebDriverWait waiting(WebDriver d, Duration atMost) {
        var wait = new WebDriverWait(d, atMost);
        wait.pollingEvery(Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class); // lists are redrawn, e.g. the rooms after a (re)connect
        return wait;
    }

    /** Opens the page at {@code root}, signs up as {@code user} and waits until the page is online. */
    public static void signUp(WebDriver d, URI root, String user) {
        d.get(root.toString());
        d.findElement(By.id("username")).sendKeys(user);
        d.findElement(By.id("password")).sendKeys(ChatApi.PASSWORD);
        d.findElement(By.id("sign-up")).click();
        waiting(d).until(x -> x.findElement(By.id("connection")).getText().equals("online"));
    }

    public static void say(WebDriver d, String text) {
        WebElement box = d.findElement(By.id("text"));
        box.sendKeys(text);
        box.sendKeys(Keys.ENTER);
    }

    /** Waits until the text is shown as a confirmed message (sender, time, text), then returns how often. */
    public static long shown(WebDriver d, String sender, String text) {
        waiting(d).until(x -> confirmed(x, sender, text) > 0);
        return confirmed(d, sender, text);
    }

    public static long confirmed(WebDriver d, String sender, String text) {
        // one script instead of a WebDriver round trip per element: a room of 50 messages is polled often
        return ((Number) ((JavascriptExecutor) d).executeScript(
                "return [...document.querySelectorAll('#message-list li.message:not(.pending):not(.failed)')]"
                        + ".filter(li => li.querySelector('.sender').textContent === arguments[0]"
                        + " && li.querySelector('.text').textContent === arguments[1]"
                        + " && li.querySelector('time').textContent !== '').length", sender, text)).longValue();
    }

    public static void openRoom(WebDriver d, String name) {
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

    /** The creator makes a room (public) and opens it; the joiner reloads, finds it in the list and joins. */
    public static void meetInANewRoom(WebDriver creator, WebDriver joiner, String room) {
        creator.findElement(By.id("new-room")).sendKeys(room, Keys.ENTER);
        waiting(creator).until(x -> x.findElement(By.id("room-title")).getText().equals(room));
        joiner.navigate().refresh();
        waiting(joiner).until(x -> x.findElement(By.id("connection")).getText().equals("online"));
        openRoom(joiner, room);
        joiner.findElement(By.id("join")).click();
        waiting(joiner).until(x -> x.findElement(By.id("composer")).isDisplayed());
    }
}
