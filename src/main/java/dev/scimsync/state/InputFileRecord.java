package dev.scimsync.state;

/** An input file as the run saw it: its checksum decides whether {@code apply --plan} may go ahead. */
public record InputFileRecord(String kind, String path, String sha256, long rowCount, String header) {
}
