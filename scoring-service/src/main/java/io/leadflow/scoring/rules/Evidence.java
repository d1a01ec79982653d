package io.leadflow.scoring.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The field values a condition matched on, with marks to drop a failed branch's values. */
final class Evidence {

    private final List<String> paths = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    void add(String path, Object value) {
        paths.add(path);
        values.add(value);
    }

    int mark() {
        return paths.size();
    }

    void reset(int mark) {
        for (int i = paths.size() - 1; i >= mark; i--) {
            paths.remove(i);
            values.remove(i);
        }
    }

    Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < paths.size(); i++) {
            m.putIfAbsent(paths.get(i), values.get(i));
        }
        return m;
    }
}
