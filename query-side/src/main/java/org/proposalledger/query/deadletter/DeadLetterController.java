package org.proposalledger.query.deadletter;

import org.proposalledger.api.error.ReadRefusedException;
import org.proposalledger.api.error.CommandRejectedException;
import org.proposalledger.api.security.Actor;
import org.proposalledger.api.security.Role;
import org.proposalledger.platform.security.CurrentActor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * The read-model processors' dead letters ({@link DeadLetters}): listed for the office,
 * supervisors and readers; retried or evicted by the office only.
 */
@RestController
@RequestMapping("/api/v1/admin/dead-letters")
public class DeadLetterController {

    private final DeadLetters deadLetters;

    public DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** The answer of GET: the letters, and the count per processor. */
    public record Listing(Map<String, Long> counts, List<DeadLetters.Letter> letters) {
    }

    /** The answer of a retry: per processor what was retried, and the letters left. */
    public record Retried(List<DeadLetters.Retry> processors, List<DeadLetters.Letter> remaining) {
    }

    @GetMapping
    public Listing list(@RequestParam(required = false) String processor,
                        @RequestParam(required = false) String proposalId) {
        Actor actor = CurrentActor.get();
        if (!actor.is(Role.OFFICE) && !actor.is(Role.SUPERVISOR) && !actor.is(Role.READER)) {
            throw new ReadRefusedException("supervisors-only",
                    "Only the office, supervisors and readers see the dead letters.");
        }
        List<DeadLetters.Letter> letters = deadLetters.list(processor, proposalId);
        deadLetters.refresh();
        return new Listing(deadLetters.counts(), letters);
    }

    /** Retries every parked proposal of every processor. */
    @PostMapping("/retry")
    public ResponseEntity<Retried> retryAll() {
        return retried(deadLetters.retry(null, null, office()), null, null);
    }

    /** Retries one proposal's letters in one processor. */
    @PostMapping("/{processor}/{proposalId}/retry")
    public ResponseEntity<Retried> retry(@PathVariable String processor, @PathVariable String proposalId) {
        String by = office();
        return retried(deadLetters.retry(processor, proposalId, by), processor, proposalId);
    }

    /** 200 when every retry ran here, 202 when some are left to the process holding the segment. */
    private ResponseEntity<Retried> retried(List<DeadLetters.Retry> result, String processor, String proposalId) {
        boolean deferred = result.stream().anyMatch(r -> r.proposalsLeftToSegmentHolder() > 0);
        return ResponseEntity.status(deferred ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(new Retried(result, deadLetters.list(processor, proposalId)));
    }

    /** Evicts one letter: that event's changes are dropped from that read model. */
    @PostMapping("/{processor}/{proposalId}/{eventId}/eviction")
    public DeadLetters.Letter evict(@PathVariable String processor, @PathVariable String proposalId,
                                    @PathVariable String eventId) {
        return deadLetters.evict(processor, proposalId, eventId, office());
    }

    private static String office() {
        Actor actor = CurrentActor.get();
        if (!actor.is(Role.OFFICE)) {
            throw CommandRejectedException.forbidden("office-only",
                    "Only the congress office may retry or evict dead letters.");
        }
        return actor.user();
    }
}
