package dev.scimsync.emulator;

import java.util.Locale;

/**
 * Which SCIM service provider the emulator imitates.
 *
 * <ul>
 *   <li>{@link #WANDB}: W&amp;B Dedicated/Self-Managed as the seed document describes it: {@code DELETE /Users/{id}}
 *       deactivates (the user stays listed with {@code active:false}) and PATCH {@code active:true} re-enables.</li>
 *   <li>{@link #WANDB_SAAS}: W&amp;B Multi-tenant: PATCH {@code active:false} removes the user from the organisation,
 *       reactivation and {@code displayName}/{@code emails} updates answer 400.</li>
 *   <li>{@link #SCIM2}: plain RFC 7643/7644 without the W&amp;B additions (no {@code /Roles}, no role attributes,
 *       standard response shapes).</li>
 * </ul>
 */
public enum EmulatorDialect {
    WANDB("wandb"),
    WANDB_SAAS("wandb-saas"),
    SCIM2("scim2");

    private final String id;

    EmulatorDialect(String id) {
        this.id = id;
    }

    /**
     * Parses a dialect id ({@code wandb}, {@code wandb-saas} or {@code scim2}), ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException for anything else, including {@code null}
     */
    public static EmulatorDialect parse(String s) {
        if (s != null) {
            String wanted = s.trim().toLowerCase(Locale.ROOT);
            for (EmulatorDialect dialect : values()) {
                if (dialect.id.equals(wanted)) {
                    return dialect;
                }
            }
        }
        throw new IllegalArgumentException("unknown emulator dialect '" + s + "'; expected wandb, wandb-saas or scim2");
    }

    /** The id used on the command line and in job files. */
    public String id() {
        return id;
    }

    /** True for the two W&amp;B dialects, which share the W&amp;B response shapes and {@code /Roles}. */
    boolean isWandb() {
        return this != SCIM2;
    }
}
