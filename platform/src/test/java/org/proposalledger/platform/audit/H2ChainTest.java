package org.proposalledger.platform.audit;

import org.proposalledger.platform.PlatformTestApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;

/** The chain on the embedded default's H2 file database. */
@SpringBootTest(classes = PlatformTestApplication.class)
class H2ChainTest extends ChainContract {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        String dir = Files.createTempDirectory("ledger-chain-").toString();
        registry.add("ledger.data-dir", () -> dir);
    }
}
