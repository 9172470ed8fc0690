import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load generator that records every request's latency, so median and p99 are exact (no histogram
 * buckets). Runs as a single-file program: {@code java bench/Load.java --url U [options]}.
 *
 * <pre>
 *   --url U            target (repeat --url to rotate over several)
 *   --header "K: V"    request header (repeatable)
 *   --concurrency N    workers (default 4); with --burst all start together behind a barrier
 *   --requests N       total requests (default 1000), or
 *   --duration S       run for S seconds instead
 *   --warmup N         requests sent first and not recorded (default 0)
 *   --rate R           per-worker pause so the whole run sends about R requests/s (default: as fast as possible)
 *   --label L          name printed with the result
 * </pre>
 * Prints one line: {@code label count errors seconds rps p50_ms p90_ms p99_ms max_ms statuses}.
 */
public class Load {

    public static void main(String[] args) throws Exception {
        List<String> urls = new ArrayList<>();
        List<String> headers = new ArrayList<>();
        int concurrency = 4;
        long requests = 1000;
        double duration = 0;
        int warmup = 0;
        double rate = 0;
        boolean burst = false;
        String label = "load";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> urls.add(args[++i]);
                case "--header" -> headers.add(args[++i]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                case "--requests" -> requests = Long.parseLong(args[++i]);
                case "--duration" -> duration = Double.parseDouble(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--rate" -> rate = Double.parseDouble(args[++i]);
                case "--burst" -> burst = true;
                case "--label" -> label = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1).build();
        List<HttpRequest> prepared = new ArrayList<>();
        for (String url : urls) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
            for (String h : headers) {
                int colon = h.indexOf(':');
                b.header(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
            }
            prepared.add(b.build());
        }
        for (int i = 0; i < warmup; i++) {
            send(client, prepared.get(i % prepared.size()));
        }

        long[] latencies = new long[(int) Math.min(requests > 0 && duration == 0 ? requests : 5_000_000, 5_000_000)];
        AtomicLong next = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long[] statuses = new long[600];
        long deadline = duration > 0 ? System.nanoTime() + (long) (duration * 1e9) : Long.MAX_VALUE;
        long limit = duration > 0 ? latencies.length : requests;
        long pauseNanos = rate > 0 ? (long) (concurrency * 1e9 / rate) : 0;
        CyclicBarrier barrier = new CyclicBarrier(concurrency);
        CountDownLatch done = new CountDownLatch(concurrency);
        boolean together = burst;
        long start = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            // paced callers start spread over one period, as independent clients (browsers polling) would, rather
            // than in lockstep bursts of all of them at once
            long offsetMillis = pauseNanos > 0 && !together ? pauseNanos / concurrency * w / 1_000_000 : 0;
            Thread t = new Thread(() -> {
                try {
                    if (together) {
                        barrier.await();
                    }
                    Thread.sleep(offsetMillis);
                    while (System.nanoTime() < deadline) {
                        long n = next.getAndIncrement();
                        if (n >= limit) {
                            break;
                        }
                        long t0 = System.nanoTime();
                        int status = send(client, prepared.get((int) (n % prepared.size())));
                        long took = System.nanoTime() - t0;
                        latencies[(int) n] = took;
                        synchronized (statuses) {
                            statuses[Math.max(0, Math.min(599, status))]++;
                        }
                        if (status < 200 || status >= 400) {
                            errors.incrementAndGet();
                        }
                        if (pauseNanos > took) {
                            long left = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - System.nanoTime();
                            Thread.sleep(Math.max(0, Math.min(pauseNanos - took, left)) / 1_000_000);
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                } finally {
                    done.countDown();
                }
            });
            t.setDaemon(true);
            t.start();
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        int count = (int) Math.min(next.get(), limit);
        long[] sorted = Arrays.copyOf(latencies, count);
        Arrays.sort(sorted);
        StringBuilder codes = new StringBuilder();
        for (int s = 0; s < statuses.length; s++) {
            if (statuses[s] > 0) {
                codes.append(codes.length() == 0 ? "" : ",").append(s == 0 ? "io_error" : s).append('=').append(statuses[s]);
            }
        }
        System.out.printf("%s count=%d errors=%d seconds=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f statuses=%s%n",
                label, count, errors.get(), seconds, count / seconds, pct(sorted, 0.50), pct(sorted, 0.90), pct(sorted, 0.99),
                count == 0 ? 0 : sorted[count - 1] / 1e6, codes);
    }

    /** Nearest-rank percentile, in milliseconds. */
    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    private static int send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return 0;
        }
    }
}
