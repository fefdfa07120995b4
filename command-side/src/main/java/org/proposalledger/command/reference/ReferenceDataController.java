package org.proposalledger.command.reference;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.proposalledger.api.reference.DeputyId;
import org.proposalledger.api.reference.DeadlineRuleSet;
import org.proposalledger.api.reference.SetSessionDeadlineRules;
import org.proposalledger.api.reference.RecordCongressSession;
import org.proposalledger.api.reference.RecordDeputy;
import org.proposalledger.api.reference.RecordHandlingUnit;
import org.proposalledger.api.reference.SessionId;
import org.proposalledger.api.reference.UnitId;
import org.proposalledger.api.reference.UnitKind;
import org.proposalledger.command.web.IdResponse;
import org.proposalledger.command.web.PathIds;
import org.proposalledger.platform.web.Commands;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/** Sessions, units and deputies are put by id: recording the same details again changes nothing. */
@RestController
// JSON answers declared up front: an Accept ruling JSON out is a 406 before anything is stored
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
public class ReferenceDataController {

    private final Commands commands;

    public ReferenceDataController(Commands commands) {
        this.commands = commands;
    }

    public record SessionRequest(@NotBlank @Size(max = 100) String name, LocalDate opensOn) {
    }

    public record UnitRequest(@NotBlank @Size(max = 100) String name, @NotNull UnitKind kind) {
    }

    public record DeputyRequest(@NotBlank @Size(max = 100) String name, @Size(max = 100) String delegation) {
    }

    @PutMapping("/sessions/{id}")
    public IdResponse session(@PathVariable String id, @Valid @RequestBody SessionRequest body) {
        commands.send(new RecordCongressSession(SessionId.of(PathIds.check(id)), body.name(), body.opensOn()));
        return new IdResponse(id);
    }

    /** Whole rule set; omitted fields take the defaults (3 months, 6, 7 working days, 1, 1, 5 working days). */
    public record DeadlineRulesRequest(Integer replyMonths, Integer extensionLimitMonths, Integer returnWorkingDays,
                                       Integer coOpinionMonths, Integer rehandlingMonths, Integer reminderWorkingDays) {
        DeadlineRuleSet toRuleSet() {
            DeadlineRuleSet d = DeadlineRuleSet.DEFAULTS;
            return new DeadlineRuleSet(
                    replyMonths == null ? d.replyMonths() : replyMonths,
                    extensionLimitMonths == null ? d.extensionLimitMonths() : extensionLimitMonths,
                    returnWorkingDays == null ? d.returnWorkingDays() : returnWorkingDays,
                    coOpinionMonths == null ? d.coOpinionMonths() : coOpinionMonths,
                    rehandlingMonths == null ? d.rehandlingMonths() : rehandlingMonths,
                    reminderWorkingDays == null ? d.reminderWorkingDays() : reminderWorkingDays);
        }
    }

    @PutMapping("/sessions/{id}/deadline-rules")
    public DeadlineRuleSet deadlineRules(@PathVariable String id, @RequestBody DeadlineRulesRequest body) {
        DeadlineRuleSet rules = body.toRuleSet();
        commands.send(new SetSessionDeadlineRules(SessionId.of(PathIds.check(id)), rules));
        return rules;
    }

    @PutMapping("/units/{id}")
    public IdResponse unit(@PathVariable String id, @Valid @RequestBody UnitRequest body) {
        commands.send(new RecordHandlingUnit(UnitId.of(PathIds.check(id)), body.name(), body.kind()));
        return new IdResponse(id);
    }

    @PutMapping("/deputies/{id}")
    public IdResponse deputy(@PathVariable String id, @Valid @RequestBody DeputyRequest body) {
        commands.send(new RecordDeputy(DeputyId.of(PathIds.check(id)), body.name(), body.delegation()));
        return new IdResponse(id);
    }
}
