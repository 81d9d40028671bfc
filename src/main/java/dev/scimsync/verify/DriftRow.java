package dev.scimsync.verify;

import dev.scimsync.plan.OpKind;
import dev.scimsync.plan.OpState;

/**
 * Something the target holds that the inputs do not describe, and the operation the plan made of it, if any.
 *
 * @param kind        the kind of object: {@code user} or {@code team} (later {@code member}, {@code role})
 * @param finding     {@link #UNMANAGED} or {@link #PROTECTED}
 * @param targetState the object's relevant attributes on the target, e.g. {@code active; org_role=admin}
 * @param opKind      the planned operation, or null when the policy planned none
 * @param opState     its state, or null
 */
public record DriftRow(String kind, String key, String targetId, String finding, String targetState, OpKind opKind,
                       OpState opState, String errorType, String detail) {

    /** On the target, named by no input row. */
    public static final String UNMANAGED = "unmanaged";
    /** Named by an input row that asks for a change a protected object may not have. */
    public static final String PROTECTED = "protected";
}
