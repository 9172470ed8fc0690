package dev.nebula.catalog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Typed view of the product's own settings ({@code catalog.*}); environment variables map onto them. */
@ConfigMapping(prefix = "catalog")
public interface CatalogConfig {

    /** Where the embedded database, generated keys and other local state live. */
    @WithDefault("data")
    String dataDir();

    Nebula nebula();

    Hubs hubs();

    Auth auth();

    Inventory inventory();

    /** The downloaded-models snapshot (see docs/inventory.md). */
    interface Inventory {
        /** A snapshot younger than this is served without asking Nebula. */
        @WithDefault("1s")
        Duration freshFor();

        /** With a snapshot in hand, wait no longer than this for Nebula before answering from it (stale). */
        @WithDefault("800ms")
        Duration slowAfter();

        /** Without any snapshot, how long the first caller waits before getting 503. */
        @WithDefault("11s")
        Duration firstWait();

        /** Model details fetched at once during a refresh. */
        @WithDefault("8")
        int detailConcurrency();
    }

    interface Auth {
        /** File holding the base64 AES-256 key that encrypts stored Nebula sessions (generated on first start). */
        Optional<String> sessionKeyFile();
    }

    interface Nebula {
        /** Nebula BFF base URL; empty means "not configured" (Main then starts the simulator). */
        Optional<String> url();

        /** True when the URL points at the built-in simulator (set by Main or by tests). */
        @WithDefault("false")
        boolean simulated();

        @WithDefault("2s")
        Duration connectTimeout();

        @WithDefault("5s")
        Duration readTimeout();
    }

    interface Hubs {
        Hub huggingface();

        Hub modelscope();
    }

    interface Hub {
        @WithDefault("true")
        boolean enabled();

        String endpoint();

        Optional<String> token();
    }
}
