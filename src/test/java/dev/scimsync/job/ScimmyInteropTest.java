package dev.scimsync.job;

/** The sync against SCIMMY (npm), which pages in sevens whatever count is asked and offers no ETags. */
class ScimmyInteropTest extends IndependentServerTest {

    private ScimmyServer server;

    @Override
    String startServer() throws Exception {
        server = new ScimmyServer(TOKEN, 7);
        return server.baseUrl();
    }

    @Override
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }
}
