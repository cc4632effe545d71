package io.scratchbird.demo;

import io.scratchbird.demo.catalog.Product;
import io.scratchbird.demo.catalog.ProductRepository;
import io.scratchbird.demo.stores.Store;
import io.scratchbird.demo.stores.StoreRepository;
import io.scratchbird.types.Range;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** Creates the catalogue on first start; later starts find it in the data directory and leave it alone. */
@Component
@Order(1)
public class SeedData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SeedData.class);

    private final StoreRepository stores;
    private final ProductRepository products;

    public SeedData(StoreRepository stores, ProductRepository products) {
        this.stores = stores;
        this.products = products;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (stores.count() > 0) {
            log.info("catalogue found: {} stores, {} products", stores.count(), products.count());
            return;
        }
        Store paris = stores.save(new Store("Rive Gauche", "Paris", Geo.point(2.3364, 48.8530)));
        Store lyon = stores.save(new Store("Presqu'île", "Lyon", Geo.point(4.8320, 45.7578)));
        Store london = stores.save(new Store("Southbank", "London", Geo.point(-0.1160, 51.5050)));
        Store berlin = stores.save(new Store("Kreuzberg", "Berlin", Geo.point(13.4030, 52.4990)));

        LocalDate spring = LocalDate.of(2026, 3, 1);
        add("OAK-TABLE", "Oak dining table", "Solid oak dining table for six people", "899.00",
                Map.of("color", "brown", "material", "oak", "seats", 6), Range.atLeast(spring), paris);
        add("OAK-CHAIR", "Oak dining chair", "Solid oak chair to match the dining table", "149.00",
                Map.of("color", "brown", "material", "oak"), Range.atLeast(spring), paris);
        add("RED-SOFA", "Red velvet sofa", "Three-seat sofa in red velvet with oak legs", "1290.00",
                Map.of("color", "red", "material", "velvet", "seats", 3), Range.closedOpen(spring, LocalDate.of(2026, 9, 1)), lyon);
        add("RED-ARMCHAIR", "Red velvet armchair", "Armchair in red velvet, pairs with the sofa", "540.00",
                Map.of("color", "red", "material", "velvet", "seats", 1), Range.closedOpen(spring, LocalDate.of(2026, 9, 1)), lyon);
        add("DESK-LAMP", "Brass desk lamp", "Adjustable brass lamp for the desk", "89.90",
                Map.of("color", "gold", "material", "brass"), Range.all(), london);
        add("FLOOR-LAMP", "Brass floor lamp", "Tall brass lamp with a linen shade", "179.00",
                Map.of("color", "gold", "material", "brass"), Range.all(), london);
        add("WOOL-RUG", "Wool rug", "Hand-woven wool rug, blue and white", "320.00",
                Map.of("color", "blue", "material", "wool", "size", Map.of("width", 160, "length", 230)),
                Range.closedOpen(LocalDate.of(2026, 10, 1), LocalDate.of(2027, 3, 1)), berlin);
        add("LINEN-CURTAIN", "Linen curtains", "Pair of white linen curtains", "120.00",
                Map.of("color", "white", "material", "linen"), Range.all(), berlin);
        log.info("catalogue created: {} stores, {} products", stores.count(), products.count());
    }

    private void add(String sku, String name, String description, String price, Map<String, Object> attributes,
                     Range<LocalDate> availability, Store store) {
        products.save(new Product(sku, name, description, new BigDecimal(price), attributes, availability, store));
    }
}
