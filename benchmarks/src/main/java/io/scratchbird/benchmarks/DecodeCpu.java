package io.scratchbird.benchmarks;

import org.openjdk.jmh.infra.Blackhole;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The decode benchmark measured as the calling thread's CPU time instead of wall time, which a
 * loaded machine distorts far less: {@code java -cp benchmarks.jar [-Dbench.pg.port=…]
 * io.scratchbird.benchmarks.DecodeCpu scratchbird|postgresql [opsPerRound]}. The PostgreSQL side needs
 * the {@code bench_trust} role and the {@code bench_rows} table of {@code benchmarks/run.sh}.
 */
public final class DecodeCpu {

    private DecodeCpu() {
    }

    public static void main(String[] args) throws Exception {
        DecodeBench b = new DecodeBench();
        b.side = args[0];
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        b.record();
        Blackhole bh = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 4 * n; i++) {
            b.decode10k(bh);
        }
        long[] perOp = new long[5];
        for (int r = 0; r < perOp.length; r++) {
            long c0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                b.decode10k(bh);
            }
            perOp[r] = (mx.getCurrentThreadCpuTime() - c0) / n;
        }
        Arrays.sort(perOp);
        System.out.printf("%s: client CPU per %d rows: median %.0f µs, min %.0f µs%n", args[0], Env.ROWS,
                perOp[2] / 1e3, perOp[0] / 1e3);
        b.close();
        System.exit(0);
    }
}
