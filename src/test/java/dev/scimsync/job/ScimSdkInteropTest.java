package dev.scimsync.job;

import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The sync against Captain-P-Goldfish's SCIM SDK (Maven Central), which announces a maxResults of 7, versions every
 * resource with an ETag and checks If-Match.
 */
@SpringBatchTest
@SpringBootTest(classes = {JobApplication.class, SyncRunnerTest.Keys.class},
        properties = "spring.datasource.url=jdbc:h2:mem:scim-sdk-interop-test;DB_CLOSE_DELAY=-1")
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
