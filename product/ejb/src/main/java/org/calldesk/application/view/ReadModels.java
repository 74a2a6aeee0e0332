package org.calldesk.application.view;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/** What the read models share: copies that keep the entity's order and cannot be changed. */
final class ReadModels {

    private ReadModels() {
    }

    static Set<String> copy(Set<String> values) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }
}
