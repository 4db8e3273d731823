package dev.surrealj.rpc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One request: {@code {id, method, params, session?, txn?}}. */
record RpcRequest(long id, String method, List<Object> params, UUID session, UUID txn) {

    Map<String, Object> toMessage() {
        Map<String, Object> m = new LinkedHashMap<>(8);
        m.put("id", id);
        m.put("method", method);
        m.put("params", params);
        if (session != null) {
            m.put("session", session);
        }
        if (txn != null) {
            m.put("txn", txn);
        }
        return m;
    }

    Object param(int i) {
        return params.size() > i ? params.get(i) : null;
    }

    /** Never shows parameters (they may hold passwords). */
    @Override
    public String toString() {
        return "RpcRequest[" + id + " " + method + (session != null ? " session " + session : "")
                + (txn != null ? " txn " + txn : "") + "]";
    }
}
