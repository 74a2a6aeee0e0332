package org.calldesk.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.security.Principal;
import org.junit.jupiter.api.Test;

class CallerTest {

    private static final Principal ANONYMOUS = () -> "anonymous";
    private static final Principal AGENT = () -> "agent1";

    @Test
    void anAnonymousRequestIsNotSignedInThoughJakartaSecurityNamesACaller() {
        Caller caller = caller(ANONYMOUS, null);

        assertThat(caller.isSignedIn()).isFalse();
        assertThat(caller.getLoginId()).isNull();
    }

    @Test
    void aSignedInRequestIsTheCallerOfJakartaSecurity() {
        Caller caller = caller(AGENT, AGENT);

        assertThat(caller.isSignedIn()).isTrue();
        assertThat(caller.getLoginId()).isEqualTo("agent1");
    }

    /** A request whose Jakarta Security caller and Servlet user are the ones given (null: none). */
    private static Caller caller(Principal callerPrincipal, Principal userPrincipal) {
        Caller caller = new Caller();
        caller.security = fake(SecurityContext.class, "getCallerPrincipal", callerPrincipal);
        caller.request = fake(HttpServletRequest.class, "getUserPrincipal", userPrincipal);
        return caller;
    }

    private static <T> T fake(Class<T> type, String method, Object answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, called, args) -> {
            if (called.getName().equals(method)) {
                return answer;
            }
            throw new UnsupportedOperationException(called.getName());
        }));
    }
}
