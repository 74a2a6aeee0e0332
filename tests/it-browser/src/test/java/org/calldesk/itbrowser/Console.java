package org.calldesk.itbrowser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The agent console as an agent uses it, on top of {@link Browser}: what they click and what
 * they wait to see. Each step that changes what the agent sees leaves a screenshot.
 */
public final class Console {

    public static final By STATUS = By.id("ctiStatus");
    public static final By ALERT = By.id("alertDialog");
    public static final By FINISH = By.id("finishDialog");
    public static final By DIAL = By.id("dialDialog");
    public static final By TICKET = By.id("ticketScreen");
    public static final By INCOMING = By.id("incomingScreen");

    private final Browser browser;

    public Console(Browser browser) {
        this.browser = browser;
    }

    public Browser browser() {
        return browser;
    }

    public void signIn(String login, String password) {
        browser.go("index.xhtml");
        browser.visible(By.id("signin:username"));
        browser.screenshot("sign-in-page");
        browser.type(By.id("signin:username"), login);
        browser.type(By.id("signin:password"), password);
        browser.clickId("signin:submit");
        browser.shows(By.id("listTitle"), "Online Contact");
        live();
        browser.screenshot("signed-in");
    }

    /** The push connection is open (the indicator in the top bar says Live). */
    public void live() {
        browser.shows(By.id("liveText"), "Live");
    }

    public void ctiLogin() {
        browser.clickId("cti:login");
        status("Rest");
        browser.screenshot("cti-login-rest");
    }

    public void ready() {
        browser.clickId("cti:ready");
        status("Ready");
        browser.screenshot("ready");
    }

    public void logout() {
        browser.clickId("cti:logout");
        status("Logged out");
    }

    /** Waits until the CTI panel shows this status. */
    public WebElement status(String text) {
        return browser.shows(STATUS, text);
    }

    public WebElement alert() {
        return browser.visible(ALERT);
    }

    public void confirmAlert() {
        browser.clickId("dialogs:confirmAlert");
        browser.gone(ALERT);
    }

    public void hold() {
        browser.clickId("cti:hold");
        status("Holding");
    }

    public void retrieve() {
        browser.clickId("cti:retrieve");
        status("Talking");
    }

    public void hangUp() {
        browser.clickId("cti:hangUp");
        browser.visible(FINISH);
    }

    /** The ticket processing screen shows a ticket of this customer. */
    public WebElement ticketOf(String customerNumber) {
        return browser.shows(By.id("ticketCustomer"), customerNumber);
    }

    public void openDialUp() {
        browser.clickId("cti:dialUp");
        browser.visible(DIAL);
    }
}
