/*
 * The console in the browser: live updates over the Faces WebSocket (a pushed hint makes the page
 * read its state again through an Ajax request), the connection indicator, the status timers,
 * the inbound alert's sound and title flash, dialogs usable with the keyboard, and the CTI panel
 * that the call icon shows and hides.
 */
var Desk = (function () {
    "use strict";

    var refreshTimer = null;
    var supervisionTimer = null;
    var pollTimer = null;
    var live = false;
    var wasDown = false;
    var alertCallRung = null;
    var titleTimer = null;
    var baseTitle = null;
    var audio = null;
    var POLL_MS = 5000;
    var serverUnreachable = false;
    var SOCKET = "consolePush"; // the id of the page's f:websocket
    var REOPEN_MS = 10000;
    var reopenTimer = null;

    function byId(id) {
        return document.getElementById(id);
    }

    /** A text of the page in the browser's language: the data-* attribute of #deskTexts by that name. */
    function pageText(name) {
        var texts = byId("deskTexts");
        return texts && texts.dataset[name] || "";
    }

    /** Read the state again soon; several pushes in a burst make one request. */
    function refresh() {
        if (refreshTimer) {
            return;
        }
        refreshTimer = setTimeout(function () {
            refreshTimer = null;
            if (typeof window.deskRefresh === "function") {
                window.deskRefresh();
            }
        }, 40);
    }

    function setLive(state, text) {
        // state: "up" (pushes arrive), "down" (they do not: the banner says so), anything else: connecting
        var indicator = byId("live");
        var label = byId("liveText");
        var banner = byId("connectionBanner");
        if (indicator) {
            indicator.className = "live " + state;
        }
        if (label) {
            label.textContent = pageText(state === "up" ? "up" : state === "down" ? "down" : "connecting");
        }
        document.body.classList.toggle("offline", state === "down");
        if (banner) {
            if (state === "down") {
                byId("connectionText").textContent = text;
                banner.hidden = false;
            } else {
                banner.hidden = true;
            }
        }
    }

    /** While the push connection is down, read the state every few seconds instead. */
    function startPolling() {
        if (!pollTimer) {
            pollTimer = setInterval(refresh, POLL_MS);
        }
    }

    function stopPolling() {
        if (pollTimer) {
            clearInterval(pollTimer);
            pollTimer = null;
        }
    }

    function connected() {
        live = true;
        stopPolling();
        if (reopenTimer) {
            clearInterval(reopenTimer);
            reopenTimer = null;
        }
        setLive("up");
        if (wasDown) {
            wasDown = false;
            refresh();
        }
    }

    // ---- f:websocket callbacks

    function onOpen() {
        connected();
    }

    function onPush(message) {
        if (message && message.type === "connected") {
            connected();
            return;
        }
        if (!live) {
            connected();
        }
        refresh();
    }

    function onError() {
        live = false;
        wasDown = true;
        setLive("down", pageText("reconnecting"));
        startPolling();
    }

    /**
     * The Faces client gave up reconnecting, or the socket was closed. The page keeps checking
     * for changes and tries to reconnect every few seconds; a socket the server no longer knows
     * (it restarted, the page is out of date) means reloading the page.
     */
    function onClose(code) {
        live = false;
        if (code === 1001 || code === 1000 && document.visibilityState === "hidden") {
            return; // leaving the page
        }
        wasDown = true;
        if (code === 1008) {
            setLive("down", pageText("outOfDate"));
            setTimeout(function () {
                location.reload();
            }, 3000);
            return;
        }
        setLive("down", pageText(code === -1 ? "unsupported" : "stopped"));
        startPolling();
        if (code !== -1 && !reopenTimer) {
            reopenTimer = setInterval(function () {
                try {
                    faces.push.open(SOCKET);
                } catch (e) {
                    // no socket on this page
                }
            }, REOPEN_MS);
        }
    }

    function onSupervision() {
        if (supervisionTimer) {
            return;
        }
        supervisionTimer = setTimeout(function () {
            supervisionTimer = null;
            if (typeof window.refreshAgents === "function") {
                window.refreshAgents();
            }
        }, 100);
    }

    // ---- timers, local times, the alert

    function pad(n) {
        return n < 10 ? "0" + n : "" + n;
    }

    function clock(seconds) {
        var h = Math.floor(seconds / 3600), m = Math.floor(seconds % 3600 / 60), s = seconds % 60;
        return h > 0 ? h + ":" + pad(m) + ":" + pad(s) : m + ":" + pad(s);
    }

    function tick() {
        var now = Date.now();
        var timers = document.querySelectorAll("[data-elapsed]");
        for (var i = 0; i < timers.length; i++) {
            var t = timers[i];
            if (!t.dataset.start) {
                t.dataset.start = now - parseInt(t.dataset.elapsed || "0", 10) * 1000;
            }
            t.textContent = clock(Math.max(0, Math.floor((now - t.dataset.start) / 1000)));
        }
        var countdowns = document.querySelectorAll("[data-countdown]");
        for (var j = 0; j < countdowns.length; j++) {
            var c = countdowns[j];
            if (!c.dataset.end) {
                c.dataset.end = now + parseInt(c.dataset.countdown || "0", 10) * 1000;
            }
            c.textContent = Math.max(0, Math.ceil((c.dataset.end - now) / 1000));
        }
        localTimes();
        watchAlert();
    }

    function localTimes() {
        var times = document.querySelectorAll("time[data-local]:not([data-done])");
        for (var i = 0; i < times.length; i++) {
            var el = times[i];
            var d = new Date(el.getAttribute("datetime"));
            if (!isNaN(d.getTime())) {
                var today = new Date().toDateString() === d.toDateString();
                var time = pad(d.getHours()) + ":" + pad(d.getMinutes());
                el.textContent = el.dataset.local === "short" && today ? time
                    : d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()) + " " + time;
                el.title = d.toString();
            }
            el.setAttribute("data-done", "");
        }
    }

    /** A new inbound alert on screen: ring, flash the title, put the focus on Confirm. */
    function watchAlert() {
        var dialog = byId("alertDialog");
        if (dialog) {
            var call = dialog.getAttribute("data-call");
            if (call !== alertCallRung) {
                alertCallRung = call;
                ring();
                flashTitle("☎ " + pageText("incoming"));
                focusFirst(dialog);
            }
        } else if (alertCallRung !== null) {
            alertCallRung = null;
            stopTitle();
        }
    }

    function ring() {
        try {
            var Ctx = window.AudioContext || window.webkitAudioContext;
            if (!Ctx) {
                return;
            }
            audio = audio || new Ctx();
            [0, 0.35].forEach(function (offset) {
                var osc = audio.createOscillator();
                var gain = audio.createGain();
                osc.frequency.value = 880;
                gain.gain.setValueAtTime(0.0001, audio.currentTime + offset);
                gain.gain.exponentialRampToValueAtTime(0.2, audio.currentTime + offset + 0.02);
                gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + offset + 0.3);
                osc.connect(gain).connect(audio.destination);
                osc.start(audio.currentTime + offset);
                osc.stop(audio.currentTime + offset + 0.32);
            });
        } catch (e) {
            // no sound: the dialog and the title still tell
        }
    }

    function flashTitle(text) {
        stopTitle();
        baseTitle = document.title;
        var on = false;
        titleTimer = setInterval(function () {
            on = !on;
            document.title = on ? text : baseTitle;
        }, 800);
    }

    function stopTitle() {
        if (titleTimer) {
            clearInterval(titleTimer);
            titleTimer = null;
            document.title = baseTitle || document.title;
        }
    }

    // ---- dialogs and the keyboard

    function focusFirst(container) {
        var target = container.querySelector("[data-autofocus]") ||
            container.querySelector("input:not([type=hidden]), select, textarea, button");
        if (target && document.activeElement !== target) {
            target.focus();
        }
    }

    var openDialogs = {};

    /** Focus moves into a dialog when it appears; Tab stays inside it while it is open. */
    function watchDialogs() {
        var dialogs = document.querySelectorAll(".modal");
        var seen = {};
        for (var i = 0; i < dialogs.length; i++) {
            var d = dialogs[i];
            seen[d.id] = true;
            if (!openDialogs[d.id] || !document.body.contains(openDialogs[d.id])) {
                openDialogs[d.id] = d;
                focusFirst(d);
            }
        }
        Object.keys(openDialogs).forEach(function (id) {
            if (!seen[id]) {
                delete openDialogs[id];
            }
        });
    }

    function onKey(event) {
        var modal = document.querySelector(".modal");
        if (!modal) {
            return;
        }
        if (event.key === "Escape" && modal.dataset.escape) {
            var cancel = byId(modal.dataset.escape);
            if (cancel) {
                event.preventDefault();
                cancel.click();
            }
        } else if (event.key === "Tab") {
            var focusable = modal.querySelectorAll("input:not([type=hidden]):not([disabled]), select, textarea, button, [href]");
            if (!focusable.length) {
                return;
            }
            var first = focusable[0], last = focusable[focusable.length - 1];
            if (!modal.contains(document.activeElement)) {
                event.preventDefault();
                first.focus();
            } else if (event.shiftKey && document.activeElement === first) {
                event.preventDefault();
                last.focus();
            } else if (!event.shiftKey && document.activeElement === last) {
                event.preventDefault();
                first.focus();
            }
        }
    }

    // ---- the call icon

    function toggleCti() {
        var hidden = document.body.classList.toggle("cti-hidden");
        var icon = byId("callIcon");
        if (icon) {
            icon.setAttribute("aria-expanded", hidden ? "false" : "true");
        }
        try {
            localStorage.setItem("calldesk.ctiHidden", hidden ? "1" : "0");
        } catch (e) {
            // private mode: not remembered
        }
    }

    function restoreCti() {
        try {
            if (localStorage.getItem("calldesk.ctiHidden") === "1" && byId("callIcon")) {
                document.body.classList.add("cti-hidden");
                byId("callIcon").setAttribute("aria-expanded", "false");
            }
        } catch (e) {
            // not remembered
        }
    }

    // ---- Ajax errors: say so, and recover from an expired page

    function onAjaxError(data) {
        if (data.errorName && /ViewExpired/.test(data.errorName)) {
            location.reload();
            return;
        }
        if (data.status === "httpError" || data.status === "emptyResponse" || data.status === "serverError") {
            serverUnreachable = true;
            wasDown = true;
            setLive("down", pageText(data.status === "serverError" ? "serverError" : "noAnswer"));
            startPolling();
        }
    }

    /**
     * The server decides what an action re-renders (a push may change the CTI panel, the dialogs
     * and the ticket screen, each its own form), so Faces' client does not know every form it
     * replaced; give every form of the page the view state of the last response.
     */
    function shareViewState(data) {
        var xml = data.responseXML;
        if (!xml) {
            return;
        }
        var value = null;
        var updates = xml.getElementsByTagName("update");
        for (var i = 0; i < updates.length; i++) {
            if ((updates[i].getAttribute("id") || "").indexOf("jakarta.faces.ViewState") >= 0) {
                value = updates[i].textContent;
            }
        }
        if (value === null) {
            return;
        }
        for (var f = 0; f < document.forms.length; f++) {
            var form = document.forms[f];
            if ((form.method || "").toLowerCase() !== "post") {
                continue;
            }
            var field = null;
            for (var e = 0; e < form.elements.length; e++) {
                if (form.elements[e].name === "jakarta.faces.ViewState") {
                    field = form.elements[e];
                }
            }
            if (!field) {
                field = document.createElement("input");
                field.type = "hidden";
                field.name = "jakarta.faces.ViewState";
                field.autocomplete = "off";
                form.appendChild(field);
            }
            field.value = value;
        }
    }

    function onAjaxEvent(data) {
        if (data.status === "success") {
            shareViewState(data);
            tick();
            watchDialogs();
            if (serverUnreachable) {
                serverUnreachable = false;
                if (live) {
                    stopPolling();
                    setLive("up");
                } else {
                    setLive("down", pageText("reconnecting"));
                }
            }
        }
    }

    document.addEventListener("DOMContentLoaded", function () {
        restoreCti();
        if (window.faces && faces.ajax) {
            faces.ajax.addOnError(onAjaxError);
            faces.ajax.addOnEvent(onAjaxEvent);
        }
        document.addEventListener("keydown", onKey);
        tick();
        watchDialogs();
        setInterval(tick, 250);
    });

    return {
        onOpen: onOpen,
        onPush: onPush,
        onError: onError,
        onClose: onClose,
        onSupervision: onSupervision,
        refresh: refresh,
        toggleCti: toggleCti
    };
})();
