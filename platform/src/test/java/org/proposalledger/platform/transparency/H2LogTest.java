package org.proposalledger.platform.transparency;

/** The log and its tamper checks on the embedded default's database, an H2 file. */
class H2LogTest extends LogTamperContract {

    @Override
    LogFixture fixture() throws Exception {
        return LogFixture.h2();
    }
}
