package io.scratchbird.spring.data.app;

import java.time.LocalDate;
import java.util.Map;

import io.scratchbird.types.Range;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.hibernate.annotations.Array;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** JSON attributes, a date range, an integer range and a 3-dimensional embedding. */
@Entity
public class Product {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private String category;

    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> attributes;

    private Range<LocalDate> validity;

    private Range<Integer> sizes;

    @JdbcTypeCode(SqlTypes.VECTOR)
    @Array(length = 3)
    private float[] embedding;

    protected Product() {
    }

    public Product(String name, String category, Map<String, Object> attributes, Range<LocalDate> validity,
            Range<Integer> sizes, float... embedding) {
        this.name = name;
        this.category = category;
        this.attributes = attributes;
        this.validity = validity;
        this.sizes = sizes;
        this.embedding = embedding;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getCategory() {
        return category;
    }

    public Map<String, Object> getAttributes() {
        return attributes;
    }

    public float[] getEmbedding() {
        return embedding;
    }

    @Override
    public String toString() {
        return name;
    }
}
