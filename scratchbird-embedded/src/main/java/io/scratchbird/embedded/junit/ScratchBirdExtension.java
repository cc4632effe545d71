package io.scratchbird.embedded.junit;

import io.scratchbird.embedded.EmbeddedScratchBird;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.function.Consumer;

/**
 * JUnit 5 extension that runs a fresh in-memory embedded server for a test class, on an
 * ephemeral port, and stops it afterwards.
 *
 * <pre>{@code
 * @RegisterExtension
 * static ScratchBirdExtension db = ScratchBirdExtension.inMemory();
 *
 * @Test void works() { String url = db.server().jdbcUrl(); }
 * }</pre>
 *
 * Test methods may also declare an {@link EmbeddedScratchBird} parameter.
 */
public final class ScratchBirdExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private final Consumer<EmbeddedScratchBird.Builder> customizer;
    private EmbeddedScratchBird server;

    private ScratchBirdExtension(Consumer<EmbeddedScratchBird.Builder> customizer) {
        this.customizer = customizer;
    }

    /** An in-memory server with the development defaults on an ephemeral port. */
    public static ScratchBirdExtension inMemory() {
        return new ScratchBirdExtension(b -> {
        });
    }

    /** An in-memory server on an ephemeral port, further configured by {@code customizer}. */
    public static ScratchBirdExtension configured(Consumer<EmbeddedScratchBird.Builder> customizer) {
        return new ScratchBirdExtension(customizer);
    }

    /** The running server (between the class's first and last test). */
    public EmbeddedScratchBird server() {
        if (server == null) {
            throw new IllegalStateException("the embedded server runs only while the test class runs");
        }
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        EmbeddedScratchBird.Builder b = EmbeddedScratchBird.builder().inMemory().port(0);
        customizer.accept(b);
        server = b.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == EmbeddedScratchBird.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        return server();
    }
}
