package dev.scimsync.apply;

import dev.scimsync.plan.OpOutcome;
import dev.scimsync.plan.PlannedOp;
import dev.scimsync.plan.ServiceAccountPayload;
import dev.scimsync.scim.ScimClient;
import dev.scimsync.scim.ScimUnknownOutcomeException;
import dev.scimsync.scim.ServiceAccount;
import dev.scimsync.validate.ServiceAccountRowValidator;

import java.util.Optional;

/**
 * Creates team service accounts through W&amp;B's GraphQL API. Descriptions need not be unique on W&amp;B, so a
 * create is never sent twice blindly: after an interrupted attempt or an unknown outcome the team is listed first,
 * and a service account with the description is taken as this run's. The API key of a new account is never read;
 * the outcome says where in the W&amp;B UI an admin finds it.
 */
final class ServiceAccountOperations {

    private final ScimClient client;

    ServiceAccountOperations(ScimClient client) {
        this.client = client;
    }

    OpOutcome create(PlannedOp op, boolean mayHaveBeenSent) {
        ServiceAccountPayload p = ServiceAccountPayload.fromJson(op.payload());
        if (mayHaveBeenSent) {
            Optional<ServiceAccount> existing = find(p);
            if (existing.isPresent()) {
                return OpOutcome.done(op.seq(), existing.get().id(), 200, "created by an interrupted attempt of this"
                        + " run; " + ServiceAccountPayload.KEY_HINT, 0);
            }
        }
        try {
            String id = client.serviceAccounts().create(p.team(), p.description());
            return OpOutcome.done(op.seq(), id, 200, ServiceAccountPayload.KEY_HINT, 1);
        } catch (ScimUnknownOutcomeException e) {
            ServiceAccount existing = find(p).orElseThrow(() -> e);
            return OpOutcome.done(op.seq(), existing.id(), 200, "created (the answer was lost; found in the team); "
                    + ServiceAccountPayload.KEY_HINT, 1);
        }
    }

    private Optional<ServiceAccount> find(ServiceAccountPayload p) {
        return client.serviceAccounts().list(p.team()).stream()
                .filter(a -> ServiceAccountRowValidator.normalised(a.description()).equals(p.description()))
                .findFirst();
    }
}
