package dev.switchboard.systemtests.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code docker-compose.yml}, the Dockerfiles under {@code docker/} and {@code .env.example}: services built from the
 * Dockerfiles of their modules, environment bound to the applications' properties, health checks gating start-up,
 * ports published by the router and the dashboard only, compute free to scale, the router's realm from the shared
 * {@code deploy/router-suite.yml}, and no secret but examples.
 */
class DockerComposeTests {

    private final Map<String, Object> compose = DeploymentFiles.yaml(DeploymentFiles.file("docker-compose.yml"));

    @Test
    void everyServiceIsBuiltFromTheDockerfileOfTheModuleItsImageNames() {
        assertThat(services().keySet()).containsExactlyInAnyOrderElementsOf(DeploymentFiles.MODULES.keySet());
        services().forEach((name, service) -> {
            String module = DeploymentFiles.moduleOfImage((String) service.get("image"));
            assertThat(module).as(name).isEqualTo(DeploymentFiles.MODULES.get(name));
            Map<String, Object> build = map(service.get("build"));
            assertThat(build.get("context")).isEqualTo(".");
            assertThat(build.get("dockerfile")).isEqualTo("docker/" + module + ".Dockerfile");
            assertThat(map(build.get("args"))).containsKey("BASE_IMAGE");
            assertThat(DeploymentFiles.dockerfile(module)).exists();
        });
    }

    @Test
    void dockerfilesBuildOnAnOverridableJreWithANonRootUserAHealthCheckAndContainerAwareHeap() {
        String dockerignore = DeploymentFiles.read(DeploymentFiles.file(".dockerignore"));
        for (String module : DeploymentFiles.MODULES.values()) {
            String dockerfile = DeploymentFiles.read(DeploymentFiles.dockerfile(module));
            assertThat(dockerfile).as(module)
                    .containsPattern("(?m)^ARG BASE_IMAGE=eclipse-temurin:2[1-9]-jre$")
                    .contains("COPY " + module + "/target/" + module + "-*.jar app.jar")
                    .contains("-Djarmode=tools -jar app.jar extract --layers --launcher")
                    .containsPattern("(?m)^USER [1-9][0-9]*:[0-9]+$")
                    .containsPattern("(?m)^HEALTHCHECK .*CMD \\[\"/app/healthcheck.sh\"]$")
                    .contains("-XX:MaxRAMPercentage=")
                    .contains("ENTRYPOINT [\"java\", \"org.springframework.boot.loader.launch.JarLauncher\"]");
            assertThat(dockerignore).contains("!" + module + "/target/" + module + "-*.jar");
        }
        assertThat(dockerignore).contains("!docker/healthcheck.sh");
        assertThat(DeploymentFiles.file("docker/healthcheck.sh")).isExecutable();
    }

    @Test
    void servicesWaitForTheRouterToBeHealthyAndAllHaveHealthChecks() {
        services().forEach((name, service) -> {
            List<String> test = ((List<?>) map(service.get("healthcheck")).get("test")).stream()
                    .map(String::valueOf).toList();
            assertThat(test).as(name).startsWith("CMD", "/app/healthcheck.sh");
            assertThat(String.valueOf(test.get(3))).startsWith("/actuator/health");
            if (!name.equals("router")) {
                Map<String, Object> dependsOn = map(service.get("depends_on"));
                assertThat(map(dependsOn.get("router"))).as(name).containsEntry("condition", "service_healthy");
            }
        });
    }

    @Test
    void onlyTheRouterAndTheDashboardPublishPortsAndComputeCanScale() {
        services().forEach((name, service) -> {
            if (name.equals("router") || name.equals("ui")) {
                assertThat(service).as(name).containsKey("ports");
            } else {
                assertThat(service).as(name).doesNotContainKey("ports");
            }
        });
        Map<String, Object> compute = services().get("compute");
        assertThat(compute).doesNotContainKeys("container_name", "hostname");
        assertThat(String.valueOf(map(compute.get("deploy")).get("replicas"))).contains("2");
    }

    @Test
    void environmentVariablesBindToPropertiesOfTheApplicationOrToPlaceholdersOfItsConfiguration() {
        services().forEach((name, service) -> {
            String module = DeploymentFiles.MODULES.get(name);
            SpringPropertyNames properties = SpringPropertyNames.of(module);
            List<String> placeholders = new ArrayList<>(DeploymentFiles.placeholders(
                    DeploymentFiles.file(module + "/src/main/resources/application.yml")));
            if (String.valueOf(service.get("volumes")).contains("deploy/router-suite.yml")) {
                placeholders.addAll(DeploymentFiles.placeholders(DeploymentFiles.file("deploy/router-suite.yml")));
            }
            for (String variable : map(service.get("environment")).keySet()) {
                assertThat(properties.binds(variable) || placeholders.contains(variable))
                        .as("%s: %s binds to no property of %s (%s) and is no placeholder of its configuration",
                                name, variable, module, properties.describe())
                        .isTrue();
            }
        });
    }

    @Test
    void theRouterMountsTheSharedSuiteConfigurationWhereItsEnvironmentPointsSpring() {
        Map<String, Object> router = services().get("router");
        String location = (String) map(router.get("environment")).get("SPRING_CONFIG_ADDITIONAL_LOCATION");
        assertThat(String.valueOf(router.get("volumes"))).contains("./deploy/router-suite.yml:"
                + location.substring("file:".length()) + ":ro");
        // every placeholder of the suite configuration without a default is set
        String suite = DeploymentFiles.read(DeploymentFiles.file("deploy/router-suite.yml"));
        for (String name : DeploymentFiles.placeholders(DeploymentFiles.file("deploy/router-suite.yml"))) {
            if (!suite.contains("${" + name + ":")) {
                assertThat(map(router.get("environment"))).containsKey(name);
            }
        }
    }

    @Test
    void theEnvExampleHoldsOnlyExampleSecrets() {
        List<String> lines = DeploymentFiles.read(DeploymentFiles.file(".env.example")).lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        assertThat(lines).filteredOn(line -> line.contains("TICKET") || line.contains("SECRET"))
                .isNotEmpty().allSatisfy(line -> assertThat(line).contains("example"));
    }

    @Test
    void dockerComposeAcceptsTheFile() throws Exception {
        ExternalTool compose = new ExternalTool("docker-compose");
        Assumptions.assumeTrue(compose.installed(),
                "docker-compose is not installed (Debian package docker-compose): not validated by it");
        ExternalTool.Result result = compose.run(Map.of(), "--env-file", ".env.example", "config", "-q");
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
