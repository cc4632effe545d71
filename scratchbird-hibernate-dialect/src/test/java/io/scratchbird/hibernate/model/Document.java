package io.scratchbird.hibernate.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.List;
import java.util.Map;

/** JSON attributes of every shape Jackson maps, in jsonb columns; a sequence-generated key. */
@Entity
public class Document {

    /** A record: value equality. */
    public record Dimensions(double width, double height, String unit) {
    }

    /** A plain class without equals(): Hibernate must still not see it as changed on every flush. */
    public static class Settings {
        public String theme;
        public int fontSize;
        public List<String> plugins;

        public Settings() {
        }

        public Settings(String theme, int fontSize, List<String> plugins) {
            this.theme = theme;
            this.fontSize = fontSize;
            this.plugins = plugins;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "document_seq")
    @SequenceGenerator(name = "document_seq", sequenceName = "document_seq", allocationSize = 5)
    public Long id;

    @Column(length = 100)
    public String title;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> attributes;

    @JdbcTypeCode(SqlTypes.JSON)
    public Dimensions dimensions;

    @JdbcTypeCode(SqlTypes.JSON)
    public Settings settings;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> tags;

    public Document() {
    }

    public Document(String title) {
        this.title = title;
    }
}
