package dev.switchboard.systemtests.deploy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The configuration properties one application knows: the Spring configuration metadata of every library in its
 * packaged jar (Spring Boot's own, the WAMP starter's), the starter's metadata from this module's classpath (every
 * service of the suite but the router is a WAMP client of the starter), and the keys of its {@code application.yml}.
 * Answers whether an environment variable binds to one of them, by Spring Boot's rules for environment variables:
 * upper case, {@code _} for {@code .}, no dashes, {@code _0_} for {@code [0]}; the legacy form with {@code _} for a
 * dash ({@code SPRING_CONFIG_ADDITIONAL_LOCATION}) binds too.
 */
final class SpringPropertyNames {

    private static final String METADATA = "META-INF/spring-configuration-metadata.json";

    /** Canonical names (lower case, no dashes, {@code [i]} as {@code .i}) of plain properties. */
    private final Set<String> properties = new HashSet<>();
    /** Canonical names of map-typed properties: any name below them binds. */
    private final Set<String> maps = new HashSet<>();
    private final String module;

    private SpringPropertyNames(String module) {
        this.module = module;
    }

    static SpringPropertyNames of(String module) {
        SpringPropertyNames names = new SpringPropertyNames(module);
        Path jar = packagedJar(module);
        if (jar != null) {
            names.addPackagedJar(jar);
        }
        if (!module.equals("router-service")) {
            names.addStarterMetadata();
        }
        DeploymentFiles.flatten(DeploymentFiles.applicationYml(module)).keySet().forEach(names::addProperty);
        return names;
    }

    /** Whether Spring binds the environment variable {@code variable} to a property this application knows. */
    boolean binds(String variable) {
        String name = fromEnvironmentVariable(variable);
        if (properties.contains(name)) {
            return true;
        }
        return maps.stream().anyMatch(map -> name.startsWith(map + "."));
    }

    /** How many names it knows, and from where, for failure messages. */
    String describe() {
        return (properties.size() + maps.size()) + " names known"
                + (packagedJar(module) == null ? "; " + module + " is not packaged, so Spring Boot's own properties are"
                + " unknown: run ./mvnw -pl " + module + " -am package first" : "");
    }

    String module() {
        return module;
    }

    /** {@code SWITCHBOARD_ROUTER_REALMS_0_NAME} becomes {@code switchboard.router.realms.0.name}. */
    static String fromEnvironmentVariable(String variable) {
        return variable.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** The names an environment variable may give a property: dashes dropped, or (legacy) dashes as dots. */
    static List<String> canonical(String property) {
        String indexed = property.toLowerCase(Locale.ROOT).replaceAll("\\[(\\d+)]", ".$1");
        return List.of(indexed.replace("-", ""), indexed.replace('-', '.'));
    }

    private void addProperty(String name) {
        properties.addAll(canonical(name));
    }

    private void addMetadata(InputStream json) throws IOException {
        JsonNode metadata = JsonMapper.shared().readTree(json);
        for (JsonNode property : metadata.path("properties")) {
            List<String> names = canonical(property.path("name").asString());
            String type = property.path("type").asString("");
            if (type.startsWith("java.util.Map")) {
                maps.addAll(names);
            } else {
                properties.addAll(names);
                if (type.startsWith("java.util.List") || type.endsWith("[]")) {
                    maps.addAll(names); // an indexed element: NAME_0
                }
            }
        }
    }

    /** The metadata of the application's own classes and of every library jar nested in its Spring Boot jar. */
    private void addPackagedJar(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (entry.getName().equals("BOOT-INF/classes/" + METADATA)) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        addMetadata(in);
                    }
                } else if (entry.getName().startsWith("BOOT-INF/lib/") && entry.getName().endsWith(".jar")) {
                    try (ZipInputStream nested = new ZipInputStream(zip.getInputStream(entry))) {
                        for (ZipEntry inner; (inner = nested.getNextEntry()) != null; ) {
                            if (inner.getName().equals(METADATA)) {
                                addMetadata(new ByteArrayInputStream(nested.readAllBytes()));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    private void addStarterMetadata() {
        try {
            for (URL url : Collections.list(getClass().getClassLoader().getResources(METADATA))) {
                if (url.toString().contains("wamp-spring-boot-starter")) {
                    try (InputStream in = url.openStream()) {
                        addMetadata(in);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The application's Spring Boot jar in its {@code target/}, or {@code null} when it has not been built. */
    static Path packagedJar(String module) {
        Path target = DeploymentFiles.file(module + "/target");
        if (!Files.isDirectory(target)) {
            return null;
        }
        try (Stream<Path> files = Files.list(target)) {
            List<Path> jars = files.filter(p -> p.getFileName().toString().matches(module + "-[^-]+(-SNAPSHOT)?\\.jar"))
                    .toList();
            return jars.isEmpty() ? null : jars.getFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
