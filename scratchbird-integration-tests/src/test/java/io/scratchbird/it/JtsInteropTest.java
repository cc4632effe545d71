package io.scratchbird.it;

import io.scratchbird.embedded.junit.ScratchBirdExtension;
import io.scratchbird.types.Geometry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLDataException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JTS geometries bind and read back directly when the application has JTS (the driver does not depend on it). */
class JtsInteropTest {

    @RegisterExtension
    static ScratchBirdExtension db = ScratchBirdExtension.inMemory();

    @Test
    void jtsGeometriesRoundTripWithTheirSrid() throws Exception {
        GeometryFactory gf = new GeometryFactory(new PrecisionModel(), 4326);
        Point point = gf.createPoint(new Coordinate(13.4, 52.5));
        Polygon square = gf.createPolygon(new Coordinate[]{new Coordinate(0, 0), new Coordinate(1, 0), new Coordinate(1, 1),
                new Coordinate(0, 1), new Coordinate(0, 0)});
        try (Connection c = Servers.connect(db.server())) {
            c.createStatement().execute("create table places (id int primary key, g geometry)");
            try (PreparedStatement ps = c.prepareStatement("insert into places values (?, ?)")) {
                ps.setInt(1, 1);
                ps.setObject(2, point);
                ps.executeUpdate();
                ps.setInt(1, 2);
                ps.setObject(2, square);
                ps.executeUpdate();
            }
            try (ResultSet rs = c.createStatement().executeQuery("select g from places order by id")) {
                assertTrue(rs.next());
                Point back = rs.getObject(1, Point.class);
                assertEquals(point.getX(), back.getX());
                assertEquals(point.getY(), back.getY());
                assertEquals(4326, back.getSRID());
                assertEquals(4326, rs.getObject(1, Geometry.class).srid());
                assertTrue(rs.next());
                org.locationtech.jts.geom.Geometry any = rs.getObject(1, org.locationtech.jts.geom.Geometry.class);
                assertTrue(any.equalsExact(square));
                assertThrows(SQLDataException.class, () -> rs.getObject(1, Point.class), "a polygon is not a point");
            }
        }
    }
}
