package io.scratchbird.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.scratchbird.spring.boot.autoconfigure.app.Note;
import io.scratchbird.spring.boot.autoconfigure.app.NoteRepository;
import io.scratchbird.spring.boot.autoconfigure.app.TestApplication;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * JPA + repositories + actuator over HTTP against the embedded default: {@code /actuator/health}
 * with Boot's {@code db} and the starter's {@code scratchbird} contributors, and
 * {@code /actuator/metrics} with HikariCP's and the starter's meters.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "scratchbird.embedded.in-memory=true",
        "spring.jpa.hibernate.ddl-auto=create-drop",
        "management.endpoints.web.exposure.include=health,metrics",
        "management.endpoint.health.show-details=always" })
class ActuatorHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    NoteRepository notes;

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void healthShowsDbAndScratchBird() throws Exception {
        JsonNode health = get("/actuator/health");
        assertThat(health.path("status").asString()).isEqualTo("UP");
        JsonNode db = health.path("components").path("db");
        assertThat(db.path("status").asString()).isEqualTo("UP");
        assertThat(db.path("details").path("database").asString()).isEqualTo("ScratchBird");
        JsonNode scratchbird = health.path("components").path("scratchbird");
        assertThat(scratchbird.path("status").asString()).isEqualTo("UP");
        assertThat(scratchbird.path("details").path("embedded").asBoolean()).isTrue();
        assertThat(scratchbird.path("details").has("version")).isTrue();
        assertThat(scratchbird.path("details").has("role")).isTrue();
        assertThat(scratchbird.path("details").path("pingMillis").isNumber()).isTrue();
    }

    @Test
    void metricsListPoolAndClientMeters() throws Exception {
        notes.save(new Note("metered", 1));
        assertThat(notes.count()).isPositive();

        JsonNode names = get("/actuator/metrics").path("names");
        assertThat(names.values().stream().map(JsonNode::asString))
                .contains("hikaricp.connections", "hikaricp.connections.active", "scratchbird.client.statements",
                        "scratchbird.client.rows",
                        // Boot's meter observation handler turns each statement Observation into a timer too.
                        "scratchbird.client.statement");

        JsonNode pool = get("/actuator/metrics/hikaricp.connections");
        assertThat(pool.path("availableTags").values().stream()
                .filter(t -> t.path("tag").asString().equals("pool"))
                .flatMap(t -> t.path("values").values().stream()).map(JsonNode::asString)).contains("scratchbird");

        JsonNode statements = get("/actuator/metrics/scratchbird.client.statements?tag=outcome:success&tag=pool:scratchbird");
        double count = statements.path("measurements").values().stream()
                .filter(m -> m.path("statistic").asString().equals("COUNT"))
                .mapToDouble(m -> m.path("value").asDouble()).sum();
        assertThat(count).isGreaterThanOrEqualTo(2);
    }
}
