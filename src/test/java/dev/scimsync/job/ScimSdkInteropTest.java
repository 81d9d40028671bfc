package dev.scimsync.job;

/**
 * The sync against Captain-P-Goldfish's SCIM SDK (Maven Central), which announces a maxResults of 7, versions every
 * resource with an ETag and checks If-Match.
 */
class ScimSdkInteropTest extends IndependentServerTest {

    private ScimSdkServer server;

    @Override
    String startServer() throws Exception {
        server = new ScimSdkServer(TOKEN, 7);
        return server.baseUrl();
    }

    @Override
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }
}
