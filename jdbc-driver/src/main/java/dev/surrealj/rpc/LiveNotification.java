package dev.surrealj.rpc;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One change delivered to a {@link LiveSubscription}.
 *
 * <pre>{@code
 * sub.listen(n -> {
 *     switch (n.action()) {
 *         case CREATE, UPDATE -> cache.put(n.recordId(), n.record());
 *         case DELETE -> cache.remove(n.recordId());
 *         case KILLED -> System.out.println("live query ended");
 *     }
 * });
 * }</pre>
 *
 * @param action what happened
 * @param liveId the live query's id (after a reconnect: the new id)
 * @param recordId the id of the changed record (usually a {@code RecordId}); {@code null} for KILLED
 * @param result the record after the change (for DELETE: before it), or in DIFF mode the list of
 *     JSON-Patch operations; {@code null} for KILLED
 * @param session the 3.x session that owns the live query, or {@code null}
 */
public record LiveNotification(Action action, UUID liveId, Object recordId, Object result, UUID session) {

    /** What happened to the record. */
    public enum Action {
        CREATE, UPDATE, DELETE,
        /** The live query ended ({@code kill}, closing the subscription, or {@code reset}): the last notification. */
        KILLED
    }

    /** The record as an object, or {@code null} (DIFF mode, KILLED). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> record() {
        return result instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    /** In DIFF mode, the JSON-Patch operations ({@code {op, path, value}} objects); otherwise {@code null}. */
    @SuppressWarnings("unchecked")
    public List<Object> diff() {
        return result instanceof List<?> l ? (List<Object>) l : null;
    }

    static LiveNotification killed(UUID liveId, UUID session) {
        return new LiveNotification(Action.KILLED, liveId, null, null, session);
    }
}
