package dev.nebula.catalog.auth;

import dev.nebula.catalog.support.Contract;
import dev.nebula.catalog.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.restassured.RestAssured.given;

/**
 * One table: every endpoint × {anonymous, viewer, operator, admin} → the status each must get. A valid token
 * without the role gets 403; no token gets 401. Bodies are deliberately minimal: the table is about who may
 * reach the endpoint, not what it then decides.
 */
@QuarkusTest
class RoleMatrixTest {

    /** method, path, body (or null), anonymous, viewer, operator, admin. */
    static final Object[][] MATRIX = {
            {"GET", "/api/v2/catalog/capabilities", null, 200, 200, 200, 200},
            {"GET", "/api/v2/catalog/auth/me", null, 401, 200, 200, 200},
            {"GET", "/api/v2/catalog/audit", null, 401, 403, 403, 200},
            {"GET", "/api/v2/catalog/search?provider=huggingface&q=qwen", null, 401, 200, 200, 200},
            {"POST", "/api/v2/catalog/import/preflight", "{\"provider\":\"huggingface\",\"model_id\":\"Qwen/Qwen2.5-7B-Instruct\"}", 401, 403, 200, 200},
            {"GET", "/api/v2/catalog/import/uid-check?model_uid=role-matrix-uid", null, 401, 403, 200, 200},
            {"POST", "/api/v2/catalog/import", "{\"provider\":\"huggingface\",\"model_id\":\"Qwen/Qwen2.5-7B-Instruct\",\"model_uid\":\"bge-m3\"}", 401, 403, 409, 409},
            {"GET", "/api/v2/catalog/imports/00000000-0000-0000-0000-000000000000", null, 401, 404, 404, 404},
            {"GET", "/api/v2/catalog/search/huggingface/Qwen/Qwen2.5-7B-Instruct", null, 401, 200, 200, 200},
            {"GET", "/api/v2/catalog/models", null, 401, 200, 200, 200},
            {"GET", "/api/v2/catalog/models/bge-m3", null, 401, 200, 200, 200},
            {"GET", "/api/v2/catalog/models/bge-m3/delete-impact", null, 401, 200, 200, 200},
            {"DELETE", "/api/v2/catalog/models/inv-matrix-no-such-model", null, 401, 403, 403, 404},
            {"GET", "/api/v2/catalog/nodes", null, 401, 200, 200, 200},
            {"POST", "/api/v2/catalog/model-deletions/impact", "{\"model_uids\":[\"bge-m3\"]}", 401, 200, 200, 200},
            // an admin reaches it: the one delete fails (no such model) and says so in its result
            {"POST", "/api/v2/catalog/model-deletions", "{\"model_uids\":[\"inv-matrix-no-such-model\"],\"confirmation\":\"delete 1 model\"}", 401, 403, 403, 200},
            {"POST", "/api/v2/catalog/import/preflight/batch", "{\"items\":[{\"provider\":\"huggingface\",\"model_id\":\"Qwen/Qwen2.5-7B-Instruct\"}]}", 401, 403, 200, 200},
            {"POST", "/api/v2/catalog/import/batch", "{\"items\":[{\"provider\":\"huggingface\",\"model_id\":\"Qwen/Qwen2.5-7B-Instruct\",\"model_uid\":\"bge-m3\"}]}", 401, 403, 200, 200},
            {"POST", "/api/v2/catalog/models/inv-matrix-no-such-model/start", null, 401, 403, 404, 404},
            {"POST", "/api/v2/catalog/models/inv-matrix-no-such-model/stop", null, 401, 403, 404, 404},
    };

    static Stream<Object[]> cases() {
        return Stream.of(MATRIX).flatMap(row -> Stream.of(
                new Object[]{row[0], row[1], row[2], "anonymous", row[3]},
                new Object[]{row[0], row[1], row[2], "viewer", row[4]},
                new Object[]{row[0], row[1], row[2], "operator", row[5]},
                new Object[]{row[0], row[1], row[2], "admin", row[6]}));
    }

    @ParameterizedTest(name = "{0} {1} as {3} -> {4}")
    @MethodSource("cases")
    void enforcesTheRoleTable(String method, String path, String body, String role, int expected) {
        RequestSpecification request = given().filter(Contract.FILTER);
        switch (role) {
            case "viewer" -> request.auth().oauth2(Tokens.viewer());
            case "operator" -> request.auth().oauth2(Tokens.operator());
            case "admin" -> request.auth().oauth2(Tokens.admin());
            default -> { }
        }
        if (body != null) {
            request.contentType("application/json").body(body);
        }
        request.when().request(method, path).then().statusCode(expected);
    }
}
