package org.calldesk.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PayaraMicroProcessTest {

    @Test
    void anAdapterPropertyValueKeepsItsSeparatorsEscaped() {
        assertThat(PayaraMicroProcess.asadminValue("plain")).isEqualTo("plain");
        assertThat(PayaraMicroProcess.asadminValue("a:b=c\\d")).isEqualTo("a\\:b\\=c\\\\d");
    }
}
