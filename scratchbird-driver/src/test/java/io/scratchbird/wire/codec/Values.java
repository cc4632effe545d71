package io.scratchbird.wire.codec;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Value equality for the tests: byte arrays by content, lists element by element, the rest by {@code equals}. */
final class Values {

    private Values() {
    }

    /**
     * {@code BigDecimal.equals} compares value and scale, {@code Float/Double.equals} treat NaN as
     * equal to itself and 0.0 as different from -0.0: exactly the round-trip promise.
     */
    static boolean same(Object a, Object b) {
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }
}
