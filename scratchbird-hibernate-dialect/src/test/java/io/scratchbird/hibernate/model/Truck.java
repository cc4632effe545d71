package io.scratchbird.hibernate.model;

import jakarta.persistence.Entity;

@Entity
public class Truck extends Vehicle {

    public int axles;

    public Truck() {
    }

    public Truck(Long id, String maker, int axles) {
        super(id, maker);
        this.axles = axles;
    }
}
