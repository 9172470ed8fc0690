package dev.nebula.catalog.nebula;

import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Every non-2xx answer from Nebula becomes a classified {@link NebulaException}, whatever the body's shape. */
public class NebulaResponseMapper implements ResponseExceptionMapper<NebulaException> {

    @Override
    public NebulaException toThrowable(Response response) {
        String body;
        try {
            body = response.hasEntity() ? response.readEntity(String.class) : "";
        } catch (RuntimeException e) {
            body = "";
        }
        return NebulaErrors.fromResponse(response.getStatus(), body);
    }

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }
}
