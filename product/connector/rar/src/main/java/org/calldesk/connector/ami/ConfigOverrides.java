package org.calldesk.connector.ami;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where an operator overrides the adapter's config properties without touching the deployment:
 * MicroProfile Config when the server has it (which also reads system properties and the
 * environment), else system properties, under keys such as {@code calldesk.ami.host}.
 *
 * <p>MicroProfile Config is looked up reflectively: the adapter must also run on servers without
 * it (GlassFish), and a RAR has no business bundling it. Any failure of that lookup means "no
 * MicroProfile Config" and is logged at FINE only.
 */
public final class ConfigOverrides {

    private static final Logger LOG = Logger.getLogger(ConfigOverrides.class.getName());

    private final List<Function<String, Optional<String>>> sources;

    private ConfigOverrides(List<Function<String, Optional<String>>> sources) {
        this.sources = List.copyOf(sources);
    }

    /** MicroProfile Config if available to {@code loader}, then system properties. */
    static ConfigOverrides fromEnvironment(ClassLoader loader) {
        return new ConfigOverrides(List.of(microProfileConfig(loader), ConfigOverrides::systemProperty));
    }

    /** Fixed values, for tests. */
    static ConfigOverrides of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return new ConfigOverrides(List.of(key -> Optional.ofNullable(copy.get(key))));
    }

    public static ConfigOverrides none() {
        return new ConfigOverrides(List.of());
    }

    /** The first non-blank value any source has for the key. */
    Optional<String> value(String key) {
        Objects.requireNonNull(key, "key is required");
        for (Function<String, Optional<String>> source : sources) {
            Optional<String> value = source.apply(key).map(String::trim).filter(v -> !v.isEmpty());
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> systemProperty(String key) {
        try {
            return Optional.ofNullable(System.getProperty(key));
        } catch (SecurityException e) {
            return Optional.empty();
        }
    }

    private static Function<String, Optional<String>> microProfileConfig(ClassLoader loader) {
        try {
            Class<?> provider = Class.forName("org.eclipse.microprofile.config.ConfigProvider", true, loader);
            Class<?> configType = Class.forName("org.eclipse.microprofile.config.Config", true, loader);
            Object config = provider.getMethod("getConfig", ClassLoader.class).invoke(null, loader);
            Method getOptionalValue = configType.getMethod("getOptionalValue", String.class, Class.class);
            return key -> {
                try {
                    return ((Optional<?>) getOptionalValue.invoke(config, key, String.class)).map(String.class::cast);
                } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
                    LOG.log(Level.FINE, "MicroProfile Config could not read " + key, e);
                    return Optional.empty();
                }
            };
        } catch (ClassNotFoundException e) {
            LOG.fine("MicroProfile Config is not available; the adapter reads system properties only");
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "MicroProfile Config is present but unusable; the adapter reads system properties only", e);
        }
        return key -> Optional.empty();
    }
}
