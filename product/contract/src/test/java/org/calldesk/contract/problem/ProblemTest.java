package org.calldesk.contract.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void aProblemIsTheRfc9457BodyWithTheCodeAndItsTypeUri() {
        assertThat(Problem.of(409, "Not possible now", "ALREADY_LOGGED_IN", "logged in on another device")
                .toJson().toString()).isEqualTo("{\"type\":\"https://calldesk.org/problems/already-logged-in\","
                + "\"title\":\"Not possible now\",\"status\":409,\"code\":\"ALREADY_LOGGED_IN\","
                + "\"detail\":\"logged in on another device\"}");
    }

    @Test
    void aProblemWithoutDetailLeavesItOut() {
        assertThat(Problem.of(400, "Bad request", "BAD_INPUT", null).toJson().toString())
                .isEqualTo("{\"type\":\"https://calldesk.org/problems/bad-input\",\"title\":\"Bad request\","
                        + "\"status\":400,\"code\":\"BAD_INPUT\"}");
    }
}
