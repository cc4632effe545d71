package io.scratchbird.demo.stores;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.locationtech.jts.geom.Point;

/** A shop with its location: a JTS point in WGS 84 (SRID 4326), as hibernate-spatial maps it. */
@Entity
public class Store {

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, length = 80, unique = true)
    private String name;

    @Column(length = 80)
    private String city;

    private Point location;

    protected Store() {
    }

    public Store(String name, String city, Point location) {
        this.name = name;
        this.city = city;
        this.location = location;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getCity() {
        return city;
    }

    public Point getLocation() {
        return location;
    }
}
