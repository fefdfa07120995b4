package org.proposalledger.query.rebuild;

import org.proposalledger.api.error.ReadRefusedException;
import org.proposalledger.api.error.CommandRejectedException;
import org.proposalledger.api.security.Actor;
import org.proposalledger.api.security.Role;
import org.proposalledger.platform.security.CurrentActor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * Rebuilding the read models (office only) and watching the processors (office, supervisors,
 * readers).
 */
@RestController
@RequestMapping("/api/v1/admin")
public class AdminController {

    private final ReadModelRebuild rebuild;
    private final ProjectionProgress progress;

    public AdminController(ReadModelRebuild rebuild, ProjectionProgress progress) {
        this.rebuild = rebuild;
        this.progress = progress;
    }

    /** The answer of GET processors: readiness, the rebuild running or last run, each processor. */
    public record Processors(boolean ready, boolean firstCatchUpDone, boolean rebuilding, RebuildView rebuild,
                             RebuildView lastRebuild, List<ProjectionProgress.ProcessorState> processors) {
    }

    public record RebuildView(Instant startedAt, String startedBy, long events, long head, Instant finishedAt,
                              Double seconds, Double eventsPerSecond) {

        static RebuildView of(ProjectionProgress.Rebuild r) {
            return r == null ? null : new RebuildView(r.startedAt(), r.startedBy(), r.events(), r.head(),
                    r.finishedAt(), r.elapsedMillis() == null ? null : r.elapsedMillis() / 1000.0, r.eventsPerSecond());
        }
    }

    /** JSON declared up front: an Accept ruling it out is a 406 before a rebuild starts, not after. */
    @PostMapping(path = "/rebuild", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<RebuildView> rebuild() {
        Actor actor = CurrentActor.get();
        if (!actor.is(Role.OFFICE)) {
            throw CommandRejectedException.forbidden("office-only", "Only the congress office may rebuild the read models.");
        }
        ProjectionProgress.Rebuild started = rebuild.start(actor.user());
        return ResponseEntity.accepted().location(URI.create("/api/v1/admin/processors")).body(RebuildView.of(started));
    }

    @GetMapping("/processors")
    public Processors processors() {
        Actor actor = CurrentActor.get();
        if (!actor.is(Role.OFFICE) && !actor.is(Role.SUPERVISOR) && !actor.is(Role.READER)) {
            throw new ReadRefusedException("supervisors-only",
                    "Only the office, supervisors and readers see the processors.");
        }
        return new Processors(progress.ready(), progress.firstCatchUpDone(), progress.rebuilding(),
                RebuildView.of(progress.runningRebuild()), RebuildView.of(progress.lastRebuild()), progress.processors());
    }
}
