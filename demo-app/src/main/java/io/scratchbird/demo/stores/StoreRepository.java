package io.scratchbird.demo.stores;

import org.locationtech.jts.geom.Point;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;

/** Spatial queries with hibernate-spatial's function names, rendered by the ScratchBird dialect. */
public interface StoreRepository extends JpaRepository<Store, Long> {

    @Query("select s from Store s order by st_distance(s.location, :here), s.id")
    List<Store> findNearest(@Param("here") Point here, Limit limit);

    @Query("select s from Store s where st_dwithin(s.location, :here, :degrees) order by st_distance(s.location, :here)")
    List<Store> findWithin(@Param("here") Point here, @Param("degrees") double degrees);
}
