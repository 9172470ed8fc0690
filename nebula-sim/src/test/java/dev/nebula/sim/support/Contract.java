package dev.nebula.sim.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import com.atlassian.oai.validator.whitelist.rule.WhitelistRules;
import java.nio.file.Files;
import java.nio.file.Path;

/** Validates simulator responses against the adopted Nebula contract (openapi/nebula-v2-upstream.openapi.yaml). */
public final class Contract {

    private Contract() {
    }

    /**
     * The contract marks these detail fields {@code nullable: true} around an {@code allOf: [$ref]}, which is correct
     * OpenAPI 3.0 but which the validator cannot evaluate for a null value. Only the null case is whitelisted; a
     * present object is still validated in full.
     */
    private static final ValidationErrorsWhitelist NULLABLE_OBJECTS = ValidationErrorsWhitelist.create().withRule(
            "nullable allOf objects in ModelDetailView", WhitelistRules.allOf(WhitelistRules.isResponse(),
                    WhitelistRules.messageContainsRegexp(
                            "\\[Path '/(deployment|placement|download_progress|cache_status)'\\] "
                                    + "Instance type \\(null\\) does not match")));

    private static final OpenApiInteractionValidator VALIDATOR = build();

    private static OpenApiInteractionValidator build() {
        String location = System.getProperty("nebula.openapi", "../openapi/nebula-v2-upstream.openapi.yaml");
        try {
            return OpenApiInteractionValidator.createForInlineApiSpecification(Files.readString(Path.of(location)))
                    // Merging allOf keeps the validator's implicit additionalProperties=false from failing
                    // CacheEntryView (ModelCacheEntry + matched_model_uids).
                    .withResolveRefs(true).withResolveCombinators(true)
                    .withWhitelist(NULLABLE_OBJECTS)
                    .build();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read the Nebula contract at " + location, e);
        }
    }

    /** Throws AssertionError listing every violation. */
    public static void assertValid(String method, String path, Resp resp) {
        SimpleResponse.Builder b = SimpleResponse.Builder.status(resp.status());
        if (resp.contentType() != null) {
            b.withContentType(resp.contentType());
        }
        if (!resp.body().isEmpty()) {
            b.withBody(resp.body());
        }
        ValidationReport report = VALIDATOR.validateResponse(path, Request.Method.valueOf(method), b.build());
        if (report.hasErrors()) {
            throw new AssertionError(method + " " + path + " -> " + resp.status() + " violates the Nebula contract:\n"
                    + SimpleValidationReportFormat.getInstance().apply(report) + "\nbody: " + resp.body());
        }
    }
}
