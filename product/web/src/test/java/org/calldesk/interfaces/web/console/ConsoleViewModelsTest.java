package org.calldesk.interfaces.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.NormalScope;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.calldesk.application.RefusalCode;
import org.calldesk.application.RequestRefused;
import org.calldesk.domain.model.agent.AgentStatus;
import org.junit.jupiter.api.Test;

/** The CTI panel's view models, one per concern, are beans the container can make and proxy. */
class ConsoleViewModelsTest {

    private static final List<Class<?>> VIEW_MODELS = List.of(CtiState.class, CtiSync.class, CtiSession.class,
            InboundAlert.class, DialUp.class, CallControls.class, TransferSearch.class, FinishPrompt.class);

    @Test
    void eachViewModelIsNamedNormalScopedAndConstructorInjected() {
        for (Class<?> type : VIEW_MODELS) {
            assertThat(type.getAnnotation(Named.class)).as("%s is @Named", type).isNotNull();
            assertThat(Arrays.stream(type.getAnnotations()).map(Annotation::annotationType)
                    .anyMatch(a -> a.isAnnotationPresent(NormalScope.class)))
                    .as("%s is normal-scoped", type).isTrue();
            List<Constructor<?>> injected = Arrays.stream(type.getDeclaredConstructors())
                    .filter(c -> c.isAnnotationPresent(Inject.class)).toList();
            assertThat(injected).as("%s has one @Inject constructor", type).hasSize(1);
            assertThat(Arrays.stream(type.getDeclaredFields()).filter(f -> f.isAnnotationPresent(Inject.class)))
                    .as("%s has no injected fields", type).isEmpty();
            assertThat(Arrays.stream(type.getDeclaredConstructors())
                    .anyMatch(c -> c.getParameterCount() == 0 && !Modifier.isPrivate(c.getModifiers())))
                    .as("%s can be proxied: a non-private no-arg constructor", type).isTrue();
        }
    }

    @Test
    void whatLivesAsLongAsTheViewCanBeSerialized() {
        VIEW_MODELS.stream().filter(type -> type.isAnnotationPresent(ViewScoped.class))
                .forEach(type -> assertThat(Serializable.class).as("%s", type).isAssignableFrom(type));
    }

    @Test
    void aRefusedDialIsShownBesideTheFieldToFix() {
        assertThat(DialUp.fieldFor(refused("BAD_CUSTOMER_NUMBER"))).isEqualTo("dial:customerNumber");
        assertThat(DialUp.fieldFor(refused("UNKNOWN_SENDING_NUMBER"))).isEqualTo("dial:sendingNumber");
        assertThat(DialUp.fieldFor(refused("CALLS_DISABLED"))).isEqualTo("dial:service");
        assertThat(DialUp.fieldFor(refused("NOT_IN_SERVICE"))).isEqualTo("dial:service");
        assertThat(DialUp.fieldFor(refused("UNKNOWN_SERVICE"))).isEqualTo("dial:service");
        assertThat(DialUp.fieldFor(refused("AGENT_NOT_READY"))).isEqualTo("dial:dialMessage");
    }

    @Test
    void theCallControlsStayOnlyWhileTalkingOrHolding() {
        assertThat(Arrays.stream(AgentStatus.values()).filter(s -> new CtiStatusSeen(s).onCall()))
                .containsExactlyInAnyOrder(AgentStatus.TALKING, AgentStatus.HOLDING);
    }

    private static RequestRefused refused(String code) {
        return new RequestRefused(RequestRefused.Kind.CONFLICT, RefusalCode.valueOf(code), "refused");
    }
}
