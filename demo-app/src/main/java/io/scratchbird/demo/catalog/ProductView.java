package io.scratchbird.demo.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** A product as the API shows it: the range as its bounds, the store by name. */
public record ProductView(long id, String sku, String name, String description, BigDecimal price,
                          Map<String, Object> attributes, LocalDate availableFrom, LocalDate availableUntil,
                          String availability, String store) {

    static ProductView of(Product p) {
        var r = p.getAvailability();
        return new ProductView(p.getId(), p.getSku(), p.getName(), p.getDescription(), p.getPrice(), p.getAttributes(),
                r == null || r.isEmpty() ? null : r.lower(), r == null || r.isEmpty() ? null : r.upper(),
                r == null ? null : r.toString(), p.getStore() == null ? null : p.getStore().getName());
    }
}
