package io.scratchbird.demo.web;

import io.scratchbird.demo.Geo;
import io.scratchbird.demo.stores.Store;
import io.scratchbird.demo.stores.StoreRepository;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.springframework.data.domain.Limit;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@Validated
@RequestMapping("/api/stores")
@Transactional(readOnly = true)
public class StoreController {

    /** A store as the API shows it, with its distance from the point asked about when there is one. */
    public record StoreView(long id, String name, String city, double longitude, double latitude, Double distanceKm) {

        static StoreView of(Store s, Double fromLongitude, Double fromLatitude) {
            double lon = s.getLocation().getX();
            double lat = s.getLocation().getY();
            Double km = fromLongitude == null ? null
                    : Math.hypot(lon - fromLongitude, lat - fromLatitude) * Geo.KM_PER_DEGREE;
            return new StoreView(s.getId(), s.getName(), s.getCity(), lon, lat, km);
        }
    }

    private final StoreRepository stores;

    public StoreController(StoreRepository stores) {
        this.stores = stores;
    }

    @GetMapping
    public List<StoreView> all() {
        return stores.findAll().stream().map(s -> StoreView.of(s, null, null)).toList();
    }

    /** The stores nearest to a point. */
    @GetMapping("/nearest")
    public List<StoreView> nearest(@RequestParam @DecimalMin("-90") @DecimalMax("90") double lat,
                                   @RequestParam @DecimalMin("-180") @DecimalMax("180") double lon,
                                   @RequestParam(defaultValue = "1") int limit) {
        if (limit < 1 || limit > 50) {
            throw new BadRequestException("limit", "must be between 1 and 50");
        }
        return stores.findNearest(Geo.point(lon, lat), Limit.of(limit)).stream().map(s -> StoreView.of(s, lon, lat)).toList();
    }

    /** The stores within a radius (kilometres, planar approximation) of a point. */
    @GetMapping("/within")
    public List<StoreView> within(@RequestParam @DecimalMin("-90") @DecimalMax("90") double lat,
                                  @RequestParam @DecimalMin("-180") @DecimalMax("180") double lon,
                                  @RequestParam @DecimalMin("0.001") @DecimalMax("20000") double km) {
        return stores.findWithin(Geo.point(lon, lat), km / Geo.KM_PER_DEGREE).stream()
                .map(s -> StoreView.of(s, lon, lat)).toList();
    }
}
