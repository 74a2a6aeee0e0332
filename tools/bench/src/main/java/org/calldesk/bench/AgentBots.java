package org.calldesk.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The agents: each bot sees its offers on the events topic, confirms after the set delay, talks
 * for the set time, then hangs up (or transfers the call to a Ready colleague) and confirms the
 * finish-call prompt to be Ready again; now and then it dials a customer first. Every request
 * goes through the REST API; what the application answers is followed on the topic.
 */
final class AgentBots implements EventFeed.Listener, AutoCloseable {

    enum State { READY, OFFERED, CONFIRMING, TALKING, TRANSFERRING, HANGING_UP, WRAP_UP, DIALING }

    /** One agent. Its fields are guarded by the bot itself; no bot's lock is taken while holding another's. */
    final class Bot {
        final String id;
        final String agentNumber;
        final String device;
        State state = State.READY;
        String callId;
        /** A transfer try offered to this bot for that call, while it is Ready. */
        String consultCall;
        boolean lastWasOutbound;

        Bot(int index) {
            this.id = String.format("bot%04d", index);
            this.agentNumber = Integer.toString(100_000 + index);
            this.device = "PJSIP/" + agentNumber;
        }

        synchronized void offered(String call) {
            if (state != State.READY && state != State.WRAP_UP) {
                run.busyAgentOffers.incrementAndGet();
                return;
            }
            state = State.OFFERED;
            callId = call;
            later(options.confirmDelay(), () -> confirm(call));
        }

        private void confirm(String call) {
            synchronized (this) {
                if (state != State.OFFERED || !call.equals(callId)) {
                    return;
                }
                state = State.CONFIRMING;
            }
            LoadRun current = run;
            current.confirmSent(call, System.nanoTime());
            api.confirm(call).thenAccept(answer -> {
                if (!answer.ok()) {
                    current.refused("confirm", answer);
                    synchronized (this) {
                        if (state == State.CONFIRMING && call.equals(callId)) {
                            state = State.READY; // taken back meanwhile (the customer hung up)
                            callId = null;
                        }
                    }
                }
            });
        }

        synchronized void talking(String call) {
            boolean mine = call.equals(callId) && (state == State.CONFIRMING || state == State.OFFERED)
                    || state == State.DIALING && (callId == null || call.equals(callId));
            if (mine) {
                boolean outbound = state == State.DIALING;
                state = State.TALKING;
                callId = call;
                later(options.talkTime(), () -> endOfTalk(call, !outbound));
            } else if (call.equals(consultCall)) {
                consultCall = null; // a colleague's transfer connected: the call is this bot's now
                state = State.TALKING;
                callId = call;
                later(options.talkTime().dividedBy(2), () -> endOfTalk(call, false));
            }
        }

        synchronized void ended(String call) {
            if (call.equals(consultCall)) {
                consultCall = null;
            }
            if (!call.equals(callId)) {
                return;
            }
            switch (state) {
                case OFFERED, CONFIRMING -> { // abandoned while alerting: the application makes the agent Ready
                    state = State.READY;
                    callId = null;
                }
                case TALKING -> afterCall(); // the customer hung up first
                case DIALING -> { // busy or no answer: back to the status before (Business), then Ready
                    state = State.WRAP_UP;
                    callId = null;
                    chooseReady();
                }
                default -> {
                    // our own hang-up or transfer is under way and finishes the cycle
                }
            }
        }

        private void endOfTalk(String call, boolean mayTransfer) {
            boolean transfer = mayTransfer && chance(options.transferPercent());
            synchronized (this) {
                if (state != State.TALKING || !call.equals(callId)) {
                    return;
                }
                state = transfer ? State.TRANSFERRING : State.HANGING_UP;
            }
            if (transfer) {
                transfer(call);
            } else {
                hangup(call);
            }
        }

        private void transfer(String call) {
            Bot target = reserveReadyColleague(call, this);
            if (target == null) {
                hangupInstead(call);
                return;
            }
            LoadRun current = run;
            api.transfer(call, target.id).thenCompose(tried -> {
                if (!tried.ok()) {
                    current.refused("transfer", tried);
                    return CompletableFuture.completedFuture(tried);
                }
                return delayed(Duration.ofMillis(300), () -> api.transferConnect(call));
            }).thenAccept(connected -> {
                if (connected.ok()) {
                    current.transfers.incrementAndGet();
                    synchronized (this) {
                        afterCall();
                    }
                } else {
                    current.transfersFailed.incrementAndGet();
                    if (connected.status() != 409 || !connected.problem().equals("TARGET_NOT_READY")) {
                        current.refused("transfer-connect", connected);
                    }
                    target.release(call);
                    hangupInstead(call);
                }
            });
        }

        private void hangupInstead(String call) {
            synchronized (this) {
                if (state != State.TRANSFERRING || !call.equals(callId)) {
                    return;
                }
                state = State.HANGING_UP;
            }
            hangup(call);
        }

        private void hangup(String call) {
            LoadRun current = run;
            api.hangup(call).thenAccept(answer -> {
                if (!answer.ok() && answer.status() != 409) {
                    current.refused("hangup", answer); // 409: the customer hung up first
                }
                synchronized (this) {
                    if (call.equals(callId) && state == State.HANGING_UP) {
                        afterCall();
                    }
                }
            });
        }

        /** The finish-call prompt: Confirm (Ready), or Cancel and dial a customer first. Called holding the bot. */
        private void afterCall() {
            state = State.WRAP_UP;
            callId = null;
            LoadRun current = run;
            if (!lastWasOutbound && chance(options.outboundPercent())) {
                lastWasOutbound = true;
                state = State.DIALING;
                api.finishCall(id, false)
                        .thenCompose(business -> api.dial(id, String.format("010%08d", ThreadLocalRandom.current()
                                .nextInt(100_000_000))))
                        .thenAccept(dialled -> {
                            if (dialled.ok()) {
                                current.outboundDials.incrementAndGet();
                                synchronized (this) {
                                    if (state == State.DIALING && callId == null) {
                                        callId = dialled.field("id");
                                    }
                                }
                            } else {
                                current.refused("dial", dialled);
                                synchronized (this) {
                                    if (state == State.DIALING) {
                                        state = State.WRAP_UP;
                                        chooseReady();
                                    }
                                }
                            }
                        });
                return;
            }
            lastWasOutbound = false;
            api.finishCall(id, true).thenAccept(answer -> {
                if (!answer.ok()) {
                    current.refused("after-call confirm", answer);
                }
                becameReady();
            });
        }

        private void chooseReady() {
            LoadRun current = run;
            api.ready(id).thenAccept(answer -> {
                if (!answer.ok()) {
                    current.refused("ready", answer);
                }
                becameReady();
            });
        }

        private synchronized void becameReady() {
            if (state == State.WRAP_UP) {
                state = State.READY; // unless an offer came first
            }
        }

        synchronized boolean reserveFor(String call) {
            if (state != State.READY || consultCall != null) {
                return false;
            }
            consultCall = call;
            return true;
        }

        synchronized void release(String call) {
            if (call.equals(consultCall)) {
                consultCall = null;
            }
        }

        synchronized boolean idle() {
            return state == State.READY && consultCall == null;
        }
    }

    private final BenchOptions options;
    private final CallDeskApi api;
    private final List<Bot> bots = new ArrayList<>();
    private final Map<String, Bot> byId = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "bench-bots");
        thread.setDaemon(true);
        return thread;
    });
    private volatile LoadRun run = new LoadRun();

    AgentBots(BenchOptions options, CallDeskApi api) {
        this.options = options;
        this.api = api;
        for (int i = 1; i <= options.agents(); i++) {
            Bot bot = new Bot(i);
            bots.add(bot);
            byId.put(bot.id, bot);
        }
    }

    /** The phones of {@code count} bots, as their registrations name them. */
    static List<String> devices(int count) {
        List<String> devices = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            devices.add("PJSIP/" + (100_000 + i)); // as Bot names its agent number and phone
        }
        return devices;
    }

    /** Requests the API sent again after a concurrent change, so far. */
    long retries() {
        return api.retries();
    }

    LoadRun currentRun() {
        return run;
    }

    /** Registers every bot as a CTI agent, logs it in to CTI and makes it Ready. */
    void setUp() throws InterruptedException {
        long started = System.nanoTime();
        forAll(bot -> api.registerAgent(bot.id, bot.agentNumber, bot.device), "register");
        long registered = System.nanoTime();
        forAll(bot -> api.ctiLogin(bot.id), "CTI login");
        forAll(bot -> api.ready(bot.id), "Ready");
        System.out.printf("bench: %d agents registered in %.1f s, logged in and Ready in %.1f s more%n", bots.size(),
                (registered - started) / 1e9, (System.nanoTime() - registered) / 1e9);
    }

    private void forAll(Function<Bot, CompletableFuture<CallDeskApi.Answer>> request, String what)
            throws InterruptedException {
        Semaphore inFlight = new Semaphore(8);
        AtomicInteger failed = new AtomicInteger();
        List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (Bot bot : bots) {
            inFlight.acquire();
            request.apply(bot).whenComplete((answer, failure) -> {
                if (failure != null || !answer.ok()) {
                    failed.incrementAndGet();
                    problems.add(bot.id + ": " + (failure != null ? failure : answer.status() + " " + answer.body()));
                }
                inFlight.release();
            });
        }
        inFlight.acquire(8);
        if (failed.get() > 0) {
            throw new IllegalStateException(what + " failed for " + failed.get() + " agents, e.g. " + problems.get(0));
        }
    }

    /** Starts a new period of measurement; events of calls before it are still followed by the bots. */
    LoadRun newRun() {
        run = new LoadRun();
        return run;
    }

    boolean allIdle() {
        return bots.stream().allMatch(Bot::idle);
    }

    /** A few bots that are not Ready, as {@code id state call}, to say what a drain waited for. */
    List<String> describeBusy(int max) {
        List<String> busy = new ArrayList<>();
        for (Bot bot : bots) {
            synchronized (bot) {
                if (!(bot.state == State.READY && bot.consultCall == null) && busy.size() < max) {
                    busy.add(bot.id + " " + bot.state + " call " + bot.callId
                            + (bot.consultCall == null ? "" : " consulted for " + bot.consultCall));
                }
            }
        }
        return busy;
    }

    long idleCount() {
        return bots.stream().filter(Bot::idle).count();
    }

    @Override
    public void onEvent(EventFeed.Event event) {
        LoadRun current = run;
        if (event.type().equals("ticket.created")) {
            current.ticketCreated(event.data().getString("callId", ""), event.receivedNanos());
            return;
        }
        LoadRun.Track track = current.apply(event);
        if (track == null) {
            return;
        }
        Bot agent = bot(event.data().getString("agentId", null));
        switch (event.type()) {
            case "call.offered" -> {
                if (agent != null) {
                    agent.offered(event.subjectId());
                }
            }
            case "call.talking" -> {
                if (agent != null) {
                    agent.talking(event.subjectId());
                }
            }
            case "call.ended" -> {
                if (agent != null) {
                    agent.ended(event.subjectId());
                }
                Bot consulted = bot(event.data().getString("consultAgentId", null));
                if (consulted != null) {
                    consulted.ended(event.subjectId());
                }
            }
            default -> {
                // waiting, dialing, holding, consulting: nothing for a bot to do
            }
        }
    }

    private Bot bot(String agentId) {
        return agentId == null ? null : byId.get(agentId);
    }

    private Bot reserveReadyColleague(String call, Bot asking) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int tries = 0; tries < 50; tries++) {
            Bot candidate = bots.get(random.nextInt(bots.size()));
            if (candidate != asking && candidate.reserveFor(call)) {
                return candidate;
            }
        }
        return null;
    }

    private void later(Duration delay, Runnable action) {
        timer.schedule(() -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                System.err.println("bench: bot step failed: " + e);
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private <T> CompletableFuture<T> delayed(Duration delay, java.util.function.Supplier<CompletableFuture<T>> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        timer.schedule(() -> action.get().whenComplete((value, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(value);
            }
        }), delay.toMillis(), TimeUnit.MILLISECONDS);
        return result;
    }

    private static boolean chance(int percent) {
        return percent > 0 && ThreadLocalRandom.current().nextInt(100) < percent;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
