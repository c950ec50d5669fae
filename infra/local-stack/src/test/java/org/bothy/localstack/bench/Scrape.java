package org.bothy.localstack.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One reading of a service's {@code /actuator/prometheus}: every sample summed over its label sets (a histogram's
 * buckets kept apart by their bound). Two readings taken around a phase say what the service measured in it.
 */
record Scrape(Map<String, Double> sums, Map<String, TreeMap<Double, Double>> buckets) {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})?\\s+(\\S+)");
    private static final Pattern BOUND = Pattern.compile("le=\"([^\"]+)\"");
    // the labels a sample is kept apart by: an HTTP route, a collection's kind
    private static final Pattern KEPT_LABEL = Pattern.compile("(?:uri|action)=\"([^\"]+)\"");

    /** Reads the service at {@code baseUrl}; an empty reading if it does not answer. */
    static Scrape of(String baseUrl) {
        try {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? parse(response.body()) : new Scrape(Map.of(), Map.of());
        } catch (Exception unavailable) {
            return new Scrape(Map.of(), Map.of());
        }
    }

    static Scrape parse(String text) {
        Map<String, Double> sums = new HashMap<>();
        Map<String, TreeMap<Double, Double>> buckets = new HashMap<>();
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.find()) {
                continue;
            }
            String name = sample.group(1);
            String labels = sample.group(2) == null ? "" : sample.group(2);
            double value;
            try {
                value = Double.parseDouble(sample.group(3));
            } catch (NumberFormatException notANumber) {
                continue;
            }
            Matcher kept = KEPT_LABEL.matcher(labels);
            // HTTP timings are read per route (name@/barriers), apart from the actuator's own; pauses per kind
            String route = kept.find() ? "@" + kept.group(1) : "";
            Matcher bound = BOUND.matcher(labels);
            if (name.endsWith("_bucket") && bound.find()) {
                double le = bound.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound.group(1));
                buckets.computeIfAbsent(name.substring(0, name.length() - "_bucket".length()) + route, k -> new TreeMap<>())
                        .merge(le, value, Double::sum);
            } else {
                // maxima of several label sets: the largest, not their sum
                sums.merge(name + route, value, name.endsWith("_max") ? Double::max : Double::sum);
            }
        }
        return new Scrape(sums, buckets);
    }

    /** What was counted between {@code earlier} and this reading (maxima are kept as they now stand). */
    Scrape since(Scrape earlier) {
        Map<String, Double> sumsSince = new HashMap<>();
        sums.forEach((name, now) -> sumsSince.put(name, name.contains("_max")
                ? now : now - earlier.sums.getOrDefault(name, 0.0)));
        Map<String, TreeMap<Double, Double>> bucketsSince = new HashMap<>();
        buckets.forEach((name, now) -> {
            TreeMap<Double, Double> then = earlier.buckets.getOrDefault(name, new TreeMap<>());
            TreeMap<Double, Double> delta = new TreeMap<>();
            now.forEach((le, count) -> delta.put(le, count - then.getOrDefault(le, 0.0)));
            bucketsSince.put(name, delta);
        });
        return new Scrape(sumsSince, bucketsSince);
    }

    double value(String name) {
        return sums.getOrDefault(name, 0.0);
    }

    /**
     * A timer's (in seconds) count, mean and the bucket bounds below which half and 99 % of its samples fell, as
     * {@code "p50 <= 12 ms, p99 <= 140 ms, mean 20.3 ms (1,234)"}; its buckets bound each percentile within about a
     * third of its value.
     */
    String timer(String name) {
        // a route (name@/barriers) follows the sample's own suffix
        int at = name.indexOf('@');
        String base = at < 0 ? name : name.substring(0, at);
        String route = at < 0 ? "" : name.substring(at);
        double count = value(base + "_seconds_count" + route);
        if (count <= 0) {
            return "none";
        }
        double mean = value(base + "_seconds_sum" + route) / count * 1000;
        TreeMap<Double, Double> histogram = buckets.get(base + "_seconds" + route);
        if (histogram == null) {
            return String.format("mean %.1f ms (%,.0f)", mean, count);
        }
        return String.format("p50 <= %s ms, p99 <= %s ms, mean %.1f ms (%,.0f)", bound(histogram, 0.50),
                bound(histogram, 0.99), mean, count);
    }

    private static String bound(TreeMap<Double, Double> cumulative, double p) {
        double total = cumulative.lastEntry().getValue();
        double wanted = Math.ceil(total * p);
        for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
            if (bucket.getValue() >= wanted) {
                return bucket.getKey().isInfinite() ? "inf" : String.format("%,.0f", bucket.getKey() * 1000);
            }
        }
        return "inf";
    }
}
