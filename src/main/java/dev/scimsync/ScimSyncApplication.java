package dev.scimsync;

public class ScimSyncApplication {
    public static void main(String[] args) {
    }
}
