package io.scratchbird.hibernate.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.hibernate.annotations.Array;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A float[] embedding mapped exactly as hibernate-vector maps it on PostgreSQL. */
@Entity
public class Embedding {

    @Id
    @GeneratedValue
    public Long id;

    public String label;

    @JdbcTypeCode(SqlTypes.VECTOR)
    @Array(length = 3)
    public float[] vector;

    public Embedding() {
    }

    public Embedding(String label, float... vector) {
        this.label = label;
        this.vector = vector;
    }
}
