package org.proposalledger.platform;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots the platform wiring alone, with no aggregates or projections. */
@SpringBootApplication
public class PlatformTestApplication {
}
