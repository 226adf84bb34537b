package com.socketworkbench.app;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command {@code mvn compile exec:exec} starts the app with, read from pom.xml (the exec-maven-plugin's arguments
 * in the main build) with its properties filled in. The paths the build makes in its compile phase
 * (maven-dependency-plugin executions writing {@code launch.modulepath} and {@code launch.classpath}) are made here
 * the same way from this test JVM's class path: each jar of the local repository goes where that execution's
 * {@code includeGroupIds}/{@code excludeGroupIds} put it; directories (target/classes, target/test-classes) join the
 * class path, and {@code app.jar} is target/classes.
 */
final class LaunchCommand {
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    private LaunchCommand() {
    }

    /** The JVM arguments and main class of the launch, as pom.xml lists them, without the {@code java} in front. */
    static List<String> fromPom(Path pom) throws Exception {
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile())
                .getDocumentElement();
        Map<String, String> properties = new HashMap<>();
        for (Element property : children(child(project, "properties"))) {
            properties.put(property.getTagName(), property.getTextContent().strip());
        }
        Element plugins = child(child(project, "build"), "plugins");
        for (Element execution : children(child(plugin(plugins, "maven-dependency-plugin"), "executions"))) {
            Element configuration = child(execution, "configuration");
            String output = child(configuration, "outputProperty").getTextContent().strip();
            List<String> included = groupIds(configuration, "includeGroupIds");
            List<String> excluded = groupIds(configuration, "excludeGroupIds");
            List<String> path = classPath().stream()
                    .filter(entry -> !entry.endsWith(".jar") ? included.isEmpty()
                            : (included.isEmpty() || inGroup(entry, included)) && !inGroup(entry, excluded))
                    .toList();
            properties.put(output, String.join(File.pathSeparator, path));
        }
        properties.put("app.jar", Path.of("target", "classes").toAbsolutePath().toString());
        properties.put("path.separator", File.pathSeparator);
        properties.put("project.basedir", Path.of("").toAbsolutePath().toString());
        properties.put("project.build.directory", Path.of("target").toAbsolutePath().toString());
        properties.put("project.build.finalName", child(project, "artifactId").getTextContent().strip() + "-"
                + child(project, "version").getTextContent().strip());
        List<String> arguments = new ArrayList<>();
        Element exec = plugin(plugins, "exec-maven-plugin");
        for (Element argument : children(child(child(exec, "configuration"), "arguments"))) {
            String resolved = resolve(argument.getTextContent().strip(), properties);
            // An empty app.args is passed as an empty argument, which the app ignores.
            if (!resolved.isEmpty()) {
                arguments.add(resolved);
            }
        }
        return arguments;
    }

    private static Element plugin(Element plugins, String artifactId) {
        return children(plugins).stream()
                .filter(plugin -> child(plugin, "artifactId").getTextContent().strip().equals(artifactId))
                .findFirst().orElseThrow(() -> new AssertionError("pom.xml has no " + artifactId + " in <build>"));
    }

    private static List<String> groupIds(Element configuration, String name) {
        return children(configuration).stream().filter(element -> element.getTagName().equals(name))
                .flatMap(element -> Arrays.stream(element.getTextContent().split(",")))
                .map(String::strip).filter(group -> !group.isEmpty()).toList();
    }

    /** True when {@code jar} lies in the local repository folder of one of {@code groupIds}. */
    private static boolean inGroup(String jar, List<String> groupIds) {
        return groupIds.stream().anyMatch(group -> jar.contains(
                File.separator + group.replace('.', File.separatorChar) + File.separator));
    }

    private static List<String> classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).toList();
    }

    private static String resolve(String text, Map<String, String> properties) {
        String resolved = text;
        for (int depth = 0; depth < 10 && resolved.contains("${"); depth++) {
            Matcher matcher = PROPERTY.matcher(resolved);
            StringBuilder next = new StringBuilder();
            while (matcher.find()) {
                String value = properties.get(matcher.group(1));
                if (value == null) {
                    throw new AssertionError("pom.xml's launch argument '" + text + "' uses ${" + matcher.group(1)
                            + "}, which this test does not know");
                }
                matcher.appendReplacement(next, Matcher.quoteReplacement(value));
            }
            matcher.appendTail(next);
            resolved = next.toString();
        }
        return resolved;
    }

    private static Element child(Element parent, String name) {
        return children(parent).stream().filter(element -> element.getTagName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("pom.xml: <" + parent.getTagName() + "> has no <" + name + ">"));
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }
}
