package io.scratchbird.demo.catalog;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** What a client sends to create a product; every rule here answers 400 naming the field. */
public record NewProduct(
        @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Z0-9-]+", message = "must be upper-case letters, digits and dashes")
        String sku,
        @NotBlank @Size(max = 120) String name,
        @Size(max = 1000) String description,
        @NotNull @DecimalMin(value = "0.01") @Digits(integer = 8, fraction = 2) BigDecimal price,
        Map<String, Object> attributes,
        LocalDate availableFrom,
        LocalDate availableUntil,
        Long storeId) {

    @AssertTrue(message = "must not be before availableFrom")
    public boolean isAvailableUntil() {
        return availableFrom == null || availableUntil == null || !availableUntil.isBefore(availableFrom);
    }
}
