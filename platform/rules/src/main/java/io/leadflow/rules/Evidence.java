package io.leadflow.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The field values conditions matched on, in the order they matched, with marks to drop a failed branch's
 * values. One per evaluation; not thread-safe.
 */
public final class Evidence {

    private final List<String> paths = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    public void add(String path, Object value) {
        paths.add(path);
        values.add(value);
    }

    /** Where the evidence stands now, to {@link #reset(int)} to. */
    public int mark() {
        return paths.size();
    }

    /** Drops what was added since {@code mark}. */
    public void reset(int mark) {
        for (int i = paths.size() - 1; i >= mark; i--) {
            paths.remove(i);
            values.remove(i);
        }
    }

    /** Path to value, the first value of each path, in order; {@code null} values kept. */
    public Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < paths.size(); i++) {
            m.putIfAbsent(paths.get(i), values.get(i));
        }
        return m;
    }
}
