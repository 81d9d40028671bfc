package dev.scimsync.scim;

import feign.FeignException;
import feign.InvocationHandlerFactory;
import feign.Target;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Makes sure callers only ever see {@link ScimException}s: the few failures that still leave Feign as a plain
 * {@link FeignException} (a 2xx body that could not be read or decoded) are translated. A POST that failed this way
 * may well have created the resource, so it becomes a {@link ScimUnknownOutcomeException}.
 */
final class TypedExceptions implements InvocationHandlerFactory {

    private final InvocationHandlerFactory delegate = new InvocationHandlerFactory.Default();
    private final String baseUrl;

    TypedExceptions(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public InvocationHandler create(Target target, Map<Method, MethodHandler> dispatch) {
        InvocationHandler handler = delegate.create(target, dispatch);
        return (proxy, method, args) -> {
            try {
                return handler.invoke(proxy, method, args);
            } catch (FeignException e) {
                throw translate(e);
            }
        };
    }

    ScimException translate(FeignException e) {
        if (e.getCause() instanceof ScimException typed) {
            return typed; // decoded already, e.g. a GraphQL error answered with HTTP 200
        }
        String method = e.hasRequest() ? e.request().httpMethod().name() : "?";
        String url = e.hasRequest() ? e.request().url() : baseUrl;
        String message = method + ' ' + ScimErrors.path(url, baseUrl) + " → "
                + (e.status() > 0 ? Integer.toString(e.status()) : "no response")
                + ", but the response could not be read (" + e.getMessage() + ')';
        if ("POST".equals(method)) {
            return new ScimUnknownOutcomeException(message + " — the outcome is unknown: look it up before"
                    + " sending it again", e.status(), null, method, url, e);
        }
        return new ScimException(message, e.status(), null, method, url, e);
    }
}
