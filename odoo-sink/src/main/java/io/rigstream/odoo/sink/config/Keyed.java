package io.rigstream.odoo.sink.config;

import java.util.function.Function;

/** Looks up an enum constant by its configuration spelling; the validators have already refused other values. */
final class Keyed {

    private Keyed() {
    }

    static <E> E of(E[] values, String key, Function<E, String> keyOf) {
        for (E value : values) {
            if (keyOf.apply(value).equals(key)) {
                return value;
            }
        }
        throw new IllegalArgumentException(key);
    }

    static <E> String[] keys(E[] values, Function<E, String> keyOf) {
        String[] keys = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            keys[i] = keyOf.apply(values[i]);
        }
        return keys;
    }
}
