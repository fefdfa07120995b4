package org.proposalledger.command.reference;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.proposalledger.api.reference.CongressSessionRegistered;
import org.proposalledger.api.reference.CongressSessionUpdated;
import org.proposalledger.api.reference.DeputyId;
import org.proposalledger.api.reference.DeputyRegistered;
import org.proposalledger.api.reference.DeputyUpdated;
import org.proposalledger.api.reference.HandlingUnitRegistered;
import org.proposalledger.api.reference.HandlingUnitUpdated;
import org.proposalledger.api.reference.RecordCongressSession;
import org.proposalledger.api.reference.RecordDeputy;
import org.proposalledger.api.reference.RecordHandlingUnit;
import org.proposalledger.api.reference.SessionId;
import org.proposalledger.api.reference.UnitId;
import org.proposalledger.api.reference.UnitKind;
import org.proposalledger.api.security.Actor;
import org.proposalledger.api.security.Role;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.proposalledger.api.error.Rejection.FORBIDDEN;
import static org.proposalledger.api.error.Rejection.INVALID;
import static org.proposalledger.command.Rejections.rejected;

/** Sessions, units and deputies: recorded by the office, idempotent on repeat, kept apart from proposal ids. */
class ReferenceAggregatesTest {

    static final Map<String, Object> OFFICE = Actor.office("office-wang").toMetaData();
    static final Map<String, Object> SYSTEM = Actor.SYSTEM.toMetaData();
    static final Map<String, Object> UNIT = Actor.unit("unit-commerce", "commerce").toMetaData();
    static final Map<String, Object> DEPUTY = Actor.deputy("deputy-zhu", "zhu-heping").toMetaData();
    static final Map<String, Object> SUPERVISOR = new Actor("supervisor", Role.SUPERVISOR, null, null).toMetaData();

    /** Every stored event belongs to the given (prefixed) aggregate identifier. */
    static Matcher<List<? super EventMessage<?>>> storedUnder(String aggregateId) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<? super EventMessage<?>> events) {
                return !events.isEmpty() && events.stream().allMatch(e -> e instanceof DomainEventMessage<?> d
                        && aggregateId.equals(d.getAggregateIdentifier()));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("events stored under aggregate id " + aggregateId);
            }
        };
    }

    @Nested
    class CongressSessions {

        final SessionId id = SessionId.of("lvliang-5-2");
        final LocalDate opens = LocalDate.of(2022, 1, 10);
        final FixtureConfiguration<CongressSession> fixture = new AggregateTestFixture<>(CongressSession.class);

        @Test
        void office_records_a_new_session() {
            fixture.givenNoPriorActivity()
                    .when(new RecordCongressSession(id, "吕梁市五届人大二次会议", opens), OFFICE)
                    .expectEvents(new CongressSessionRegistered(id, "吕梁市五届人大二次会议", opens));
        }

        @Test
        void session_is_stored_under_a_prefixed_id() {
            fixture.givenNoPriorActivity()
                    .when(new RecordCongressSession(id, "吕梁市五届人大二次会议", opens), OFFICE)
                    .expectEventsMatching(storedUnder("session:lvliang-5-2"));
        }

        @Test
        void recording_the_same_details_again_changes_nothing() {
            fixture.given(new CongressSessionRegistered(id, "吕梁市五届人大二次会议", opens))
                    .when(new RecordCongressSession(id, "吕梁市五届人大二次会议", opens), OFFICE)
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void recording_changed_details_updates_the_session() {
            fixture.given(new CongressSessionRegistered(id, "吕梁市五届人大二次会议", opens))
                    .when(new RecordCongressSession(id, "吕梁市第五届人民代表大会第二次会议", opens), OFFICE)
                    .expectEvents(new CongressSessionUpdated(id, "吕梁市第五届人民代表大会第二次会议", opens));
        }

        @Test
        void system_may_record_a_session() {
            fixture.givenNoPriorActivity()
                    .when(new RecordCongressSession(id, "吕梁市五届人大二次会议", null), SYSTEM)
                    .expectEvents(new CongressSessionRegistered(id, "吕梁市五届人大二次会议", null));
        }

        @Test
        void deputy_cannot_record_a_session() {
            fixture.givenNoPriorActivity()
                    .when(new RecordCongressSession(id, "吕梁市五届人大二次会议", opens), DEPUTY)
                    .expectNoEvents()
                    .expectException(rejected(FORBIDDEN, "office-only"));
        }

        @Test
        void session_needs_a_name() {
            fixture.givenNoPriorActivity()
                    .when(new RecordCongressSession(id, " ", opens), OFFICE)
                    .expectNoEvents()
                    .expectException(rejected(INVALID, "name-required"));
        }

        @Test
        void blank_name_does_not_overwrite_an_existing_session() {
            fixture.given(new CongressSessionRegistered(id, "吕梁市五届人大二次会议", opens))
                    .when(new RecordCongressSession(id, "", opens), OFFICE)
                    .expectNoEvents()
                    .expectException(rejected(INVALID, "name-required"));
        }
    }

    @Nested
    class HandlingUnits {

        final UnitId id = UnitId.of("commerce");
        final FixtureConfiguration<HandlingUnit> fixture = new AggregateTestFixture<>(HandlingUnit.class);

        @Test
        void office_records_a_new_unit() {
            fixture.givenNoPriorActivity()
                    .when(new RecordHandlingUnit(id, "市商务局", UnitKind.DEPARTMENT), OFFICE)
                    .expectEvents(new HandlingUnitRegistered(id, "市商务局", UnitKind.DEPARTMENT));
        }

        @Test
        void unit_is_stored_under_a_prefixed_id() {
            fixture.givenNoPriorActivity()
                    .when(new RecordHandlingUnit(id, "市商务局", UnitKind.DEPARTMENT), OFFICE)
                    .expectEventsMatching(storedUnder("unit:commerce"));
        }

        @Test
        void recording_the_same_details_again_changes_nothing() {
            fixture.given(new HandlingUnitRegistered(id, "市商务局", UnitKind.DEPARTMENT))
                    .when(new RecordHandlingUnit(id, "市商务局", UnitKind.DEPARTMENT), OFFICE)
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void recording_a_changed_kind_updates_the_unit() {
            fixture.given(new HandlingUnitRegistered(id, "市商务局", UnitKind.DEPARTMENT))
                    .when(new RecordHandlingUnit(id, "市商务局", UnitKind.COUNTY), OFFICE)
                    .expectEvents(new HandlingUnitUpdated(id, "市商务局", UnitKind.COUNTY));
        }

        @Test
        void unit_cannot_record_units() {
            fixture.givenNoPriorActivity()
                    .when(new RecordHandlingUnit(id, "市商务局", UnitKind.DEPARTMENT), UNIT)
                    .expectNoEvents()
                    .expectException(rejected(FORBIDDEN, "office-only"));
        }

        @Test
        void supervisor_cannot_record_units() {
            fixture.givenNoPriorActivity()
                    .when(new RecordHandlingUnit(id, "市商务局", UnitKind.DEPARTMENT), SUPERVISOR)
                    .expectNoEvents()
                    .expectException(rejected(FORBIDDEN, "office-only"));
        }

        @Test
        void unit_needs_a_name() {
            fixture.givenNoPriorActivity()
                    .when(new RecordHandlingUnit(id, null, UnitKind.DEPARTMENT), OFFICE)
                    .expectNoEvents()
                    .expectException(rejected(INVALID, "name-required"));
        }

        @Test
        void unit_needs_a_kind() {
            fixture.givenNoPriorActivity()
                    .when(new RecordHandlingUnit(id, "市商务局", null), OFFICE)
                    .expectNoEvents()
                    .expectException(rejected(INVALID, "unit-kind-required"));
        }

        @Test
        void recording_without_a_signed_in_user_is_refused() {
            fixture.givenNoPriorActivity()
                    .when(new RecordHandlingUnit(id, "市商务局", UnitKind.DEPARTMENT))
                    .expectNoEvents()
                    .expectException(rejected(FORBIDDEN, "unauthenticated"));
        }
    }

    @Nested
    class Deputies {

        final DeputyId id = DeputyId.of("zhu-heping");
        final FixtureConfiguration<Deputy> fixture = new AggregateTestFixture<>(Deputy.class);

        @Test
        void office_records_a_new_deputy() {
            fixture.givenNoPriorActivity()
                    .when(new RecordDeputy(id, "朱和平", "离石区代表团"), OFFICE)
                    .expectEvents(new DeputyRegistered(id, "朱和平", "离石区代表团"));
        }

        @Test
        void deputy_is_stored_under_a_prefixed_id() {
            fixture.givenNoPriorActivity()
                    .when(new RecordDeputy(id, "朱和平", "离石区代表团"), OFFICE)
                    .expectEventsMatching(storedUnder("deputy:zhu-heping"));
        }

        @Test
        void recording_the_same_details_again_changes_nothing() {
            fixture.given(new DeputyRegistered(id, "朱和平", "离石区代表团"))
                    .when(new RecordDeputy(id, "朱和平", "离石区代表团"), OFFICE)
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void recording_a_changed_delegation_updates_the_deputy() {
            fixture.given(new DeputyRegistered(id, "朱和平", "离石区代表团"))
                    .when(new RecordDeputy(id, "朱和平", "孝义市代表团"), OFFICE)
                    .expectEvents(new DeputyUpdated(id, "朱和平", "孝义市代表团"));
        }

        @Test
        void deputies_cannot_record_themselves() {
            fixture.givenNoPriorActivity()
                    .when(new RecordDeputy(id, "朱和平", "离石区代表团"), DEPUTY)
                    .expectNoEvents()
                    .expectException(rejected(FORBIDDEN, "office-only"));
        }

        @Test
        void deputy_needs_a_name() {
            fixture.givenNoPriorActivity()
                    .when(new RecordDeputy(id, "", "离石区代表团"), OFFICE)
                    .expectNoEvents()
                    .expectException(rejected(INVALID, "name-required"));
        }
    }
}
