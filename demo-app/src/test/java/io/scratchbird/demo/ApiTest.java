package io.scratchbird.demo;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every endpoint over real HTTP against the embedded server, including each error path. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "scratchbird.embedded.in-memory=true")
class ApiTest {

    @Value("${local.server.port}")
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    Http http() {
        return new Http(port);
    }

    static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.get("name").asString()));
        return names;
    }

    @Test
    void listsTheSeededCatalogue() throws Exception {
        var r = http().get("/api/products");
        assertEquals(200, r.status());
        JsonNode products = r.json();
        assertTrue(products.size() >= 8);
        JsonNode table = null;
        for (JsonNode p : products) {
            if (p.get("sku").asString().equals("OAK-TABLE")) {
                table = p;
            }
        }
        assertEquals("oak", table.get("attributes").get("material").asString());
        assertEquals("2026-03-01", table.get("availableFrom").asString());
        assertTrue(table.get("availableUntil").isNull());
        assertEquals("Rive Gauche", table.get("store").asString());
        long id = table.get("id").asLong();
        assertEquals("Oak dining table", http().get("/api/products/" + id).json().get("name").asString());
    }

    @Test
    void similarProductsComeFromTheEmbeddings() throws Exception {
        String method = jdbc.queryForObject("SELECT index_type FROM sys.indexes WHERE index_name = ?", String.class,
                SearchIndexes.PRODUCT_EMBEDDING);
        assertTrue("hnsw".equalsIgnoreCase(method), "the HNSW index behind the query exists: " + method);
        long sofa = idOf("RED-SOFA");
        var r = http().get("/api/products/" + sofa + "/similar?limit=2");
        assertEquals(200, r.status());
        List<String> similar = names(r.json());
        assertEquals(2, similar.size());
        assertEquals("Red velvet armchair", similar.get(0));
        assertFalse(similar.contains("Red velvet sofa"));
    }

    @Test
    void jsonbAndRangeQueries() throws Exception {
        assertEquals(List.of("Red velvet armchair", "Red velvet sofa"),
                names(http().get("/api/products?attribute=color&value=red").json()));
        List<String> winter = names(http().get("/api/products?availableOn=2026-12-24").json());
        assertTrue(winter.contains("Wool rug"), winter::toString);
        assertFalse(winter.contains("Red velvet sofa"), winter::toString);
    }

    @Test
    void spatialQueries() throws Exception {
        JsonNode nearest = http().get("/api/stores/nearest?lat=48.8584&lon=2.2945").json();
        assertEquals("Rive Gauche", nearest.get(0).get("name").asString());
        assertTrue(nearest.get(0).get("distanceKm").asDouble() < 10);
        List<String> within = names(http().get("/api/stores/within?lat=48.8584&lon=2.2945&km=500").json());
        assertEquals(List.of("Rive Gauche", "Southbank", "Presqu'île"), within);
    }

    @Test
    void createsAProduct() throws Exception {
        var r = http().post("/api/products", """
                {"sku":"TEAK-STOOL","name":"Teak stool","price":59.5,"attributes":{"color":"brown","legs":3},
                 "availableFrom":"2026-01-01","availableUntil":"2026-06-30"}""");
        assertEquals(201, r.status(), r.body());
        JsonNode created = r.json();
        assertEquals("[2026-01-01,2026-06-30)", created.get("availability").asString());
        long id = created.get("id").asLong();
        assertEquals(3, http().get("/api/products/" + id).json().get("attributes").get("legs").asInt());
    }

    @Test
    void invalidBodyIs400NamingTheFields() throws Exception {
        var r = http().post("/api/products", """
                {"sku":"bad sku","name":"","price":-1}""");
        assertEquals(400, r.status(), r.body());
        JsonNode fields = r.json().get("fields");
        assertTrue(fields.has("sku") && fields.has("name") && fields.has("price"), r.body());
        assertFalse(r.body().contains("Exception"), r.body());

        var dates = http().post("/api/products", """
                {"sku":"X-1","name":"x","price":1,"availableFrom":"2026-05-01","availableUntil":"2026-04-01"}""");
        assertEquals(400, dates.status(), dates.body());
        assertTrue(dates.json().get("fields").has("availableUntil"), dates.body());

        var notJson = http().post("/api/products", "{not json");
        assertEquals(400, notJson.status(), notJson.body());
    }

    @Test
    void badParametersAre400() throws Exception {
        var lat = http().get("/api/stores/nearest?lat=200&lon=2");
        assertEquals(400, lat.status(), lat.body());
        assertTrue(lat.json().get("fields").has("lat"), lat.body());
        var type = http().get("/api/products/abc");
        assertEquals(400, type.status(), type.body());
        assertTrue(type.json().get("fields").has("id"), type.body());
        var missing = http().get("/api/stores/within?lat=1&lon=1");
        assertEquals(400, missing.status(), missing.body());
        assertTrue(missing.json().get("fields").has("km"), missing.body());
        var attribute = http().get("/api/products?attribute=a.b&value=1");
        assertEquals(400, attribute.status(), attribute.body());
        var limit = http().get("/api/products/" + idOf("OAK-TABLE") + "/similar?limit=0");
        assertEquals(400, limit.status(), limit.body());
    }

    @Test
    void duplicateSkuIs409() throws Exception {
        var r = http().post("/api/products", """
                {"sku":"OAK-TABLE","name":"Another table","price":10}""");
        assertEquals(409, r.status(), r.body());
        assertEquals("uk_product_sku", r.json().get("constraint").asString());
        assertFalse(r.body().contains("Exception"), r.body());
    }

    @Test
    void unknownIdsAre404() throws Exception {
        assertEquals(404, http().get("/api/products/999999").status());
        assertEquals(404, http().get("/api/products/999999/similar").status());
        assertEquals(404, http().post("/api/products", """
                {"sku":"NEW-1","name":"x","price":1,"storeId":424242}""").status());
    }

    @Test
    void actuatorHealthAndMetrics() throws Exception {
        var health = http().get("/actuator/health");
        assertEquals(200, health.status(), health.body());
        JsonNode components = health.json().get("components");
        assertEquals("UP", components.get("db").get("status").asString(), health.body());
        assertEquals("UP", components.get("scratchbird").get("status").asString(), health.body());
        var metrics = http().get("/actuator/metrics");
        assertEquals(200, metrics.status());
        assertTrue(metrics.body().contains("hikaricp.connections"), metrics.body());
        assertTrue(metrics.body().contains("scratchbird.client.statements"), metrics.body());
    }

    @Test
    void theHomePageIsServed() throws Exception {
        var r = http().get("/");
        assertEquals(200, r.status());
        assertTrue(r.body().contains("Store catalogue on ScratchBird"));
    }

    private long idOf(String sku) throws Exception {
        for (JsonNode p : http().get("/api/products").json()) {
            if (p.get("sku").asString().equals(sku)) {
                return p.get("id").asLong();
            }
        }
        throw new AssertionError("no product " + sku);
    }
}
