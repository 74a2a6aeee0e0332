package org.calldesk.itbrowser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.concurrent.ThreadLocalRandom;
import org.calldesk.pbxsim.PbxAgreement;
import org.calldesk.testsupport.ApiClient;
import org.calldesk.testsupport.Surroundings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The product manual's call consultation, done by agents in real browsers: sign in, CTI login,
 * Ready, an inbound alert, Confirm, Hold / Retrieve, Hang up, the finish-call prompt, the call's
 * ticket; Dial up and a transfer (try, cancel, try, connect) to a second agent in a second
 * browser; Cancel on an alert with the keyboard, the call offered again on Ready and
 * disconnected; a CTI login refused with its reason; the admin pages. Each scenario uses its own demo agents and leaves them
 * logged out, so the scenarios do not depend on each other or on their order.
 *
 * <p>Demo set-up (DemoData): Customer Support (15880001) is served by agent1 and agent2, Sales
 * (15880002) by agent1 and agent3; admin serves both but never logs in to CTI here.
 */
abstract class ConsoleScenarios {

    static final String SUPPORT = "15880001";
    static final String SALES = "15880002";

    abstract URL base();

    abstract SimulatorClient simulator();

    @AfterEach
    void everyoneLogsOut() {
        Surroundings.assertPbxAndApplicationAgree(PbxAgreement.channelsOver(simulator().controlApi()), base());
        simulator().hangUpEveryCall();
        ApiClient admin = new ApiClient(base(), "admin", "admin");
        for (String agent : new String[] {"agent1", "agent2", "agent3", "admin"}) {
            admin.logOut(agent);
        }
    }

    @Test
    void inboundCallIsConfirmedHeldRetrievedHungUpAndItsTicketResolved() {
        try (Browser browser = Browser.open(base(), "inbound-call", "agent3")) {
            Console console = new Console(browser);
            console.signIn("agent3", "agent3");
            console.ctiLogin();
            console.ready();

            String caller = customerNumber();
            long rang = System.nanoTime();
            simulator().call(caller, SALES);
            console.alert();
            System.out.printf("inbound alert on screen %d ms after the customer called%n",
                    (System.nanoTime() - rang) / 1_000_000);
            browser.shows(Console.ALERT, "Incoming call");
            browser.shows(Console.ALERT, "Sales");
            browser.shows(Console.ALERT, caller);
            // the screen has switched to the called service's ticket screen already
            browser.shows(By.id("incomingService"), "Sales");
            console.status("Alerting");
            browser.screenshot("inbound-alert");

            console.confirmAlert();
            console.status("Talking");
            console.ticketOf(caller);
            browser.shows(By.id("callNumber"), caller);
            browser.screenshot("confirmed-talking-ticket-open");

            console.hold();
            browser.shows(By.id("callCard"), "music");
            browser.screenshot("holding");
            console.retrieve();
            browser.screenshot("retrieved-talking");

            console.hangUp();
            // push may re-render the prompt while it is read: wait on each text, tolerating that
            browser.shows(Console.FINISH, "Agent hung up");
            browser.shows(Console.FINISH, "Ready");
            browser.screenshot("finish-call-prompt");

            browser.clickId("dialogs:finishTicket");
            browser.gone(Console.FINISH);
            console.status("Business: Ticket");
            console.ticketOf(caller);
            browser.screenshot("cancel-to-ticket-with-ticket-open");

            browser.type(By.id("work:comment"), "Wants the invoice again; sent by mail.");
            browser.clickId("work:addComment");
            browser.shows(By.id("ticketHistory"), "Wants the invoice again");
            browser.clickId("work:resolve");
            browser.shows(By.id("ticketStatus"), "Resolved");
            browser.shows(By.id("ticketHistory"), "Resolved");
            browser.screenshot("ticket-resolved");
        }
    }

    /** A caller the demo CRM knows (01099998888 is Lee Junho of Seoul Logistics there). */
    @Test
    void aCallerTheCrmKnowsIsNamedInTheAlertOnTheCallAndOnTheTicket() {
        String knownCaller = "01099998888";
        try (Browser browser = Browser.open(base(), "screen-pop", "agent3")) {
            Console console = new Console(browser);
            console.signIn("agent3", "agent3");
            console.ctiLogin();
            console.ready();

            simulator().call(knownCaller, SALES);
            console.alert();
            // the CRM answers after the alert is up; its answer is pushed into the open alert
            browser.shows(By.id("alertCustomer"), "Lee Junho · Seoul Logistics");
            browser.shows(By.id("incomingCustomer"), "Lee Junho");
            browser.screenshot("alert-names-the-customer");

            console.confirmAlert();
            console.status("Talking");
            browser.shows(By.id("callCustomer"), "Lee Junho");
            console.ticketOf(knownCaller);
            browser.shows(By.id("ticketCustomerName"), "Lee Junho · Seoul Logistics");
            browser.screenshot("ticket-names-the-customer");
        }
    }

    @Test
    void dialUpIsAnsweredAndTransferredToASecondAgentInAnotherBrowser() {
        try (Browser first = Browser.open(base(), "dial-up-and-transfer", "agent1");
             Browser second = Browser.open(base(), "dial-up-and-transfer", "agent2")) {
            Console alice = new Console(first);
            Console bob = new Console(second);
            alice.signIn("agent1", "agent1");
            alice.ctiLogin();
            bob.signIn("agent2", "agent2");
            bob.ctiLogin();
            bob.ready();

            alice.openDialUp();
            new Select(first.visible(By.id("dial:service"))).selectByVisibleText("Customer Support");
            first.type(By.id("dial:customerNumber"), "010-12ab");
            first.clickId("dial:confirmDial");
            first.shows(By.cssSelector("#dialDialog .field-error"), "3 to 20 digits");
            assertThat(first.visible(By.id("dial:customerNumber")).getAttribute("value")).isEqualTo("010-12ab");
            first.screenshot("dial-up-malformed-number");

            String customer = customerNumber();
            simulator().customerAnswersAfter(customer, 2500);
            first.type(By.id("dial:customerNumber"), customer);
            new Select(first.visible(By.id("dial:sendingNumber"))).selectByVisibleText("0215880001");
            first.screenshot("dial-up-dialog");
            first.clickId("dial:confirmDial");
            first.gone(Console.DIAL);
            alice.status("Dialing");
            first.screenshot("dialing");
            alice.status("Talking");
            alice.ticketOf(customer);
            first.screenshot("answered-talking-ticket-open");

            first.clickId("cti:transfer");
            first.type(By.id("cti:transferQuery"), "1002");
            By tryBob = By.cssSelector("input[data-agent='1002']");
            first.enabled(tryBob);
            first.screenshot("transfer-search");
            first.click(tryBob);
            first.shows(By.id("consultNote"), "Bob Agent");
            bob.status("Talking");
            second.shows(By.id("consultCard"), "Alice Agent");
            first.screenshot("transfer-try");
            second.screenshot("transfer-try-target");

            // Cancel transfer: back to the customer, Bob back to Ready; then try again
            first.clickId("cti:transferCancel");
            first.gone(By.id("consultNote"));
            bob.status("Ready");
            first.screenshot("transfer-cancelled");
            first.clickId("cti:transfer");
            first.type(By.id("cti:transferQuery"), "Bob");
            first.click(tryBob);
            bob.status("Talking");
            first.visible(By.id("cti:transferConnect"));

            first.clickId("cti:transferConnect");
            first.shows(Console.FINISH, "Transferred to Bob Agent");
            first.screenshot("transferred-finish-prompt");
            second.shows(By.id("callNumber"), customer);
            bob.ticketOf(customer);
            second.screenshot("transfer-received-ticket-open");

            first.clickId("dialogs:finishReady");
            alice.status("Ready");
            first.screenshot("ready-again");

            bob.hangUp();
            second.clickId("dialogs:finishReady");
            bob.status("Ready");
            second.screenshot("ready-after-transferred-call");
        }
    }

    @Test
    void cancelOnTheAlertReturnsTheCallToRoutingAndReadyBringsItBackToBeDisconnected() {
        try (Browser browser = Browser.open(base(), "alert-cancel", "agent3")) {
            Console console = new Console(browser);
            console.signIn("agent3", "agent3");
            console.ctiLogin();
            console.ready();

            simulator().call(customerNumber(), SALES);
            console.alert();
            browser.screenshot("inbound-alert");
            // with the keyboard: the alert takes the focus on Confirm; Tab to Cancel, Enter
            browser.waitFor(d -> "dialogs:confirmAlert".equals(d.switchTo().activeElement().getAttribute("id")),
                    "the focus on Confirm");
            browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
            browser.waitFor(d -> "dialogs:cancelAlert".equals(d.switchTo().activeElement().getAttribute("id")),
                    "the focus on Cancel");
            browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
            browser.gone(Console.ALERT);
            console.status("Rest");
            browser.screenshot("cancelled-rest");

            // Ready again: the call still waits and is offered again at once; this caller is abusive
            browser.clickId("cti:ready");
            console.alert();
            console.confirmAlert();
            console.status("Talking");
            browser.clickId("cti:disconnect");
            browser.shows(By.id("disconnectQuestion"), "warning announcement");
            browser.screenshot("disconnect-asked");
            browser.clickId("cti:disconnectNow");
            browser.shows(Console.FINISH, "Disconnected with the warning announcement");
            browser.screenshot("disconnected-finish-prompt");
            browser.clickId("dialogs:finishReady");
            console.status("Ready");
        }
    }

    @Test
    void aRefusedCtiLoginSaysWhyBesideTheLoginButton() {
        try (Browser browser = Browser.open(base(), "cti-login-refused", "agent3")) {
            Console console = new Console(browser);
            browser.go("index.xhtml");
            browser.type(By.id("signin:username"), "agent3");
            browser.type(By.id("signin:password"), "wrong");
            browser.clickId("signin:submit");
            browser.shows(By.cssSelector(".signin-card .field-error"), "Wrong login or password");
            assertThat(browser.visible(By.id("signin:username")).getAttribute("value")).isEqualTo("agent3");
            browser.screenshot("wrong-password");

            console.signIn("agent3", "agent3");
            simulator().phoneRegistered("PJSIP/1003", false);
            try {
                browser.clickId("cti:login");
                browser.shows(By.id("cti:loginMessage"), "CTI login refused");
                browser.shows(By.id("cti:loginMessage"), "PJSIP/1003");
                console.status("Logged out");
                browser.screenshot("cti-login-refused");
            } finally {
                simulator().phoneRegistered("PJSIP/1003", true);
            }
            console.ctiLogin();
        }
    }

    @Test
    void aLostPushConnectionIsShownTheScreenKeptCurrentAndTheConnectionRecovered() {
        try (Browser browser = Browser.open(base(), "lost-connection", "agent3")) {
            Console console = new Console(browser);
            console.signIn("agent3", "agent3");

            browser.executeScript("faces.push.close('consolePush')");
            browser.shows(By.id("connectionBanner"), "Live updates stopped");
            browser.shows(By.id("liveText"), "Offline");
            browser.screenshot("connection-lost");

            // meanwhile the page checks by itself: a change made elsewhere still shows
            new ApiClient(base(), "admin", "admin").post("agents/agent3/cti-login").expect(200);
            console.status("Rest");
            browser.screenshot("offline-but-current");

            browser.executeScript("faces.push.open('consolePush')");
            browser.gone(By.id("connectionBanner"));
            console.live();
            browser.screenshot("connection-recovered");
            console.ready();
        }
    }

    @Test
    void anAdminRegistersAnAgentAndManagesSendingNumbers() {
        try (Browser browser = Browser.open(base(), "admin-pages", "admin")) {
            Console console = new Console(browser);
            console.signIn("admin", "admin");

            browser.click(By.linkText("CTI Agent Management"));
            browser.shows(By.id("agentList:table"), "Bob Agent");
            browser.clickId("agentList:newAgent");
            browser.type(By.id("agentForm:loginId"), "agent4");
            browser.type(By.id("agentForm:name"), "Eve Agent");
            browser.type(By.id("agentForm:agentNumber"), "1002");
            browser.type(By.id("agentForm:device"), "PJSIP/1004");
            browser.click(By.cssSelector("#agentForm\\:services input[value='support']"));
            browser.clickId("agentForm:save");
            browser.shows(By.cssSelector("#agentForm .field-error"), "1002 belongs to agent2");
            assertThat(browser.visible(By.id("agentForm:name")).getAttribute("value")).isEqualTo("Eve Agent");
            browser.screenshot("agent-number-taken");
            browser.type(By.id("agentForm:agentNumber"), "1004");
            browser.clickId("agentForm:save");
            browser.shows(By.id("agentForm:formMessage"), "Registered agent4");
            browser.shows(By.id("agentList:table"), "Eve Agent");
            browser.screenshot("agent-registered");
            // statuses are live: the admin's own CTI login shows in the table without reloading
            browser.clickId("cti:login");
            console.status("Rest");
            browser.shows(By.cssSelector("#agentList\\:table tbody tr:first-child"), "Rest");
            browser.screenshot("agent-status-live");

            browser.click(By.linkText("Service Management"));
            browser.shows(By.id("serviceList:table"), "Customer Support");
            browser.screenshot("services");
            // the admin is an agent too: Ready, then ring Customer Support with the simulator button;
            // the alert takes the admin from this page to the service's ticket screen
            browser.clickId("cti:ready");
            console.status("Ready");
            browser.click(By.cssSelector("#ringForm input[data-number='" + SUPPORT + "']"));
            console.alert();
            browser.shows(By.id("incomingService"), "Customer Support");
            browser.shows(By.id("listTitle"), "Online Contact");
            browser.screenshot("rung-from-services-alert-on-console");
            browser.clickId("dialogs:cancelAlert");
            console.status("Rest");

            browser.click(By.linkText("Send No Management"));
            browser.type(By.id("sendNoForm:newNumber"), "02-1588");
            browser.clickId("sendNoForm:add");
            browser.shows(By.cssSelector("#sendNoForm .field-error"), "3 to 20 digits");
            browser.type(By.id("sendNoForm:newNumber"), "0215880009");
            browser.clickId("sendNoForm:add");
            browser.shows(By.id("sendingNumbers"), "0215880009");
            browser.screenshot("sending-number-added");
            browser.click(By.cssSelector("input[aria-label='Remove 0215880009']"));
            browser.shows(By.id("sendNoForm:listMessage"), "Removed 0215880009");
            assertThat(browser.visible(By.id("sendingNumbers")).getText()).doesNotContain("0215880009");
        }
    }

    private static String customerNumber() {
        return "010" + (10_000_000 + ThreadLocalRandom.current().nextInt(90_000_000));
    }
}
