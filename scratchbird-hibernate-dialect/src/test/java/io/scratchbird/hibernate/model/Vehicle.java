package io.scratchbird.hibernate.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

/** Joined inheritance: an HQL bulk delete spans two tables and needs a temporary id table. */
@Entity
@Inheritance(strategy = InheritanceType.JOINED)
public class Vehicle {

    @Id
    public Long id;

    public String maker;

    public Vehicle() {
    }

    public Vehicle(Long id, String maker) {
        this.id = id;
        this.maker = maker;
    }
}
