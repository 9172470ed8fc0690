package dev.nebula.catalog.web;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * The names callers give a resource method's parameters. They are declared on the generated endpoint interface the
 * resource implements, not on the resource's own method, so both are searched.
 */
final class EndpointParameters {

    private EndpointParameters() {
    }

    /** The query, path or header name of parameter {@code index}; null for a body. */
    static String requestName(Method method, int index) {
        for (Method m : declarations(method)) {
            String name = nameIn(m.getParameterAnnotations()[index]);
            if (name != null) {
                return name;
            }
        }
        return null;
    }

    /** Which parameter of {@code method} of {@code type} the caller sent {@code value} in, or null. */
    static String carrying(Method method, Class<?> type, String value, UriInfo uri, HttpHeaders headers) {
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            String name = types[i] == type ? requestName(method, i) : null;
            if (name != null && (contains(uri.getQueryParameters().get(name), value)
                    || contains(uri.getPathParameters().get(name), value)
                    || contains(headers.getRequestHeader(name), value))) {
                return name;
            }
        }
        return null;
    }

    private static boolean contains(List<String> values, String value) {
        return values != null && values.contains(value);
    }

    private static String nameIn(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
            if (a instanceof PathParam p) {
                return p.value();
            }
            if (a instanceof HeaderParam h) {
                return h.value();
            }
        }
        return null;
    }

    /** The method and the methods it implements, up the class hierarchy (CDI subclasses included). */
    private static List<Method> declarations(Method method) {
        List<Method> found = new ArrayList<>(List.of(method));
        for (Class<?> c = method.getDeclaringClass(); c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                try {
                    found.add(i.getMethod(method.getName(), method.getParameterTypes()));
                } catch (NoSuchMethodException ignored) {
                    // not declared there
                }
            }
        }
        return found;
    }
}
