import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for the scim-sync emulator (JDK only, run as a single-file program):
 * {@code java bench/LoadGen.java <baseUrl> <token> <threads> <seconds> [mix|creates]}.
 *
 * <p>Seeds 200 users, then each thread loops until the time is up over a mix of 25% GET /Users?count=100,
 * 35% GET /Users/{id}, 20% POST /Users and 20% PATCH /Users/{id}, and prints requests, errors, requests per
 * second and p50/p99 latency. Any status >= 400 or I/O failure counts as an error. Response bodies are read
 * and discarded except for creates (whose id is kept), so the generator spends its CPU on requests, not parsing.
 * With {@code creates}, every request is a POST /Users: the most a bare HTTP client gets out of the emulator for
 * the requests that bench/scale.sh's apply scenario sends.
 */
public class LoadGen {

    private static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    public static void main(String[] args) throws Exception {
        if (args.length < 4 || args.length > 5 || args.length == 5 && !List.of("mix", "creates").contains(args[4])) {
            System.err.println("usage: java bench/LoadGen.java <baseUrl> <token> <threads> <seconds> [mix|creates]");
            System.exit(2);
        }
        boolean createsOnly = args.length == 5 && args[4].equals("creates");
        String baseUrl = args[0];
        String auth = "Bearer " + args[1];
        int threads = Integer.parseInt(args[2]);
        long seconds = Long.parseLong(args[3]);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<String> ids = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 200; i++) {
            ids.add(idOf(send(client, post(baseUrl, auth, "seed-" + run + "-" + i)).body()));
        }

        AtomicLong errors = new AtomicLong();
        List<long[]> latencies = new CopyOnWriteArrayList<>();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long started = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                long[] samples = new long[1 << 16];
                int n = 0;
                long sequence = 0;
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < deadline) {
                    int pick = createsOnly ? 60 : random.nextInt(100);
                    String id = ids.get(random.nextInt(ids.size()));
                    HttpRequest request = pick < 25 ? get(baseUrl + "/Users?count=100", auth)
                            : pick < 60 ? get(baseUrl + "/Users/" + id, auth)
                            : pick < 80 ? post(baseUrl, auth, "load-" + run + "-" + thread + "-" + sequence++)
                            : patch(baseUrl + "/Users/" + id, auth, "Load " + sequence++);
                    long begin = System.nanoTime();
                    try {
                        boolean create = pick >= 60 && pick < 80;
                        HttpResponse<String> response = client.send(request, create
                                ? HttpResponse.BodyHandlers.ofString()
                                : HttpResponse.BodyHandlers.replacing(""));
                        if (response.statusCode() >= 400) {
                            errors.incrementAndGet();
                            noteError(request.method() + " " + response.statusCode() + " " + response.body());
                        } else if (create) {
                            ids.add(idOf(response.body()));
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        noteError(request.method() + " " + e);
                    }
                    if (n == samples.length) {
                        samples = Arrays.copyOf(samples, n * 2);
                    }
                    samples[n++] = System.nanoTime() - begin;
                }
                latencies.add(Arrays.copyOf(samples, n));
            }, "loadgen-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf("threads=%d seconds=%.1f requests=%d errors=%d%n", threads, elapsed, all.length,
                errors.get());
        System.out.printf("throughput=%.0f requests/second%n", all.length / elapsed);
        System.out.printf("latency p50=%.2f ms p99=%.2f ms max=%.2f ms%n", percentile(all, 0.50),
                percentile(all, 0.99), all.length == 0 ? 0.0 : all[all.length - 1] / 1e6);
        System.out.printf("users created=%d%n", ids.size());
        ERROR_SAMPLES.forEach(error -> System.out.println("error: " + error));
    }

    /** The first few distinct errors, to tell a server bug from a dropped connection. */
    private static final List<String> ERROR_SAMPLES = new CopyOnWriteArrayList<>();

    private static void noteError(String error) {
        if (ERROR_SAMPLES.size() < 5) {
            ERROR_SAMPLES.add(error);
        }
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0.0;
        }
        return sorted[(int) Math.max(0, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest get(String url, String auth) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).GET().build();
    }

    private static HttpRequest post(String baseUrl, String auth, String userName) {
        String body = "{\"schemas\":[\"" + USER_SCHEMA + "\"],\"userName\":\"" + userName + "\",\"displayName\":\""
                + userName + "\",\"emails\":[{\"primary\":true,\"value\":\"" + userName + "@example.com\"}]}";
        return HttpRequest.newBuilder(URI.create(baseUrl + "/Users")).header("Authorization", auth)
                .header("Content-Type", "application/scim+json").POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static HttpRequest patch(String url, String auth, String displayName) {
        String body = "{\"schemas\":[\"" + PATCH_SCHEMA + "\"],\"Operations\":[{\"op\":\"replace\","
                + "\"path\":\"displayName\",\"value\":\"" + displayName + "\"}]}";
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                .header("Content-Type", "application/scim+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String idOf(String userJson) {
        int at = userJson.indexOf("\"id\":\"");
        if (at < 0) {
            throw new IllegalStateException("no id in " + userJson);
        }
        return userJson.substring(at + 6, userJson.indexOf('"', at + 6));
    }
}
