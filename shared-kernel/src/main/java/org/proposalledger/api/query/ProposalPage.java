package org.proposalledger.api.query;

import java.util.List;

/** One page of proposals; {@code nextCursor} is null on the last page. */
public record ProposalPage(List<ProposalView> items, String nextCursor) {
}
