package dev.surrealj.rpc;

import dev.surrealj.value.None;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Live subscriptions by live id. Notifications for an id nobody subscribed to yet (the answer to
 * {@code live} or a {@code LIVE SELECT} not processed yet) wait a little in a bounded orphan buffer.
 */
final class LiveRegistry {
    private static final System.Logger LOG = System.getLogger("dev.surrealj.rpc");
    private static final int MAX_ORPHANS = 4096;
    private static final long ORPHAN_TTL_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final int MAX_ENDED = 1024;

    private record Orphan(LiveNotification notification, long at) {
    }

    private final ConcurrentHashMap<UUID, LiveSubscription> subs = new ConcurrentHashMap<>();
    // guarded by this
    private final ArrayDeque<Orphan> orphans = new ArrayDeque<>();
    private final LinkedHashMap<UUID, Boolean> ended = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
            return size() > MAX_ENDED;
        }
    };

    /** A notification object {@code {id, action, record, result, session?}} (I/O thread). */
    void onNotification(Map<?, ?> m) {
        LiveNotification n = parse(m);
        if (n == null) {
            return;
        }
        LiveSubscription sub = subs.get(n.liveId());
        if (sub == null) {
            synchronized (this) {
                sub = subs.get(n.liveId());
                if (sub == null) {
                    if (ended.containsKey(n.liveId())) {
                        return;
                    }
                    expireOrphans();
                    if (orphans.size() >= MAX_ORPHANS) {
                        orphans.pollFirst();
                    }
                    orphans.addLast(new Orphan(n, System.nanoTime()));
                    return;
                }
            }
        }
        sub.offer(n);
        if (n.action() == LiveNotification.Action.KILLED) {
            remove(n.liveId(), sub);
        }
    }

    private static LiveNotification parse(Map<?, ?> m) {
        UUID id = m.get("id") instanceof UUID u ? u : parseUuid(m.get("id"));
        if (id == null) {
            LOG.log(Level.WARNING, "live notification without a valid id");
            return null;
        }
        LiveNotification.Action action;
        try {
            action = LiveNotification.Action.valueOf(String.valueOf(m.get("action")));
        } catch (IllegalArgumentException e) {
            LOG.log(Level.DEBUG, "ignoring live notification with action {0}", m.get("action"));
            return null;
        }
        UUID session = m.get("session") instanceof UUID u ? u : parseUuid(m.get("session"));
        Object record = m.get("record");
        Object result = m.get("result");
        if (action == LiveNotification.Action.KILLED) {
            record = record == None.NONE ? null : record;
            result = result == None.NONE ? null : result;
        }
        return new LiveNotification(action, id, record, result, session);
    }

    static UUID parseUuid(Object o) {
        if (o instanceof UUID u) {
            return u;
        }
        if (o instanceof String s) {
            try {
                return UUID.fromString(s);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    /** Adds a subscription, first handing it the notifications that arrived before it. */
    synchronized LiveSubscription register(LiveSubscription sub) {
        UUID id = sub.liveId();
        ended.remove(id);
        for (Iterator<Orphan> it = orphans.iterator(); it.hasNext(); ) {
            Orphan o = it.next();
            if (o.notification().liveId().equals(id)) {
                it.remove();
                sub.offer(o.notification());
            }
        }
        if (!sub.isClosed()) {
            subs.put(id, sub);
        }
        return sub;
    }

    /** A live query was killed: its subscription gets KILLED and ends. */
    void killed(UUID id) {
        LiveSubscription sub;
        synchronized (this) {
            sub = subs.remove(id);
            ended.put(id, Boolean.TRUE);
            orphans.removeIf(o -> o.notification().liveId().equals(id));
        }
        if (sub != null) {
            sub.terminateKilled();
        }
    }

    /** {@code reset} or {@code detach} of a session: its live queries are gone. */
    void sessionEnded(UUID session) {
        for (LiveSubscription sub : List.copyOf(subs.values())) {
            if (Objects.equals(sub.session(), session)) {
                killed(sub.liveId());
            }
        }
    }

    /** Moves a subscription to its new id after a reconnect. */
    void rekey(LiveSubscription sub, UUID newId) {
        synchronized (this) {
            subs.remove(sub.liveId(), sub);
            sub.setLiveId(newId);
        }
        register(sub);
    }

    void remove(UUID id, LiveSubscription sub) {
        synchronized (this) {
            subs.remove(id, sub);
            ended.put(id, Boolean.TRUE);
        }
    }

    /** All current subscriptions. */
    List<LiveSubscription> all() {
        return new ArrayList<>(subs.values());
    }

    /** Ends every subscription: normally ({@code error == null}) or with an error. */
    void endAll(SurrealException error) {
        List<LiveSubscription> all;
        synchronized (this) {
            all = new ArrayList<>(subs.values());
            subs.clear();
            orphans.clear();
        }
        for (LiveSubscription s : all) {
            s.terminate(error);
        }
    }

    private void expireOrphans() {
        long now = System.nanoTime();
        while (!orphans.isEmpty() && now - orphans.peekFirst().at() > ORPHAN_TTL_NANOS) {
            orphans.pollFirst();
        }
    }
}
