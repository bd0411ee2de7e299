package pl.konwent.domain.shared;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link Attempts} in memory, for unit tests of the rules that throttle. */
public final class MemoryAttempts implements Attempts {
    private final Map<String, List<Instant>> byKey = new HashMap<>();

    @Override
    public Recent since(String bucket, String key, Instant since) {
        List<Instant> recent = byKey.getOrDefault(bucket + "/" + key, List.of()).stream()
                .filter(at -> at.isAfter(since)).sorted().toList();
        return recent.isEmpty() ? Recent.NONE : new Recent(recent.size(), recent.get(0), recent.get(recent.size() - 1));
    }

    @Override
    public void record(String bucket, String key, Instant at, Instant forgetBefore) {
        List<Instant> times = byKey.computeIfAbsent(bucket + "/" + key, k -> new ArrayList<>());
        times.removeIf(old -> !old.isAfter(forgetBefore));
        times.add(at);
    }

    @Override
    public void forget(String bucket, String key) {
        byKey.remove(bucket + "/" + key);
    }
}
