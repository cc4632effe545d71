package io.scratchbird.hibernate.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Every ordinary column type, an identity key, a named unique constraint and a version. */
@Entity
@Table(name = "item", uniqueConstraints = @UniqueConstraint(name = "uk_item_sku", columnNames = "sku"))
public class Item {

    public enum Status { DRAFT, LIVE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Version
    public int version;

    @Column(length = 40, nullable = false)
    public String sku;

    @Column(length = 200)
    public String name;

    @Column(precision = 12, scale = 2)
    public BigDecimal price;

    public boolean active;
    public int quantity;
    public long views;
    public short shelf;
    public byte grade;
    public double rating;
    public float weight;
    public Float optionalWeight;

    @Enumerated(EnumType.STRING)
    @Column(length = 10)
    public Status status;

    public LocalDate releaseDate;
    @Column(secondPrecision = 6)
    public LocalTime openingTime;
    public LocalDateTime localStamp;
    public OffsetDateTime offsetStamp;
    public Instant instant;
    public Duration shelfLife;
    public UUID reference;

    @Lob
    public String description;

    @Lob
    public byte[] picture;

    @Column(columnDefinition = "text")
    public String notes;

    public byte[] checksum;

    public Item() {
    }

    public Item(String sku, String name) {
        this.sku = sku;
        this.name = name;
    }
}
