package dev.surrealj.rpc;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Looks at the start of a message the codec could not decode, to find out which request it
 * answers: SurrealDB writes {@code id} as the first key of a response map.
 */
final class CborPeek {
    /** The message does not start with a CBOR map: garbage. */
    static final long NOT_A_MAP = Long.MIN_VALUE;
    /** A map whose first key is not an integer {@code id} (a notification, or an unknown shape). */
    static final long NO_ID = Long.MIN_VALUE + 1;

    private CborPeek() {
    }

    static long id(ByteBuf buf) {
        int i = buf.readerIndex();
        int end = buf.writerIndex();
        if (i >= end) {
            return NOT_A_MAP;
        }
        int b = buf.getUnsignedByte(i++);
        if (b >>> 5 != 5) {
            return NOT_A_MAP;
        }
        int info = b & 0x1f;
        if (info == 24) {
            i += 1;
        } else if (info == 25) {
            i += 2;
        } else if (info == 26) {
            i += 4;
        } else if (info == 27) {
            i += 8;
        } else if (info > 27 && info != 31) {
            return NOT_A_MAP;
        }
        if (i + 3 > end || buf.getUnsignedByte(i) != 0x62) {
            return NO_ID;
        }
        byte[] key = new byte[2];
        buf.getBytes(i + 1, key);
        if (!"id".equals(new String(key, StandardCharsets.US_ASCII))) {
            return NO_ID;
        }
        i += 3;
        if (i >= end) {
            return NO_ID;
        }
        int v = buf.getUnsignedByte(i++);
        int major = v >>> 5;
        int ai = v & 0x1f;
        if (major != 0) {
            return NO_ID;
        }
        if (ai < 24) {
            return ai;
        }
        int n = ai == 24 ? 1 : ai == 25 ? 2 : ai == 26 ? 4 : ai == 27 ? 8 : -1;
        if (n < 0 || i + n > end) {
            return NO_ID;
        }
        long value = 0;
        for (int k = 0; k < n; k++) {
            value = value << 8 | buf.getUnsignedByte(i + k);
        }
        return value < 0 ? NO_ID : value;
    }
}
