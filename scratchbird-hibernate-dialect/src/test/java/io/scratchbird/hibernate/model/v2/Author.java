package io.scratchbird.hibernate.model.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The next version of {@link io.scratchbird.hibernate.model.Author}: one more column. */
@Entity
public class Author {

    @Id
    public Long id;

    @Column(nullable = false, length = 80)
    public String name;

    @Column(length = 120)
    public String email;
}
