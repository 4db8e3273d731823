package dev.surrealj.rpc;

import dev.surrealj.cbor.CborCodec;
import dev.surrealj.cbor.CborException;
import dev.surrealj.value.None;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.function.LongFunction;

/** Routes a decoded message: answer to a pending request, or live notification. */
final class Responses {
    private static final System.Logger LOG = System.getLogger("dev.surrealj.rpc");

    private Responses() {
    }

    /**
     * @param message the decoded message
     * @param takePending removes and returns the pending answer of an id, or {@code null}
     * @param listener receives notifications
     * @return {@code false} when the message makes no sense (protocol violation)
     */
    static boolean dispatch(Object message, LongFunction<RpcFuture<Object>> takePending,
                            Connection.Listener listener) {
        if (!(message instanceof Map<?, ?> m)) {
            LOG.log(Level.WARNING, "SurrealDB sent a message that is not an object: {0}", kindOf(message));
            return false;
        }
        Object id = m.get("id");
        if (id == null || id == None.NONE) {
            Object result = m.get("result");
            if (result instanceof Map<?, ?> n && n.containsKey("action")) {
                listener.onNotification(n);
                return true;
            }
            if (m.containsKey("error")) {
                SurrealException e = SurrealException.fromServerError(m.get("error"));
                LOG.log(Level.WARNING, "SurrealDB reported an error without request id: {0}", e.getMessage());
                return true;
            }
            LOG.log(Level.WARNING, "SurrealDB sent a message without id that is not a notification");
            return false;
        }
        long key;
        if (id instanceof Number n) {
            key = n.longValue();
        } else if (id instanceof String s) {
            try {
                key = Long.parseLong(s);
            } catch (NumberFormatException e) {
                LOG.log(Level.WARNING, "SurrealDB answered an unknown request id");
                return true;
            }
        } else {
            LOG.log(Level.WARNING, "SurrealDB answered with an id of type {0}", kindOf(id));
            return true;
        }
        RpcFuture<Object> answer = takePending.apply(key);
        if (answer == null) {
            LOG.log(Level.DEBUG, "late answer to request {0} (timed out or cancelled)", key);
            return true;
        }
        complete(answer, m);
        return true;
    }

    /**
     * Decodes one message. A buffer without a backing array (pooled direct memory, or a composite of the
     * frames of a long message) is copied into one array first: the parser then runs over one contiguous
     * array instead of a {@code ByteBufInputStream} behind a limiting stream (no refills of its 8 KB
     * window, no tokens split across refills; a few percent faster on a 6 MB answer), and the copy costs
     * under 1 ms for 6 MB.
     */
    static Object decode(CborCodec codec, ByteBuf content) throws CborException {
        int n = content.readableBytes();
        if (content.hasArray()) {
            return codec.decode(content.array(), content.arrayOffset() + content.readerIndex(), n);
        }
        if (n > codec.limits().maxFrameSize()) {
            throw new CborException("frame of " + n + " bytes exceeds maxFrameSize " + codec.limits().maxFrameSize());
        }
        return codec.decode(ByteBufUtil.getBytes(content, content.readerIndex(), n, false));
    }

    /** Completes {@code answer} from {@code {result}} or {@code {error}}. */
    static void complete(RpcFuture<Object> answer, Map<?, ?> m) {
        if (m.containsKey("error") && m.get("error") != null && m.get("error") != None.NONE) {
            answer.completeExceptionally(SurrealException.fromServerError(m.get("error")));
        } else {
            answer.complete(m.containsKey("result") ? m.get("result") : None.NONE);
        }
    }

    static String kindOf(Object o) {
        return o == null ? "null" : o.getClass().getSimpleName();
    }
}
