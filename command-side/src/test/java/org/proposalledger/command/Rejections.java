package org.proposalledger.command;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.proposalledger.api.error.CommandRejectedException;
import org.proposalledger.api.error.Rejection;

/** Matches a rule rejection by its kind and stable rule code, for fixture {@code expectException}. */
public final class Rejections {

    private Rejections() {
    }

    /** Any rule of the given kind. */
    public static Matcher<CommandRejectedException> rejected(Rejection kind) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CommandRejectedException e) {
                return e.kind() == kind;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a " + kind + " rejection");
            }

            @Override
            protected void describeMismatchSafely(CommandRejectedException e, Description description) {
                description.appendText("was " + e.kind() + " '" + e.rule() + "': " + e.getMessage());
            }
        };
    }

    public static Matcher<CommandRejectedException> rejected(Rejection kind, String rule) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CommandRejectedException e) {
                return e.kind() == kind && e.rule().equals(rule);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a " + kind + " rejection with rule '" + rule + "'");
            }

            @Override
            protected void describeMismatchSafely(CommandRejectedException e, Description description) {
                description.appendText("was " + e.kind() + " '" + e.rule() + "': " + e.getMessage());
            }
        };
    }
}
