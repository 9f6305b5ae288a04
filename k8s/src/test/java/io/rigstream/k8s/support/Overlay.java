package io.rigstream.k8s.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** One rendered overlay as typed objects, with the questions the tests ask of it. */
public final class Overlay {

    public static final List<String> NAMES = List.of("dev", "production", "strimzi");

    /** For parameterized tests. */
    public static List<String> names() {
        return NAMES;
    }

    private final String name;
    private final Kustomize.Rendering rendering;
    private final List<Object> typed = new ArrayList<>();

    private Overlay(String name, Kustomize.Rendering rendering) {
        this.name = name;
        this.rendering = rendering;
        for (ObjectNode resource : rendering.resources()) {
            typed.add(Manifests.typed(resource));
        }
    }

    public static Overlay render(String name) {
        return new Overlay(name, Kustomize.render(Repo.k8s().resolve("overlays").resolve(name)));
    }

    public String name() {
        return name;
    }

    public Kustomize.Rendering rendering() {
        return rendering;
    }

    public List<Object> all() {
        return typed;
    }

    public <T> List<T> all(Class<T> type) {
        return typed.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public <T extends HasMetadata> Optional<T> find(Class<T> type, String resourceName) {
        return all(type).stream().filter(r -> r.getMetadata().getName().equals(resourceName)).findFirst();
    }

    public <T extends HasMetadata> T get(Class<T> type, String resourceName) {
        return find(type, resourceName).orElseThrow(() -> new AssertionError(
                name + ": no " + type.getSimpleName() + " " + resourceName));
    }

    /** Deployments and StatefulSets, by name, with their pod templates. */
    public Map<String, PodTemplateSpec> podTemplates() {
        Map<String, PodTemplateSpec> templates = new LinkedHashMap<>();
        all(Deployment.class).forEach(d -> templates.put(d.getMetadata().getName(), d.getSpec().getTemplate()));
        all(StatefulSet.class).forEach(s -> templates.put(s.getMetadata().getName(), s.getSpec().getTemplate()));
        return templates;
    }

    public PodTemplateSpec podTemplate(RigService service) {
        PodTemplateSpec template = podTemplates().get(service.workload());
        if (template == null) {
            throw new AssertionError(name + ": no workload " + service.workload());
        }
        return template;
    }

    public Container container(RigService service) {
        List<Container> containers = podTemplate(service).getSpec().getContainers().stream()
                .filter(c -> c.getArgs() != null && !c.getArgs().isEmpty() && c.getArgs().get(0).equals(service.command()))
                .toList();
        if (containers.size() != 1) {
            throw new AssertionError(name + ": " + service.workload() + " must run exactly one '" + service.command()
                    + "' container, has " + containers.size());
        }
        return containers.get(0);
    }

    /** The data of a rendered ConfigMap, or of a Secret (decoded); empty when neither is rendered. */
    public Optional<Map<String, String>> configMapData(String configMap) {
        return find(ConfigMap.class, configMap).map(cm -> cm.getData() == null ? Map.of() : cm.getData());
    }

    public Optional<Map<String, String>> secretData(String secret) {
        return find(Secret.class, secret).map(s -> {
            Map<String, String> data = new LinkedHashMap<>();
            if (s.getData() != null) {
                s.getData().forEach((k, v) -> data.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
            }
            if (s.getStringData() != null) {
                data.putAll(s.getStringData());
            }
            return data;
        });
    }

    /** The volume mounted at the directory that holds {@code path}, with the file name inside it. */
    public record MountedFile(Volume volume, VolumeMount mount, String fileName) {
    }

    public Optional<MountedFile> mountedFile(RigService service, String path) {
        Container container = container(service);
        for (VolumeMount mount : container.getVolumeMounts()) {
            String dir = mount.getMountPath().endsWith("/") ? mount.getMountPath() : mount.getMountPath() + "/";
            if (path.startsWith(dir) && !path.substring(dir.length()).contains("/")) {
                Volume volume = podTemplate(service).getSpec().getVolumes().stream()
                        .filter(v -> v.getName().equals(mount.getName())).findFirst()
                        .orElseThrow(() -> new AssertionError(name + ": mount " + mount.getName() + " has no volume"));
                return Optional.of(new MountedFile(volume, mount, path.substring(dir.length())));
            }
        }
        return Optional.empty();
    }

    /** The file a volume provides under {@code fileName}: its ConfigMap or Secret key (honouring items). */
    public static Optional<String> keyOf(Volume volume, String fileName) {
        var items = volume.getConfigMap() != null ? volume.getConfigMap().getItems()
                : volume.getSecret() != null ? volume.getSecret().getItems() : null;
        if (items == null || items.isEmpty()) {
            return Optional.of(fileName);
        }
        return items.stream().filter(i -> i.getPath().equals(fileName)).map(i -> i.getKey()).findFirst();
    }

    /** What the rigstream container of {@code service} is started with, as the service will read it. */
    public ServiceSettings settings(RigService service) {
        Container container = container(service);
        String origin = name + "/" + service.workload();
        Map<String, String> properties = Map.of();
        Optional<String> file = ServiceSettings.configFileArgument(container.getArgs());
        if (file.isPresent()) {
            MountedFile mounted = mountedFile(service, file.get()).orElseThrow(() -> new AssertionError(
                    origin + ": the config file " + file.get() + " is on no mounted volume"));
            if (mounted.volume().getConfigMap() == null) {
                throw new AssertionError(origin + ": " + file.get() + " must come from a ConfigMap");
            }
            String cm = mounted.volume().getConfigMap().getName();
            String key = keyOf(mounted.volume(), mounted.fileName()).orElseThrow(() -> new AssertionError(
                    origin + ": ConfigMap volume " + cm + " does not project " + mounted.fileName()));
            String text = configMapData(cm).orElseThrow(() -> new AssertionError(origin + ": ConfigMap " + cm + " is not rendered"))
                    .get(key);
            if (text == null) {
                throw new AssertionError(origin + ": ConfigMap " + cm + " has no key " + key);
            }
            properties = ServiceSettings.parseProperties(text);
        }
        return new ServiceSettings(origin, service, container.getArgs(), properties, environment(service),
                ServiceSettings.overridesOf(container.getArgs()));
    }

    /** The container's environment as Kubernetes builds it: envFrom first, env over it, $(VAR) expanded. */
    public Map<String, String> environment(RigService service) {
        Container container = container(service);
        Map<String, String> env = new LinkedHashMap<>();
        if (container.getEnvFrom() != null) {
            for (EnvFromSource source : container.getEnvFrom()) {
                if (source.getConfigMapRef() != null) {
                    String cm = source.getConfigMapRef().getName();
                    env.putAll(configMapData(cm).orElseThrow(() -> new AssertionError(
                            name + "/" + service.workload() + ": envFrom ConfigMap " + cm + " is not rendered")));
                } else {
                    throw new AssertionError(name + "/" + service.workload() + ": envFrom a Secret hides which variables it sets; "
                            + "use env with secretKeyRef");
                }
            }
        }
        if (container.getEnv() != null) {
            for (EnvVar var : container.getEnv()) {
                env.put(var.getName(), valueOf(service, var, env));
            }
        }
        return env;
    }

    private String valueOf(RigService service, EnvVar var, Map<String, String> earlier) {
        if (var.getValueFrom() == null) {
            return expand(var.getValue() == null ? "" : var.getValue(), earlier);
        }
        var from = var.getValueFrom();
        if (from.getFieldRef() != null) {
            return switch (from.getFieldRef().getFieldPath()) {
                case "metadata.name" -> service.workload() + "-0";
                case "metadata.namespace" -> workloadNamespace(service);
                default -> "field:" + from.getFieldRef().getFieldPath();
            };
        }
        if (from.getSecretKeyRef() != null) {
            return "secret:" + from.getSecretKeyRef().getName() + "/" + from.getSecretKeyRef().getKey();
        }
        if (from.getConfigMapKeyRef() != null) {
            return configMapData(from.getConfigMapKeyRef().getName()).map(d -> d.get(from.getConfigMapKeyRef().getKey()))
                    .orElse("configmap:" + from.getConfigMapKeyRef().getName());
        }
        return "resource:" + var.getName();
    }

    private String workloadNamespace(RigService service) {
        return Stream.concat(all(Deployment.class).stream(), all(StatefulSet.class).stream())
                .filter(w -> w.getMetadata().getName().equals(service.workload()))
                .map(w -> w.getMetadata().getNamespace()).findFirst().orElseThrow();
    }

    private static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    /** Kubernetes' $(VAR) expansion, from variables defined earlier in the list. */
    public static String expand(String value, Map<String, String> earlier) {
        Matcher m = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = earlier.get(m.group(1));
            if (replacement == null) {
                throw new AssertionError("$(" + m.group(1) + ") refers to no variable defined before it (in " + value + ")");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Every Secret name the workloads refer to (volumes and env). */
    public References secretReferences() {
        References refs = new References();
        podTemplates().forEach((workload, template) -> {
            for (Volume volume : template.getSpec().getVolumes()) {
                if (volume.getSecret() != null) {
                    refs.add(volume.getSecret().getSecretName(), workload);
                }
            }
            for (Container container : template.getSpec().getContainers()) {
                if (container.getEnv() != null) {
                    container.getEnv().stream().filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                            .forEach(e -> refs.add(e.getValueFrom().getSecretKeyRef().getName(), workload));
                }
            }
        });
        return refs;
    }

    /** Names, each with the workloads that refer to it. */
    public static final class References extends java.util.TreeMap<String, TreeSet<String>> {
        private static final long serialVersionUID = 1L;

        void add(String name, String by) {
            computeIfAbsent(name, n -> new TreeSet<>()).add(by);
        }
    }

    public Path root() {
        return rendering.root();
    }

    @Override
    public String toString() {
        return name;
    }
}
