package io.scratchbird.demo.catalog;

import io.scratchbird.demo.stores.Store;
import io.scratchbird.demo.stores.StoreRepository;
import io.scratchbird.demo.web.NotFoundException;
import io.scratchbird.types.Range;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.List;

/** The catalogue's use cases, each in one transaction. */
@Service
@Transactional(readOnly = true)
public class CatalogService {

    private final ProductRepository products;
    private final StoreRepository stores;

    public CatalogService(ProductRepository products, StoreRepository stores) {
        this.products = products;
        this.stores = stores;
    }

    public List<ProductView> all() {
        return products.findAllByOrderByNameAsc().stream().map(ProductView::of).toList();
    }

    public ProductView one(long id) {
        return ProductView.of(product(id));
    }

    public List<ProductView> similar(long id, int limit) {
        Product p = product(id);
        return products.findSimilar(id, p.getEmbedding(), Limit.of(limit)).stream().map(ProductView::of).toList();
    }

    public List<ProductView> withAttribute(String name, String value) {
        return products.findByAttribute("$." + name, value).stream().map(ProductView::of).toList();
    }

    public List<ProductView> availableOn(LocalDate day) {
        return products.findAvailableOn(day).stream().map(ProductView::of).toList();
    }

    @Transactional
    public ProductView create(NewProduct request) {
        Store store = request.storeId() == null ? null
                : stores.findById(request.storeId()).orElseThrow(() -> new NotFoundException("store", request.storeId()));
        Range<LocalDate> availability = request.availableFrom() == null && request.availableUntil() == null
                ? Range.all()
                : Range.of(request.availableFrom(), request.availableUntil(), request.availableFrom() != null, false);
        Product saved = products.saveAndFlush(new Product(request.sku(), request.name(), request.description(),
                request.price(), request.attributes(), availability, store));
        return ProductView.of(saved);
    }

    private Product product(long id) {
        return products.findById(id).orElseThrow(() -> new NotFoundException("product", id));
    }
}
