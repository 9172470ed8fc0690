package dev.nebula.catalog.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;

import java.nio.file.Path;

/**
 * The one filter every API test puts on its requests: request and response must match openapi/catalog-api.yaml.
 * Calls to paths or methods the contract does not have (tests of our 404/405 handling) are let through
 * unvalidated, as are missing credentials (tests of our 401s); everything else is validated in full.
 */
public final class Contract {

    public static final Path SPEC = Path.of("..", "openapi", "catalog-api.yaml");

    public static final OpenApiValidationFilter FILTER = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForSpecificationUrl(SPEC.toUri().toString())
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
                            .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.IGNORE)
                            // tests of our 401 answers call secured operations without credentials on purpose
                            .withLevel("validation.request.security.missing", ValidationReport.Level.IGNORE)
                            .build())
                    .build());

    private Contract() {
    }
}
