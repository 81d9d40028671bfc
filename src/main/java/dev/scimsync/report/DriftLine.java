package dev.scimsync.report;

/**
 * One line of drift.csv: something the target holds that the inputs do not describe, and what the policy did.
 *
 * @param onTarget what the target holds, e.g. {@code active; org_role=admin}
 * @param policy   the rule that decided, e.g. {@code absent-users: report}
 * @param action   what happened: reported, ignored, kept (protected user), planned: deactivate, deactivated,
 *                 blocked, failed, pending
 */
record DriftLine(String kind, String key, String targetId, String finding, String onTarget, String policy,
                        String action, String detail) {
}
