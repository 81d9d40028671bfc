package dev.scimsync.scim;

import java.nio.file.Path;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The target's certificate was refused, in words a person can act on: the host, the certificate's subject and
 * issuer, and what to do ({@code target.ca-file}). Thrown by the client's trust manager, so that the handshake
 * failure that reaches the client carries it as its cause.
 */
final class UntrustedCertificateException extends CertificateException {

    enum Reason { UNTRUSTED, EXPIRED, WRONG_HOST }

    private final Reason reason;

    private UntrustedCertificateException(String message, Reason reason, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    static UntrustedCertificateException untrusted(String host, X509Certificate[] chain, Path caFile,
                                                   CertificateException cause) {
        X509Certificate leaf = chain[0];
        String names = "subject " + leaf.getSubjectX500Principal().getName() + ", issued by "
                + leaf.getIssuerX500Principal().getName();
        if (has(cause, CertificateExpiredException.class) || has(cause, CertificateNotYetValidException.class)) {
            return new UntrustedCertificateException("the certificate of " + host + " (" + names + ") is not valid"
                    + " now (valid " + leaf.getNotBefore().toInstant() + " to " + leaf.getNotAfter().toInstant()
                    + "): the host must renew it", Reason.EXPIRED, cause);
        }
        String advice = caFile == null
                ? "if your company's CA issued it, set target.ca-file to a PEM bundle holding that CA"
                : "target.ca-file (" + caFile + ") holds no CA that issued it; add the issuing CA to that bundle";
        return new UntrustedCertificateException("the certificate of " + host + " is not trusted (" + names + "): "
                + advice, Reason.UNTRUSTED, cause);
    }

    static UntrustedCertificateException wrongHost(String host, X509Certificate leaf, CertificateException cause) {
        return new UntrustedCertificateException("the certificate of " + host + " (subject "
                + leaf.getSubjectX500Principal().getName() + ", issued by " + leaf.getIssuerX500Principal().getName()
                + ") is not for that host name; it names " + names(leaf) + ": use one of those in target.url",
                Reason.WRONG_HOST, cause);
    }

    Reason reason() {
        return reason;
    }

    private static String names(X509Certificate leaf) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = leaf.getSubjectAlternativeNames();
            if (alternatives != null) {
                alternatives.forEach(name -> names.add(String.valueOf(name.get(1))));
            }
        } catch (CertificateParsingException e) {
            // no readable names: say none
        }
        return names.isEmpty() ? "no host name" : String.join(", ", names);
    }

    private static boolean has(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
