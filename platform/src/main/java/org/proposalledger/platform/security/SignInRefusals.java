package org.proposalledger.platform.security;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;

import java.io.IOException;

/**
 * How a refused sign-in (401) or a role that may not (403) is written: as the ledger's problem
 * detail. Implemented where the problem shape lives (platform {@code web}, ErrorContractConfig),
 * so that the security layer, which {@code web} reads the current actor from, does not depend on it.
 */
@FunctionalInterface
public interface SignInRefusals {

    void write(HttpServletResponse response, HttpStatus status, String title, String detail, String rule)
            throws IOException;
}
