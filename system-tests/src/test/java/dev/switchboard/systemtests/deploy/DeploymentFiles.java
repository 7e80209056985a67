package dev.switchboard.systemtests.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The repository's deployment files, read for the checks. */
final class DeploymentFiles {

    /** The suite's applications: module name by the short name the deployments use. */
    static final Map<String, String> MODULES = Map.of("router", "router-service", "orchestrator",
            "orchestrator-service", "compute", "compute-service", "ui", "ui-service");

    /** The container image of a module, without a tag: what docker-compose.yml and k8s/ name. */
    static final String IMAGE_PREFIX = "switchboard/";

    private static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();

    private DeploymentFiles() {
    }

    static Path root() {
        return Path.of(System.getProperty("switchboard.root", "..")).toAbsolutePath().normalize();
    }

    static Path file(String relative) {
        return root().resolve(relative);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Every YAML file under {@code k8s/} but the kustomization, each parsed into typed Kubernetes objects. */
    static Map<Path, List<HasMetadata>> kubernetesManifests() {
        Map<Path, List<HasMetadata>> manifests = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(file("k8s"))) {
            for (Path manifest : files.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p -> !p.getFileName().toString().equals("kustomization.yaml")).sorted().toList()) {
                manifests.put(manifest, kubernetesObjects(read(manifest)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return manifests;
    }

    static List<HasMetadata> kubernetesObjects(String yaml) {
        Object parsed = KUBERNETES.unmarshal(yaml);
        List<HasMetadata> objects = new ArrayList<>();
        if (parsed instanceof List<?> list) {
            list.forEach(item -> objects.add((HasMetadata) item));
        } else if (parsed instanceof HasMetadata single) {
            objects.add(single);
        }
        return objects;
    }

    static List<HasMetadata> allKubernetesObjects() {
        return kubernetesManifests().values().stream().flatMap(List::stream).toList();
    }

    /** A YAML file as maps and lists; anchors, aliases and merge keys resolved. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path file) {
        LoaderOptions options = new LoaderOptions();
        try (InputStream in = Files.newInputStream(file)) {
            Object loaded = new Yaml(options).load(in);
            return loaded == null ? Map.of() : (Map<String, Object>) loaded;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A YAML tree flattened to Spring property names: {@code a.b[0].c}. */
    static Map<String, Object> flatten(Map<String, Object> tree) {
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", tree, flat);
        return flat;
    }

    private static void flatten(String prefix, Object node, Map<String, Object> flat) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value,
                    flat));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), flat);
            }
        } else {
            flat.put(prefix, node);
        }
    }

    static Map<String, Object> applicationYml(String module) {
        return yaml(file(module + "/src/main/resources/application.yml"));
    }

    /** The names in {@code ${NAME}} and {@code ${NAME:default}} placeholders of a configuration file. */
    static List<String> placeholders(Path file) {
        Matcher matcher = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)(?::[^}]*)?}").matcher(read(file));
        List<String> names = new ArrayList<>();
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The module an image {@code switchboard/<module>[:tag]} is built from. */
    static String moduleOfImage(String image) {
        String name = image.contains(":") ? image.substring(0, image.indexOf(':')) : image; // no registry host
        if (!name.startsWith(IMAGE_PREFIX)) {
            throw new AssertionError("image " + image + " is not one of the suite's (" + IMAGE_PREFIX + "<module>)");
        }
        return name.substring(IMAGE_PREFIX.length());
    }

    static Path dockerfile(String module) {
        return file("docker/" + module + ".Dockerfile");
    }
}
