package dev.scimsync.report;

/**
 * One line of drift.csv: something the target holds that the inputs do not describe, and what the policy did.
 *
 * @param onTarget what the target holds, e.g. {@code active; org_role=admin}
 * @param policy   the rule that decided, e.g. {@code absent-users: report}
 * @param action   what happened: reported, ignored, kept (protected user), kept (protected team), planned:
 *                 deactivate, deactivated, removed, deleted, remove in the W&amp;B admin UI, team deletion not
 *                 supported by this target, blocked, failed, pending
 */
record DriftLine(String kind, String key, String targetId, String finding, String onTarget, String policy,
                        String action, String detail) {
}
