package io.scratchbird.hibernate.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/** JTS geometries as hibernate-spatial maps them, plus the driver's own Geometry class. */
@Entity
public class Place {

    @Id
    @GeneratedValue
    public Long id;

    public String name;
    public Point location;
    public Polygon area;
    public Geometry anyShape;
    public io.scratchbird.types.Geometry driverShape;

    public Place() {
    }

    public Place(String name) {
        this.name = name;
    }
}
