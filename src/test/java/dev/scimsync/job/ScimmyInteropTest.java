package dev.scimsync.job;

import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.boot.test.context.SpringBootTest;

/** The sync against SCIMMY (npm), which pages in sevens whatever count is asked and offers no ETags. */
@SpringBatchTest
@SpringBootTest(classes = {JobApplication.class, SyncRunnerTest.Keys.class},
        properties = "spring.datasource.url=jdbc:h2:mem:scimmy-interop-test;DB_CLOSE_DELAY=-1")
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
