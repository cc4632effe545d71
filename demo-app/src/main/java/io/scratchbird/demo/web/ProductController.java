package io.scratchbird.demo.web;

import io.scratchbird.demo.catalog.CatalogService;
import io.scratchbird.demo.catalog.NewProduct;
import io.scratchbird.demo.catalog.ProductView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

@RestController
@Validated
@RequestMapping("/api/products")
public class ProductController {

    private final CatalogService catalog;

    public ProductController(CatalogService catalog) {
        this.catalog = catalog;
    }

    /** All products, or those with a JSONB attribute ({@code ?attribute=color&value=red}) or available on a day. */
    @GetMapping
    public List<ProductView> list(@RequestParam(required = false) String attribute,
                                  @RequestParam(required = false) String value,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate availableOn) {
        if (attribute != null) {
            if (!attribute.matches("[A-Za-z_][A-Za-z0-9_]*") || value == null) {
                throw new BadRequestException("attribute", "must be a plain attribute name, given together with value");
            }
            return catalog.withAttribute(attribute, value);
        }
        if (availableOn != null) {
            return catalog.availableOn(availableOn);
        }
        return catalog.all();
    }

    @GetMapping("/{id}")
    public ProductView one(@PathVariable long id) {
        return catalog.one(id);
    }

    /** The products whose embeddings are nearest to this one's (cosine distance). */
    @GetMapping("/{id}/similar")
    public List<ProductView> similar(@PathVariable long id,
                                     @RequestParam(defaultValue = "3") @Min(1) @Max(20) int limit) {
        return catalog.similar(id, limit);
    }

    @PostMapping
    public ResponseEntity<ProductView> create(@Valid @RequestBody NewProduct request) {
        ProductView created = catalog.create(request);
        return ResponseEntity.created(URI.create("/api/products/" + created.id())).body(created);
    }
}
