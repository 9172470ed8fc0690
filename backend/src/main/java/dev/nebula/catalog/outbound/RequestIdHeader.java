package dev.nebula.catalog.outbound;

import dev.nebula.catalog.web.RequestIds;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

/** Every upstream call carries the id of the request that caused it, so one id follows a request through all logs. */
public class RequestIdHeader implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext ctx) {
        ctx.getHeaders().putSingle(RequestIds.HEADER, RequestIds.current());
    }
}
