package dev.scimsync.scim;

/**
 * SCIM resource metadata. Dates stay strings: servers disagree on their format and nothing here computes with them.
 * {@code location} may be relative on W&B ({@code Users/<id>}).
 */
public record ScimMeta(String resourceType, String created, String lastModified, String location, String version) {
}
