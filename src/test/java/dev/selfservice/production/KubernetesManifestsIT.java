package dev.selfservice.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import dev.selfservice.support.Commands;

/**
 * The Kubernetes manifests the build generates (target/kubernetes/kubernetes.yml), read as a platform engineer's
 * review would: two replicas, three probes on the management port, sized resources, non-root with a read-only root
 * filesystem, settings from a ConfigMap and a Secret, a Service with the pages only, a disruption budget that keeps one
 * replica, and a grace period longer than the portal's own shutdown. The committed Kustomize base is the same file.
 */
class KubernetesManifestsIT {

    private static final Path GENERATED = Path.of("target/kubernetes/kubernetes.yml");
    private static final Path BASE = Path.of("deploy/base/kubernetes.yml");

    @Test
    void theDeploymentRunsTwoProbedSizedLockedDownReplicas() throws IOException {
        JsonNode deployment = only(read(GENERATED), "Deployment");
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
        JsonNode pod = deployment.at("/spec/template/spec");
        JsonNode container = pod.at("/containers/0");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            assertThat(container.at("/" + probe + "/httpGet/port").asInt()).as(probe + " on the management port")
                    .isEqualTo(9000);
        }
        assertThat(container.at("/resources/requests/memory").asText()).isNotEmpty();
        assertThat(container.at("/resources/requests/cpu").asText()).isNotEmpty();
        assertThat(container.at("/resources/limits/memory").asText()).isNotEmpty();
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.at("/securityContext/runAsUser").asInt()).isPositive();
        assertThat(pod.at("/automountServiceAccountToken").isBoolean()).isTrue();
        assertThat(pod.at("/automountServiceAccountToken").asBoolean()).isFalse();
        assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(container.at("/securityContext/allowPrivilegeEscalation").isBoolean()).isTrue();
        assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean()).isFalse();
        assertThat(container.at("/securityContext/capabilities/drop").toString()).contains("\"ALL\"");
        // with a read-only root, /tmp is the one writable place
        assertThat(container.at("/volumeMounts/0/mountPath").asText()).isEqualTo("/tmp");
        assertThat(pod.at("/volumes/0/emptyDir").isObject()).isTrue();
        assertThat(container.at("/envFrom").findValuesAsText("name")).as("settings from a ConfigMap and a Secret")
                .containsExactlyInAnyOrder("self-service-portal", "self-service-portal");
        assertThat(container.at("/envFrom").toString()).contains("configMapRef", "secretRef");
        // requests in flight get quarkus.shutdown.timeout (30 s) after the preStop pause (5 s), within the grace
        assertThat(container.at("/lifecycle/preStop/sleep/seconds").asInt()).isEqualTo(5);
        assertThat(pod.at("/terminationGracePeriodSeconds").asInt()).isGreaterThan(30 + 5);
        assertThat(pod.at("/topologySpreadConstraints/0/topologyKey").asText()).as("replicas spread over nodes")
                .isEqualTo("kubernetes.io/hostname");
    }

    @Test
    void theServicePublishesThePagesOnlyAndTheBudgetKeepsOneReplica() throws IOException {
        List<JsonNode> all = read(GENERATED);
        JsonNode service = only(all, "Service");
        assertThat(service.at("/spec/ports").size()).isEqualTo(1);
        assertThat(service.at("/spec/ports/0/targetPort").asInt()).isEqualTo(8080);
        JsonNode budget = only(all, "PodDisruptionBudget");
        assertThat(budget.at("/spec/minAvailable").asInt()).isEqualTo(1);
        JsonNode podLabels = only(all, "Deployment").at("/spec/template/metadata/labels");
        budget.at("/spec/selector/matchLabels").fields().forEachRemaining(label -> assertThat(
                podLabels.path(label.getKey()).asText()).as("the budget selects the portal's pods")
                .isEqualTo(label.getValue().asText()));
        service.at("/spec/selector").fields().forEachRemaining(label -> assertThat(
                podLabels.path(label.getKey()).asText()).as("the Service selects the portal's pods")
                .isEqualTo(label.getValue().asText()));
    }

    @Test
    void theNativeImageIsBuiltWithMandrelAndRunsAsTheManifestsExpect() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("docker/Dockerfile.native"));
        List<String> stages = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
        assertThat(stages).hasSize(2);
        assertThat(stages.get(0)).contains("ubi9-quarkus-mandrel-builder-image").endsWith(" AS build");
        List<String> runStage = lines.subList(lines.indexOf(stages.get(1)), lines.size());
        JsonNode pod = only(read(GENERATED), "Deployment").at("/spec/template/spec");
        assertThat(runStage).as("the image's user is the manifests' runAsUser")
                .contains("USER " + pod.at("/securityContext/runAsUser").asInt());
        assertThat(runStage.stream().filter(l -> l.startsWith("EXPOSE ")).findFirst().orElseThrow())
                .as("the image exposes the pages and the probes' port")
                .contains("8080", String.valueOf(pod.at("/containers/0/readinessProbe/httpGet/port").asInt()));
        assertThat(runStage).anyMatch(l -> l.contains("--from=build") && l.contains("-runner"));
    }

    @Test
    void theCommittedKustomizeBaseIsWhatTheBuildGenerates() throws IOException {
        // compared as documents: the generator lists a container's ports and envFrom sources in no fixed order
        assertThat(normalised(read(BASE))).as("copy target/kubernetes/kubernetes.yml to deploy/base/kubernetes.yml")
                .isEqualTo(normalised(read(GENERATED)));
    }

    /** The example overlay as {@code kubectl apply -k} would apply it. */
    private static List<JsonNode> example() throws Exception {
        Assumptions.assumeTrue(Commands.onPath("kubectl"), "kubectl (with its kustomize) is not installed");
        Process kustomize = new ProcessBuilder("kubectl", "kustomize", "deploy/example").redirectErrorStream(true).start();
        String out = new String(kustomize.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kustomize.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(kustomize.exitValue()).as(out).isZero();
        List<JsonNode> all = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = new YAMLMapper().readerFor(JsonNode.class).readValues(out)) {
            docs.forEachRemaining(all::add);
        }
        return all;
    }

    /**
     * The Redis component's container command, run here with Debian's redis-server (kept on loopback and a free port
     * by a wrapper that adds them last): it refuses an empty password, and with one it answers no one without it.
     */
    @Test
    void theRedisComponentsRedisDoesNotRunOpen() throws Exception {
        Path binary = Path.of("/usr/bin/redis-server");
        Assumptions.assumeTrue(Files.isExecutable(binary), "no redis-server to run the component's command with");
        JsonNode redis = example().stream().filter(d -> d.at("/kind").asText().equals("Deployment")
                && d.at("/metadata/name").asText().equals("self-service-portal-redis")).findFirst().orElseThrow()
                .at("/spec/template/spec/containers/0");
        List<String> command = new ArrayList<>();
        redis.at("/command").forEach(c -> command.add(c.asText()));
        redis.at("/args").forEach(a -> command.add(a.asText()));
        int port = dev.selfservice.support.ProductionJar.freePort();
        Path bin = Files.createDirectories(Path.of("target/redis-component-bin"));
        Path wrapper = bin.resolve("redis-server");
        Files.writeString(wrapper, "#!/bin/sh\nexec " + binary + " \"$@\" --port " + port + " --bind 127.0.0.1 --dir "
                + Path.of("target").toAbsolutePath() + "\n");
        wrapper.toFile().setExecutable(true);

        ProcessBuilder blank = new ProcessBuilder(command).redirectErrorStream(true);
        blank.environment().put("PATH", bin.toAbsolutePath() + ":" + System.getenv("PATH"));
        blank.environment().put("REDIS_PASSWORD", "");
        Process refused = blank.start();
        assertThat(refused.waitFor(10, TimeUnit.SECONDS)).as("stops at once").isTrue();
        assertThat(refused.exitValue()).isNotZero();
        assertThat(new String(refused.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("REDIS_PASSWORD is empty");

        ProcessBuilder set = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target/redis-component.log").toFile());
        set.environment().put("PATH", bin.toAbsolutePath() + ":" + System.getenv("PATH"));
        set.environment().put("REDIS_PASSWORD", "a-password with spaces/+=");
        Process running = set.start();
        try {
            String anonymous = null;
            for (int i = 0; i < 100 && anonymous == null; i++) {
                try {
                    anonymous = dev.selfservice.support.RedisServer.says(port, "PING\r\n");
                } catch (IOException notYet) {
                    Thread.sleep(100);
                }
            }
            assertThat(anonymous).as("without the password").startsWith("-NOAUTH");
            assertThat(dev.selfservice.support.RedisServer.says(port, "AUTH \"a-password with spaces/+=\"\r\nPING\r\n")).as("with it").startsWith("+OK");
        } finally {
            running.destroy();
            running.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theExampleOverlayBuildsWithRedisAndHashedSettings() throws Exception {
        List<JsonNode> all = example();
        JsonNode settings = only(all, "ConfigMap");
        assertThat(settings.at("/data/REDIS_URL").asText()).isEqualTo("redis://self-service-portal-redis:6379");
        JsonNode portal = all.stream().filter(d -> d.at("/kind").asText().equals("Deployment")
                && d.at("/metadata/name").asText().equals("self-service-portal")).findFirst().orElseThrow();
        assertThat(portal.at("/spec/template/spec/containers/0/envFrom").findParent("configMapRef").at("/configMapRef/name")
                .asText()).as("the Deployment reads the generated ConfigMap").isEqualTo(settings.at("/metadata/name").asText())
                .startsWith("self-service-portal-");
        assertThat(portal.at("/spec/template/spec/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
        JsonNode redis = all.stream().filter(d -> d.at("/kind").asText().equals("Deployment")
                && d.at("/metadata/name").asText().equals("self-service-portal-redis")).findFirst().orElseThrow()
                .at("/spec/template/spec/containers/0");
        // Redis answers only with the password the portal reads from its own Secret (and needs it to start)
        String portalSecret = portal.at("/spec/template/spec/containers/0/envFrom").findParent("secretRef")
                .at("/secretRef/name").asText();
        assertThat(redis.at("/args").toString()).contains("--requirepass \\\"$REDIS_PASSWORD\\\"");
        for (String variable : List.of("REDIS_PASSWORD", "REDISCLI_AUTH")) {
            JsonNode from = java.util.stream.StreamSupport.stream(redis.at("/env").spliterator(), false)
                    .filter(e -> e.at("/name").asText().equals(variable)).findFirst().orElseThrow()
                    .at("/valueFrom/secretKeyRef");
            assertThat(from.at("/name").asText()).as(variable).isEqualTo(portalSecret);
            assertThat(from.at("/key").asText()).as(variable).isEqualTo("REDIS_PASSWORD");
            assertThat(from.has("optional")).as(variable + " is required").isFalse();
        }
        assertThat(settings.at("/data").has("REDIS_PASSWORD")).as("not in the ConfigMap").isFalse();
        // the management port only from the monitoring namespace; the pages from anywhere
        JsonNode policy = all.stream().filter(d -> d.at("/kind").asText().equals("NetworkPolicy")
                && d.at("/metadata/name").asText().equals("self-service-portal")).findFirst().orElseThrow();
        assertThat(policy.at("/spec/ingress").toString()).contains("\"port\":8080", "\"port\":9000", "monitoring");
        assertThat(portal.at("/spec/template/metadata/annotations/prometheus.io~1scrape").asText())
                .as("the pods say where their metrics are").isEqualTo("true");
        assertThat(all.stream().filter(d -> d.at("/kind").asText().equals("Service")
                && d.at("/metadata/name").asText().equals("self-service-portal")).findFirst().orElseThrow()
                .at("/metadata/annotations").toString()).as("scraped through the pods only").doesNotContain("prometheus.io/scrape");
    }

    /** The documents with every list of objects in one order (their JSON text's). */
    private static List<JsonNode> normalised(List<JsonNode> docs) {
        return docs.stream().map(KubernetesManifestsIT::normalised).toList();
    }

    private static JsonNode normalised(JsonNode node) {
        if (node.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode copy = ((com.fasterxml.jackson.databind.node.ObjectNode) node).deepCopy();
            List<String> names = new ArrayList<>();
            copy.fieldNames().forEachRemaining(names::add);
            names.forEach(n -> copy.set(n, normalised(copy.get(n))));
            return copy;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(item -> items.add(normalised(item)));
            if (items.stream().allMatch(JsonNode::isObject)) {
                items.sort(java.util.Comparator.comparing(JsonNode::toString));
            }
            com.fasterxml.jackson.databind.node.ArrayNode sorted = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
            items.forEach(sorted::add);
            return sorted;
        }
        return node;
    }

    private static List<JsonNode> read(Path file) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = new YAMLMapper().readerFor(JsonNode.class).readValues(file.toFile())) {
            it.forEachRemaining(d -> {
                if (d != null && !d.isEmpty()) {
                    docs.add(d);
                }
            });
        }
        return docs;
    }

    private static JsonNode only(List<JsonNode> docs, String kind) {
        List<JsonNode> found = docs.stream().filter(d -> d.at("/kind").asText().equals(kind)).toList();
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }
}
