package dev.nebula.catalog.web;

import jakarta.validation.constraints.Max;
import jakarta.ws.rs.QueryParam;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;

/**
 * A bound of the contract that code needs as a number too (the deepest search page a cursor may lead to), read off
 * the generated endpoint so that it is stated once, in openapi/catalog-api.yaml.
 */
public final class ContractLimits {

    private ContractLimits() {
    }

    /** The {@code maximum} of query parameter {@code parameter} of {@code operation} on {@code endpoints}. */
    public static long max(Class<?> endpoints, String operation, String parameter) {
        for (Method m : endpoints.getMethods()) {
            if (!m.getName().equals(operation)) {
                continue;
            }
            for (Annotation[] annotations : m.getParameterAnnotations()) {
                if (named(annotations, parameter)) {
                    for (Annotation a : annotations) {
                        if (a instanceof Max max) {
                            return max.value();
                        }
                    }
                }
            }
        }
        throw new IllegalStateException("the contract gives " + operation + "." + parameter + " no maximum");
    }

    private static boolean named(Annotation[] annotations, String parameter) {
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q && q.value().equals(parameter)) {
                return true;
            }
        }
        return false;
    }
}
