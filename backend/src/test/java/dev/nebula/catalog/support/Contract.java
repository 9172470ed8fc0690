package dev.nebula.catalog.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;

import java.nio.file.Path;

/**
 * The one filter every API test puts on its requests: request and response must match openapi/catalog-api.yaml.
 * Calls to paths or methods the contract does not have (tests of our 404/405 handling) are let through
 * unvalidated, as are missing credentials (tests of our 401s). Tests that send deliberately invalid input use {@link #BAD_REQUEST}, which still validates the
 * response (the error body) in full.
 */
public final class Contract {

    public static final Path SPEC = Path.of("..", "openapi", "catalog-api.yaml");

    public static final OpenApiValidationFilter FILTER = filter(false);

    /** For tests of bad input: the request may break the contract on purpose; the response may not. */
    public static final OpenApiValidationFilter BAD_REQUEST = filter(true);

    private Contract() {
    }

    private static OpenApiValidationFilter filter(boolean tolerateInvalidRequests) {
        LevelResolver.Builder levels = LevelResolver.create()
                .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
                .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.IGNORE)
                // tests of our 401 answers call secured operations without credentials on purpose
                .withLevel("validation.request.security.missing", ValidationReport.Level.IGNORE);
        if (tolerateInvalidRequests) {
            levels.withLevel("validation.request.body", ValidationReport.Level.IGNORE)
                    .withLevel("validation.request.parameter", ValidationReport.Level.IGNORE)
                    .withLevel("validation.request.contentType", ValidationReport.Level.IGNORE)
                    .withLevel("validation.request.security", ValidationReport.Level.IGNORE);
        }
        return new OpenApiValidationFilter(OpenApiInteractionValidator
                .createForSpecificationUrl(SPEC.toUri().toString()).withLevelResolver(levels.build()).build());
    }
}
