package dev.scimsync.scim;

import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.client5.http.ssl.HttpClientHostnameVerifier;

/**
 * The client's trust: the JVM's CAs, plus those of {@code target.ca-file} when given. A certificate neither trusts
 * is refused with an {@link UntrustedCertificateException} that names the host, subject and issuer. Remembers the
 * chain the target last presented, for {@code check-target}. There is no way to trust everything.
 */
final class TargetTrust extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager jvm;
    private final X509ExtendedTrustManager bundle;
    private final Path caFile;
    private volatile List<X509Certificate> lastChain = List.of();

    TargetTrust(CaBundle caBundle) {
        this.jvm = trustManager(null);
        this.caFile = caBundle == null ? null : caBundle.file();
        this.bundle = caBundle == null ? null : trustManager(keyStore(caBundle));
    }

    /** A TLS context that trusts as this does. */
    SSLContext sslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {this}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM offers no TLS", e);
        }
    }

    /**
     * HttpClient's host name check, refusing in the same words as the trust check: the host, the certificate's
     * subject and issuer, and the names it holds.
     */
    static final class HostNames implements HttpClientHostnameVerifier {

        private final DefaultHostnameVerifier names = new DefaultHostnameVerifier();

        @Override
        public void verify(String host, X509Certificate certificate) throws SSLException {
            try {
                names.verify(host, certificate);
            } catch (SSLException e) {
                SSLPeerUnverifiedException refused = new SSLPeerUnverifiedException(
                        UntrustedCertificateException.wrongHost(host, certificate, null).getMessage());
                refused.initCause(e);
                throw refused;
            }
        }

        @Override
        public boolean verify(String host, SSLSession session) {
            return names.verify(host, session);
        }
    }

    /** The certificates the target presented in its last handshake, leaf first; empty before one (or for http). */
    List<X509Certificate> lastChain() {
        return lastChain;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        String host = socket instanceof SSLSocket ssl ? peerHost(ssl.getHandshakeSession()) : null;
        check(chain, host, manager -> manager.checkServerTrusted(chain, authType, socket),
                manager -> manager.checkServerTrusted(chain, authType));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        String host = engine == null ? null : peerHost(engine.getHandshakeSession());
        check(chain, host, manager -> manager.checkServerTrusted(chain, authType, engine),
                manager -> manager.checkServerTrusted(chain, authType));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, null, manager -> manager.checkServerTrusted(chain, authType),
                manager -> manager.checkServerTrusted(chain, authType));
    }

    private interface Check {
        void run(X509ExtendedTrustManager manager) throws CertificateException;
    }

    /**
     * Trusted when the JVM's CAs or the bundle's accept the chain (with the host name check the connection asks
     * for). When neither does, tells apart a chain no CA vouches for from a trusted one for another host name.
     */
    private void check(X509Certificate[] chain, String host, Check full, Check chainOnly) throws CertificateException {
        lastChain = chain == null ? List.of() : List.copyOf(Arrays.asList(chain));
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the target presented no certificate");
        }
        CertificateException refused;
        try {
            full.run(jvm);
            return;
        } catch (CertificateException e) {
            refused = e;
        }
        if (bundle != null) {
            try {
                full.run(bundle);
                return;
            } catch (CertificateException e) {
                // the JVM's refusal is reported unless the bundle knows the issuer (then the name is wrong)
                if (trustsChain(bundle, chainOnly)) {
                    refused = e;
                }
            }
        }
        String shownHost = host == null ? "the target" : host;
        if (trustsChain(jvm, chainOnly) || bundle != null && trustsChain(bundle, chainOnly)) {
            throw UntrustedCertificateException.wrongHost(shownHost, chain[0], refused);
        }
        throw UntrustedCertificateException.untrusted(shownHost, chain, caFile, refused);
    }

    private static boolean trustsChain(X509ExtendedTrustManager manager, Check chainOnly) {
        try {
            chainOnly.run(manager);
            return true;
        } catch (CertificateException e) {
            return false;
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("the SCIM client does not accept client connections");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("the SCIM client does not accept client connections");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the SCIM client does not accept client connections");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        X509Certificate[] own = jvm.getAcceptedIssuers();
        if (bundle == null) {
            return own;
        }
        X509Certificate[] extra = bundle.getAcceptedIssuers();
        X509Certificate[] all = Arrays.copyOf(own, own.length + extra.length);
        System.arraycopy(extra, 0, all, own.length, extra.length);
        return all;
    }

    private static String peerHost(SSLSession session) {
        return session == null ? null : session.getPeerHost();
    }

    private static KeyStore keyStore(CaBundle caBundle) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (X509Certificate certificate : caBundle.certificates()) {
                store.setCertificateEntry("ca-" + n++, certificate);
            }
            return store;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot hold the CA bundle in a key store", e);
        }
    }

    /** The PKIX trust manager of {@code store}, or of the JVM's default CAs when null. */
    private static X509ExtendedTrustManager trustManager(KeyStore store) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509ExtendedTrustManager extended) {
                    return extended;
                }
            }
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager) {
                    throw new IllegalStateException("the JVM's trust manager cannot check host names");
                }
            }
            throw new IllegalStateException("the JVM offers no X.509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM offers no trust manager", e);
        }
    }
}
