package org.calldesk.pbxsim.pbx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.calldesk.pbxsim.PbxSimulator;
import org.junit.jupiter.api.Test;

/** The extensions.conf reader and Asterisk's pattern matching. */
class DialplanTest {

    private final Dialplan contract = Dialplan.parse(PbxSimulator.defaultDialplan());

    @Test
    void readsTheContractContexts() {
        assertThat(contract.find("calldesk-inbound", "15880001", 1)).contains(
                new Dialplan.Step("NoOp", "CallDesk call for service number ${EXTEN}"));
        assertThat(contract.find("calldesk-inbound", "15880001", 3)).contains(
                new Dialplan.Step("UserEvent", "CallDeskWaiting,Service: ${EXTEN}"));
        assertThat(contract.find("calldesk-inbound", "15880001", 5)).contains(new Dialplan.Step("Hangup", ""));
        assertThat(contract.find("calldesk-inbound", "15880001", 6)).isEmpty();
        assertThat(contract.find("calldesk-announce", "s", 2)).contains(new Dialplan.Step("Hangup", "16"));
        assertThat(contract.find("calldesk-outbound", "01012345678", 2)).contains(
                new Dialplan.Step("Dial", "PJSIP/${EXTEN}@trunk,${CALLDESK_TIMEOUT}"));
    }

    @Test
    void matchesAsteriskPatterns() {
        assertThat(Dialplan.matchPattern("X.", "15880001")).isTrue();
        assertThat(Dialplan.matchPattern("X.", "1")).isFalse();
        assertThat(Dialplan.matchPattern("X.", "s")).isFalse();
        assertThat(Dialplan.matchPattern("NXXNXXXXXX", "2125551234")).isTrue();
        assertThat(Dialplan.matchPattern("NXX", "123")).isFalse();
        assertThat(Dialplan.matchPattern("1[2-4]X", "135")).isTrue();
        assertThat(Dialplan.matchPattern("1[2-4]X", "155")).isFalse();
        assertThat(Dialplan.matchPattern("9!", "9")).isTrue();
    }

    @Test
    void prefersAnExactExtensionOverAPattern() {
        Dialplan plan = Dialplan.parse("[c]\nexten => _X.,1,NoOp(pattern)\nexten => 123,1,NoOp(exact)\n");
        assertThat(plan.find("c", "123", 1)).contains(new Dialplan.Step("NoOp", "exact"));
        assertThat(plan.find("c", "124", 1)).contains(new Dialplan.Step("NoOp", "pattern"));
    }

    @Test
    void followsIncludes() {
        Dialplan plan = Dialplan.parse("[from-trunk]\ninclude => calldesk-inbound\n[calldesk-inbound]\nexten => _X.,1,Answer()\n");
        assertThat(plan.find("from-trunk", "15880001", 1)).contains(new Dialplan.Step("Answer", ""));
    }

    @Test
    void namesTheLineItCannotRead() {
        assertThatThrownBy(() -> Dialplan.parse("[c]\nexten => 1\n")).hasMessageContaining("line 2");
    }
}
