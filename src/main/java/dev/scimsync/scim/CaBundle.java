package dev.scimsync.scim;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * The CA certificates of a PEM bundle ({@code target.ca-file}), trusted for the target on top of the JVM's own CAs:
 * the certificate of a Dedicated or Self-Managed host signed by the company's CA. Adding trust is all it can do;
 * nothing turns verification off.
 */
public final class CaBundle {

    private final Path file;
    private final List<X509Certificate> certificates;

    private CaBundle(Path file, List<X509Certificate> certificates) {
        this.file = file;
        this.certificates = List.copyOf(certificates);
    }

    /**
     * Reads every certificate of a PEM (or DER) file.
     *
     * @throws IllegalArgumentException naming the file, when it cannot be read or holds no certificate
     */
    public static CaBundle read(Path file) {
        Path shown = file.toAbsolutePath().normalize();
        List<X509Certificate> certificates = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            factory.generateCertificates(in).forEach(c -> certificates.add((X509Certificate) c));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(shown + ": no such file");
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException(shown + ": permission denied");
        } catch (IOException e) {
            throw new IllegalArgumentException(shown + ": cannot be read (" + e.getMessage() + ")");
        } catch (CertificateException e) {
            throw new IllegalArgumentException(shown + ": not a PEM bundle of CA certificates (" + e.getMessage()
                    + ")");
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException(shown + ": holds no certificate (expected one or more -----BEGIN"
                    + " CERTIFICATE----- blocks)");
        }
        return new CaBundle(shown, certificates);
    }

    public Path file() {
        return file;
    }

    public List<X509Certificate> certificates() {
        return certificates;
    }

    @Override
    public String toString() {
        return file + " (" + certificates.size() + (certificates.size() == 1 ? " certificate)" : " certificates)");
    }
}
