package dev.surrealj.reliability;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures everything logged while it is open: the driver logs through {@link System.Logger}, which
 * goes to {@code java.util.logging} by default (Netty's internal logger does too), so a handler on the
 * root logger at level ALL sees every record, with parameters substituted and stack traces of thrown
 * exceptions. {@code System.out} and {@code System.err} are captured as well (and still printed).
 *
 * <pre>{@code
 * try (LogCapture logs = LogCapture.start()) {
 *     ... // connect with a wrong password
 *     assertFalse(logs.text().contains(password));
 * }
 * }</pre>
 */
final class LogCapture implements AutoCloseable {
    private final Logger root = Logger.getLogger("");
    private final Level previousLevel;
    private final Formatter formatter = new SimpleFormatter();
    private final List<String> records = new ArrayList<>();
    private final ByteArrayOutputStream streams = new ByteArrayOutputStream();
    private final PrintStream oldOut = System.out;
    private final PrintStream oldErr = System.err;
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            StringBuilder sb = new StringBuilder();
            sb.append(r.getLevel()).append(' ').append(r.getLoggerName()).append(": ");
            try {
                sb.append(formatter.formatMessage(r));
            } catch (RuntimeException e) {
                sb.append(r.getMessage());
            }
            if (r.getParameters() != null) {
                for (Object p : r.getParameters()) {
                    sb.append(" | param: ").append(p);
                }
            }
            if (r.getThrown() != null) {
                StringWriter w = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(w));
                sb.append('\n').append(w);
                sb.append(Errors.fullText(r.getThrown()));
            }
            synchronized (records) {
                records.add(sb.toString());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture() {
        previousLevel = root.getLevel();
        handler.setLevel(Level.ALL);
        root.setLevel(Level.ALL);
        root.addHandler(handler);
        System.setOut(new PrintStream(new Tee(oldOut, streams), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(oldErr, streams), true, StandardCharsets.UTF_8));
    }

    /** Starts capturing. */
    static LogCapture start() {
        return new LogCapture();
    }

    /** Number of log records captured so far. */
    int records() {
        synchronized (records) {
            return records.size();
        }
    }

    /** Number of records from loggers whose name starts with {@code prefix}. */
    long recordsFrom(String prefix) {
        synchronized (records) {
            return records.stream().filter(r -> r.substring(r.indexOf(' ') + 1).startsWith(prefix)).count();
        }
    }

    /** All log records, then all console output, as one text. */
    String text() {
        StringBuilder sb = new StringBuilder();
        synchronized (records) {
            records.forEach(r -> sb.append(r).append('\n'));
        }
        synchronized (streams) {
            sb.append(streams.toString(StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    /** Bytes of console output captured. */
    int consoleBytes() {
        synchronized (streams) {
            return streams.size();
        }
    }

    @Override
    public void close() {
        root.removeHandler(handler);
        root.setLevel(previousLevel);
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    /** Writes to the original stream and to the capture. */
    private static final class Tee extends OutputStream {
        private final OutputStream original;
        private final ByteArrayOutputStream copy;

        Tee(OutputStream original, ByteArrayOutputStream copy) {
            this.original = original;
            this.copy = copy;
        }

        @Override
        public void write(int b) {
            synchronized (copy) {
                copy.write(b);
            }
            try {
                original.write(b);
            } catch (java.io.IOException ignored) {
                // the console is best effort
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (copy) {
                copy.write(b, off, len);
            }
            try {
                original.write(b, off, len);
            } catch (java.io.IOException ignored) {
                // the console is best effort
            }
        }

        @Override
        public void flush() throws java.io.IOException {
            original.flush();
        }
    }
}
