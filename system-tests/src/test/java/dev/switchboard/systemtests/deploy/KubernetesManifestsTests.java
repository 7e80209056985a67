package dev.switchboard.systemtests.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The manifests under {@code k8s/}, parsed into typed objects: every object is a known kind; Services, the Ingress,
 * the autoscaler, the disruption budget and the network policies point at pods and ports that exist; probes ask
 * health groups the applications enable; environment variables bind to the applications' properties; containers run
 * restricted, with the images the Dockerfiles build.
 */
class KubernetesManifestsTests {

    private static final List<String> PROBE_PATHS = List.of("/actuator/health/liveness", "/actuator/health/readiness");

    private final Map<Path, List<HasMetadata>> manifests = DeploymentFiles.kubernetesManifests();
    private final List<HasMetadata> objects = manifests.values().stream().flatMap(List::stream).toList();

    @Test
    void everyManifestIsListedInTheKustomizationAndParsesIntoKnownKinds() {
        Map<String, Object> kustomization = DeploymentFiles.yaml(DeploymentFiles.file("k8s/kustomization.yaml"));
        List<String> resources = ((List<?>) kustomization.get("resources")).stream().map(String::valueOf).toList();
        manifests.keySet().forEach(file -> assertThat(resources).as("k8s/kustomization.yaml resources")
                .contains(file.getFileName().toString()));
        assertThat(resources).contains("../deploy");
        assertThat(objects).isNotEmpty().allSatisfy(object -> {
            assertThat(object).as(object.getKind() + " " + name(object)).isNotInstanceOf(GenericKubernetesResource.class);
            assertThat(name(object)).isNotBlank();
        });
        assertThat(objects).extracting(HasMetadata::getKind).contains("Namespace", "Secret", "Deployment", "Service",
                "Ingress", "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy");
        assertThat(deployments().keySet()).containsExactlyInAnyOrderElementsOf(DeploymentFiles.MODULES.keySet());
    }

    @Test
    void servicesSelectDeploymentPodsAndTargetTheirContainerPorts() {
        List<Service> services = all(Service.class);
        assertThat(services).extracting(KubernetesManifestsTests::name).containsExactlyInAnyOrder("router", "ui");
        for (Service service : services) {
            Deployment target = deploymentSelectedBy(service.getSpec().getSelector());
            for (ServicePort port : service.getSpec().getPorts()) {
                assertThat(containerPort(target, port.getTargetPort()))
                        .as("Service %s port %s targets a port of Deployment %s", name(service), port.getName(),
                                name(target))
                        .isNotNull();
            }
        }
    }

    @Test
    void theIngressRoutesTheDashboardAndTheWebSocketToServicePortsWithLongTimeouts() {
        Ingress ingress = single(Ingress.class);
        Map<String, String> backends = new HashMap<>();
        for (HTTPIngressPath path : ingress.getSpec().getRules().getFirst().getHttp().getPaths()) {
            String serviceName = path.getBackend().getService().getName();
            String portName = path.getBackend().getService().getPort().getName();
            Service service = all(Service.class).stream().filter(s -> name(s).equals(serviceName)).findFirst()
                    .orElseThrow(() -> new AssertionError("the Ingress routes to a Service " + serviceName
                            + " that does not exist"));
            assertThat(service.getSpec().getPorts()).extracting(ServicePort::getName).contains(portName);
            backends.put(path.getPath(), serviceName);
        }
        assertThat(backends).containsEntry("/", "ui").containsEntry("/ws", "router");
        assertThat(ingress.getMetadata().getAnnotations())
                .containsEntry("nginx.ingress.kubernetes.io/proxy-read-timeout", "3600")
                .containsEntry("nginx.ingress.kubernetes.io/proxy-send-timeout", "3600");
    }

    @Test
    void probesAskTheHealthGroupsTheApplicationsEnableOnAContainerPort() {
        deployments().forEach((name, deployment) -> {
            Map<String, Object> yml = DeploymentFiles.flatten(
                    DeploymentFiles.applicationYml(DeploymentFiles.MODULES.get(name)));
            assertThat(yml).as("%s's application.yml enables the liveness and readiness groups", name)
                    .containsEntry("management.endpoint.health.probes.enabled", true);
            assertThat(String.valueOf(yml.get("management.endpoints.web.exposure.include")))
                    .as("%s exposes the health endpoint", name).contains("health");
            Container container = container(deployment);
            for (Probe probe : Stream.of(container.getStartupProbe(), container.getLivenessProbe(),
                    container.getReadinessProbe()).toList()) {
                assertThat(probe).as("%s has startup, liveness and readiness probes", name).isNotNull();
                assertThat(probe.getHttpGet().getPath()).isIn(PROBE_PATHS);
                assertThat(containerPort(deployment, probe.getHttpGet().getPort())).as("%s probe port", name)
                        .isNotNull();
            }
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).endsWith("/liveness");
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).endsWith("/readiness");
        });
    }

    @Test
    void environmentVariablesBindToPropertiesOfTheApplicationOrToPlaceholdersOfItsConfiguration() {
        Path suiteConfig = DeploymentFiles.file("deploy/router-suite.yml");
        deployments().forEach((name, deployment) -> {
            String module = DeploymentFiles.MODULES.get(name);
            SpringPropertyNames properties = SpringPropertyNames.of(module);
            List<String> placeholders = new ArrayList<>(DeploymentFiles.placeholders(
                    DeploymentFiles.file(module + "/src/main/resources/application.yml")));
            boolean mountsSuiteConfig = deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                    .anyMatch(volume -> volume.getConfigMap() != null
                            && volume.getConfigMap().getName().equals("router-suite"));
            if (mountsSuiteConfig) {
                placeholders.addAll(DeploymentFiles.placeholders(suiteConfig));
            }
            for (EnvVar env : container(deployment).getEnv()) {
                assertThat(properties.binds(env.getName()) || placeholders.contains(env.getName()))
                        .as("%s: %s binds to no property of %s (%s) and is no placeholder of its configuration",
                                name, env.getName(), module, properties.describe())
                        .isTrue();
            }
        });
    }

    @Test
    void theRouterReadsTheSuiteConfigurationFromTheGeneratedConfigMapWithItsTicketFromTheSecret() {
        Deployment router = deployments().get("router");
        Container container = container(router);
        String location = env(container, "SPRING_CONFIG_ADDITIONAL_LOCATION").getValue();
        Volume volume = router.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getConfigMap() != null).findFirst().orElseThrow();
        String mountPath = container.getVolumeMounts().stream().filter(m -> m.getName().equals(volume.getName()))
                .findFirst().orElseThrow().getMountPath();
        assertThat(location).isEqualTo("file:" + mountPath + "/router-suite.yml");
        Map<String, Object> generator = DeploymentFiles.yaml(DeploymentFiles.file("deploy/kustomization.yaml"));
        assertThat(generator.get("configMapGenerator").toString())
                .contains("name=" + volume.getConfigMap().getName()).contains("router-suite.yml");

        Secret secret = single(Secret.class);
        String key = env(container, "SWITCHBOARD_SERVICE_TICKET").getValueFrom().getSecretKeyRef().getKey();
        assertThat(secret.getStringData()).containsKey(key);
        assertThat(secret.getStringData().values()).allSatisfy(value -> assertThat(value).contains("example"));
        deployments().forEach((name, deployment) -> container(deployment).getEnv().stream()
                .filter(env -> env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null)
                .forEach(env -> assertThat(secret.getStringData())
                        .as("%s's %s", name, env.getName()).containsKey(env.getValueFrom().getSecretKeyRef().getKey())));
    }

    @Test
    void containersRunRestrictedWithAWritableTmpAndBoundedResources() {
        deployments().forEach((name, deployment) -> {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).as(name).isPositive();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).as(name).isEqualTo("RuntimeDefault");
            assertThat(pod.getAutomountServiceAccountToken()).as(name).isFalse();
            Container container = container(deployment);
            assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).as(name).isFalse();
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).as(name).isTrue();
            assertThat(container.getSecurityContext().getCapabilities().getDrop()).as(name).containsExactly("ALL");
            String tmpVolume = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp"))
                    .findFirst().orElseThrow(() -> new AssertionError(name + " mounts nothing on /tmp")).getName();
            assertThat(pod.getVolumes()).filteredOn(v -> v.getName().equals(tmpVolume))
                    .singleElement().satisfies(v -> assertThat(v.getEmptyDir()).isNotNull());
            assertThat(container.getResources().getRequests()).as(name).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).as(name).containsKeys("cpu", "memory");
        });
    }

    @Test
    void imagesAreTheOnesTheDockerfilesBuildAndExposeTheContainerPorts() {
        deployments().forEach((name, deployment) -> {
            Container container = container(deployment);
            String module = DeploymentFiles.moduleOfImage(container.getImage());
            assertThat(module).as(name).isEqualTo(DeploymentFiles.MODULES.get(name));
            String dockerfile = DeploymentFiles.read(DeploymentFiles.dockerfile(module));
            assertThat(dockerfile).contains("COPY " + module + "/target/" + module + "-*.jar");
            for (ContainerPort port : container.getPorts()) {
                assertThat(dockerfile).as("%s EXPOSEs %d", module, port.getContainerPort())
                        .containsPattern("(?m)^EXPOSE .*\\b" + port.getContainerPort() + "\\b");
            }
        });
        Map<String, Object> kustomization = DeploymentFiles.yaml(DeploymentFiles.file("k8s/kustomization.yaml"));
        assertThat(kustomization.get("images").toString()).contains(DeploymentFiles.MODULES.values().stream()
                .map(module -> "name=" + DeploymentFiles.IMAGE_PREFIX + module).toList());
    }

    @Test
    void computeScalesOnCpuRequestsAndKeepsAnInstanceThroughDisruptions() {
        HorizontalPodAutoscaler autoscaler = single(HorizontalPodAutoscaler.class);
        Deployment target = deployments().get(autoscaler.getSpec().getScaleTargetRef().getName());
        assertThat(target).as("the autoscaler's target").isNotNull();
        assertThat(autoscaler.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(target.getSpec().getReplicas()).as("the autoscaler owns the replica count").isNull();
        assertThat(autoscaler.getSpec().getMetrics()).singleElement()
                .satisfies(metric -> assertThat(metric.getResource().getName()).isEqualTo("cpu"));
        assertThat(container(target).getResources().getRequests()).containsKey("cpu");
        assertThat(autoscaler.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);

        PodDisruptionBudget budget = single(PodDisruptionBudget.class);
        assertThat(deploymentSelectedBy(budget.getSpec().getSelector().getMatchLabels())).isSameAs(target);
    }

    @Test
    void onlyTheRouterAcceptsTheSuitesPodsAndOnlyRouterAndDashboardTheIngressController() {
        List<NetworkPolicy> policies = all(NetworkPolicy.class);
        assertThat(policies).anySatisfy(policy -> {
            assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
            assertThat(policy.getSpec().getPolicyTypes()).contains("Ingress");
            assertThat(policy.getSpec().getIngress()).isNullOrEmpty();
        });
        Map<String, List<String>> podPeersByDeployment = new HashMap<>();
        Map<String, List<String>> namespacePeersByDeployment = new HashMap<>();
        for (NetworkPolicy policy : policies) {
            Map<String, String> selector = policy.getSpec().getPodSelector().getMatchLabels();
            if (selector == null || selector.isEmpty()) {
                continue;
            }
            Deployment selected = deploymentSelectedBy(selector);
            policy.getSpec().getIngress().forEach(rule -> {
                for (NetworkPolicyPort port : rule.getPorts()) {
                    assertThat(containerPort(selected, port.getPort())).as("policy %s port %s", name(policy),
                            port.getPort()).isNotNull();
                }
                for (NetworkPolicyPeer peer : rule.getFrom()) {
                    if (peer.getPodSelector() != null) {
                        podPeersByDeployment.computeIfAbsent(name(selected), k -> new ArrayList<>())
                                .add(peer.getPodSelector().getMatchLabels().toString());
                        deployments().values().forEach(client -> assertThat(podLabels(client))
                                .as("%s may reach %s", name(client), name(selected))
                                .containsAllEntriesOf(peer.getPodSelector().getMatchLabels()));
                    }
                    if (peer.getNamespaceSelector() != null) {
                        namespacePeersByDeployment.computeIfAbsent(name(selected), k -> new ArrayList<>())
                                .add(peer.getNamespaceSelector().getMatchLabels().toString());
                    }
                }
            });
        }
        assertThat(podPeersByDeployment).containsOnlyKeys("router");
        assertThat(namespacePeersByDeployment).containsOnlyKeys("router", "ui");
        assertThat(namespacePeersByDeployment.get("ui")).singleElement().asString().contains("ingress-nginx");
    }

    @Test
    void theNamespaceEnforcesTheRestrictedPodSecurityStandard() {
        assertThat(single(io.fabric8.kubernetes.api.model.Namespace.class).getMetadata().getLabels())
                .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
        assertThat(all(ConfigMap.class)).as("the router's ConfigMap is generated from deploy/router-suite.yml")
                .isEmpty();
    }

    @Test
    void kustomizeRendersTheSuiteWithTheConfigMapGeneratedFromTheSharedFile() throws Exception {
        ExternalTool kubectl = new ExternalTool("kubectl");
        Assumptions.assumeTrue(kubectl.installed(), "kubectl is not installed: `kubectl kustomize k8s/` not checked");
        ExternalTool.Result rendered = kubectl.run(Map.of(), "kustomize", "k8s/");
        assertThat(rendered.exitCode()).as(rendered.output()).isZero();
        List<HasMetadata> renderedObjects = DeploymentFiles.kubernetesObjects(rendered.output());
        assertThat(renderedObjects).allSatisfy(object -> {
            assertThat(object).isNotInstanceOf(GenericKubernetesResource.class);
            if (!object.getKind().equals("Namespace")) {
                assertThat(object.getMetadata().getNamespace()).isEqualTo("switchboard");
            }
            assertThat(object.getMetadata().getLabels()).containsEntry("app.kubernetes.io/part-of", "switchboard");
        });
        ConfigMap suite = renderedObjects.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                .filter(map -> map.getMetadata().getName().startsWith("router-suite-")).findFirst().orElseThrow();
        assertThat(suite.getData()).containsEntry("router-suite.yml",
                DeploymentFiles.read(DeploymentFiles.file("deploy/router-suite.yml")));
        Deployment router = renderedObjects.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast)
                .filter(d -> name(d).equals("router")).findFirst().orElseThrow();
        assertThat(router.getSpec().getTemplate().getSpec().getVolumes())
                .anySatisfy(v -> assertThat(v.getConfigMap().getName()).isEqualTo(suite.getMetadata().getName()));
    }

    // --- lookups ------------------------------------------------------------------------------------------------

    private Map<String, Deployment> deployments() {
        Map<String, Deployment> byName = new HashMap<>();
        all(Deployment.class).forEach(deployment -> byName.put(name(deployment), deployment));
        return byName;
    }

    private Deployment deploymentSelectedBy(Map<String, String> selector) {
        List<Deployment> selected = all(Deployment.class).stream()
                .filter(deployment -> podLabels(deployment).entrySet().containsAll(selector.entrySet())).toList();
        assertThat(selected).as("Deployments whose pods the selector %s selects", selector).hasSize(1);
        return selected.getFirst();
    }

    private static Map<String, String> podLabels(Deployment deployment) {
        Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertThat(labels).as("pod labels of " + name(deployment))
                .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
        return labels;
    }

    private static Container container(Deployment deployment) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).as(name(deployment) + " containers").hasSize(1);
        return containers.getFirst();
    }

    /** The container port a Service, probe or policy names (by name or number), or null. */
    private static ContainerPort containerPort(Deployment deployment, IntOrString port) {
        return container(deployment).getPorts().stream()
                .filter(p -> port.getStrVal() != null ? Objects.equals(p.getName(), port.getStrVal())
                        : Objects.equals(p.getContainerPort(), port.getIntVal()))
                .findFirst().orElse(null);
    }

    private static EnvVar env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no " + name));
    }

    private <T extends HasMetadata> List<T> all(Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    private <T extends HasMetadata> T single(Class<T> kind) {
        List<T> found = all(kind);
        assertThat(found).as(kind.getSimpleName()).hasSize(1);
        return found.getFirst();
    }

    private static String name(HasMetadata object) {
        return object.getMetadata().getName();
    }
}
