package dev.scimsync.scim;

/** The target's dialect cannot do this (e.g. reactivate a user on W&B multi-tenant SaaS, or custom roles on scim2). */
public class UnsupportedByDialectException extends UnsupportedOperationException {

    public UnsupportedByDialectException(String message) {
        super(message);
    }
}
