package io.scratchbird.spring.data.app;

import io.scratchbird.spring.data.VectorSearchRepository;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface ProductRepository
        extends JpaRepository<Product, Long>, JpaSpecificationExecutor<Product>, VectorSearchRepository<Product> {
}
