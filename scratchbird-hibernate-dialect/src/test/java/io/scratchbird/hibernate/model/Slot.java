package io.scratchbird.hibernate.model;

import io.scratchbird.types.Range;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/** Every range type, with no annotation: the bound type picks the column type. */
@Entity
public class Slot {

    @Id
    @GeneratedValue
    public Long id;

    public String label;
    public Range<Integer> seats;
    public Range<Long> ticketNumbers;
    public Range<BigDecimal> priceBand;
    public Range<LocalDate> days;
    public Range<LocalDateTime> localHours;
    public Range<OffsetDateTime> hours;

    public Slot() {
    }

    public Slot(String label) {
        this.label = label;
    }
}
