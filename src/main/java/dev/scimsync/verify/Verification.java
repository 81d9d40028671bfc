package dev.scimsync.verify;

import dev.scimsync.scim.ScimClient;
import dev.scimsync.snapshot.RemoteOrg;
import dev.scimsync.snapshot.UserSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The verify stage: lists the target again after applying and checks that every applied operation shows there. The
 * listing is used at once and not kept; drift is read later from the snapshot and the plan ({@link DriftRepository}).
 */
@Component
public class Verification {

    private static final Logger log = LoggerFactory.getLogger(Verification.class);

    private final UserSnapshot snapshot;
    private final UserVerifier verifier;

    public Verification(UserSnapshot snapshot, UserVerifier verifier) {
        this.snapshot = snapshot;
        this.verifier = verifier;
    }

    /** @return the number of applied operations of the run whose effect the target does not show */
    public long verify(ScimClient client, String opsRunId) {
        RemoteOrg.Builder listed = RemoteOrg.builder();
        snapshot.take(client, listed);
        long mismatches = verifier.verify(listed.build(), opsRunId);
        if (mismatches > 0) {
            log.warn("verify: {} applied operations do not show on the target", mismatches);
        }
        return mismatches;
    }
}
