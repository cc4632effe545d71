package io.scratchbird.demo.catalog;

import io.scratchbird.demo.stores.Store;
import io.scratchbird.types.Range;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import org.hibernate.annotations.Array;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** A product: JSONB attributes, an availability range, a vector embedding of its text. */
@Entity
@Table(uniqueConstraints = @UniqueConstraint(name = "uk_product_sku", columnNames = "sku"))
public class Product {

    @Id
    @GeneratedValue
    private Long id;

    @Version
    private int version;

    @Column(nullable = false, length = 32)
    private String sku;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(length = 1000)
    private String description;

    @Column(nullable = false, precision = 10, scale = 2)
    private BigDecimal price;

    /** Free-form attributes (colour, material, sizes…) in a jsonb column. */
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> attributes;

    /** The days the product can be ordered: a daterange, possibly open-ended. */
    private Range<LocalDate> availability;

    /** A deterministic embedding of name and description, for "similar products". */
    @JdbcTypeCode(SqlTypes.VECTOR)
    @Array(length = Embeddings.DIMENSIONS)
    private float[] embedding;

    @ManyToOne(fetch = FetchType.LAZY)
    private Store store;

    protected Product() {
    }

    public Product(String sku, String name, String description, BigDecimal price, Map<String, Object> attributes,
                   Range<LocalDate> availability, Store store) {
        this.sku = sku;
        this.name = name;
        this.description = description;
        this.price = price;
        this.attributes = attributes;
        this.availability = availability;
        this.store = store;
        this.embedding = Embeddings.of(name + " " + (description == null ? "" : description));
    }

    public Long getId() {
        return id;
    }

    public String getSku() {
        return sku;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public Map<String, Object> getAttributes() {
        return attributes;
    }

    public Range<LocalDate> getAvailability() {
        return availability;
    }

    public float[] getEmbedding() {
        return embedding;
    }

    public Store getStore() {
        return store;
    }

    public void setPrice(BigDecimal price) {
        this.price = price;
    }
}
