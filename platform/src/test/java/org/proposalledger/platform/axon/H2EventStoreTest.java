package org.proposalledger.platform.axon;

import org.proposalledger.platform.PlatformTestApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;

/** The embedded default: an H2 file database under the data folder. */
@SpringBootTest(classes = PlatformTestApplication.class)
class H2EventStoreTest extends EventStoreContract {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        // a fresh folder per run: H2 locks its file, and parallel builds must not share one
        String dir = Files.createTempDirectory("ledger-h2-").toString();
        registry.add("ledger.data-dir", () -> dir);
    }
}
