package dev.surrealj.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

/**
 * How much CPU <em>other</em> processes took during a phase of the run (Linux): the machine's busy
 * time from {@code /proc/stat} minus this JVM's and its child processes' (the dev server, the node
 * peers) from {@code /proc/PID/stat}. On a shared machine this tells whether a run was disturbed.
 * Everything is in clock ticks (normally 10 ms); unavailable elsewhere than Linux.
 */
final class MachineLoad {
    /** Above this many cores of foreign work on average during a phase, the run counts as disturbed. */
    static final double DISTURBED_CORES = 0.15;
    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private MachineLoad() {
    }

    /** A reading at one moment. */
    record Snapshot(long machineBusy, long own, long nanos) {
        boolean valid() {
            return machineBusy >= 0 && own >= 0;
        }
    }

    /** What happened between two snapshots. */
    record Phase(String name, double seconds, double foreignCores) {
        boolean disturbed() {
            return foreignCores > DISTURBED_CORES;
        }

        String describe() {
            return Double.isNaN(foreignCores) ? name + ": unknown"
                    : String.format(Locale.ROOT, "%s %.2f", name, foreignCores);
        }
    }

    static Snapshot now() {
        return new Snapshot(machineBusy(), own(), System.nanoTime());
    }

    static Phase between(String name, Snapshot a, Snapshot b) {
        double seconds = (b.nanos() - a.nanos()) / 1e9;
        if (!a.valid() || !b.valid() || seconds <= 0) {
            return new Phase(name, seconds, Double.NaN);
        }
        long foreign = (b.machineBusy() - a.machineBusy()) - (b.own() - a.own());
        return new Phase(name, seconds, Math.max(0, foreign) / TICKS_PER_SECOND / seconds);
    }

    /** user + nice + system + irq + softirq + steal of all CPUs, or -1. */
    private static long machineBusy() {
        try {
            String line = Files.readAllLines(Paths.get("/proc/stat")).get(0);
            String[] f = line.trim().split("\\s+");
            if (!f[0].equals("cpu")) {
                return -1;
            }
            long busy = 0;
            int[] fields = {1, 2, 3, 6, 7, 8}; // user nice system (idle iowait) irq softirq steal
            for (int i : fields) {
                if (i < f.length) {
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** This JVM's CPU ticks, its reaped children's, and those of its live descendants; or -1. */
    private static long own() {
        long self = ticks(Paths.get("/proc/self/stat"), true);
        if (self < 0) {
            return -1;
        }
        long sum = self;
        for (ProcessHandle h : ProcessHandle.current().descendants().toList()) {
            long t = ticks(Paths.get("/proc", Long.toString(h.pid()), "stat"), false);
            if (t > 0) {
                sum += t;
            }
        }
        return sum;
    }

    /** utime + stime (+ cutime + cstime) of a /proc/PID/stat file, or -1. */
    private static long ticks(Path stat, boolean withChildren) {
        try {
            String s = Files.readString(stat);
            String[] f = s.substring(s.lastIndexOf(')') + 2).trim().split("\\s+");
            // after "pid (comm) ": state=0 ... utime=11 stime=12 cutime=13 cstime=14
            long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            if (withChildren) {
                t += Long.parseLong(f[13]) + Long.parseLong(f[14]);
            }
            return t;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
