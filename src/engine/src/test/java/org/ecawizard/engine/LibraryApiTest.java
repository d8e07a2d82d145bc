package org.ecawizard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.ecawizard.BuildDirectory;
import org.junit.jupiter.api.Test;

/**
 * The library's door is a contract with the back ends that embed it, kept like the HTTP one: its public
 * signatures are held equal to {@code src/test/resources/contract/engine-api.txt}, so that a change to them is
 * made on purpose (and said in the release), never by accident. The answers' shapes are held by the OpenAPI
 * document, which serialises the same records.
 */
class LibraryApiTest {

    private static final Path CONTRACT = Path.of("src/engine/src/test/resources/contract/engine-api.txt");

    @Test
    void theDoorsSignaturesAreTheContract() throws IOException {
        String api = String.join("\n", signatures(EcaRules.class)) + "\n";
        Path written = BuildDirectory.resolve("contract", "engine-api.txt");
        Files.createDirectories(written.getParent());
        Files.writeString(written, api);

        assertThat(api).as("EcaRules' public API is not the contract. If the change is meant, review it (diff %s %s)"
                + " and copy the first over the second.", written, CONTRACT).isEqualTo(Files.readString(CONTRACT));
    }

    /** One line per public member, sorted within each type; nested public types follow their owner. */
    private static List<String> signatures(Class<?> type) {
        List<String> lines = new ArrayList<>();
        lines.add(kind(type) + " " + name(type) + (type.isRecord() ? Arrays.stream(type.getRecordComponents())
                .map(c -> name(c.getGenericType()) + " " + c.getName())
                .collect(Collectors.joining(", ", "(", ")")) : ""));
        List<String> members = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isPublic(field.getModifiers()) && !field.isEnumConstant()) {
                members.add("  " + (Modifier.isStatic(field.getModifiers()) ? "static " : "")
                        + name(field.getGenericType()) + " " + field.getName());
            }
        }
        List<String> accessors = type.isRecord() ? Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getName).toList() : List.of();
        for (Method method : type.getDeclaredMethods()) {
            boolean generated = method.isSynthetic() || accessors.contains(method.getName())
                    || type.isRecord() && List.of("equals", "hashCode", "toString").contains(method.getName())
                    || type.isEnum() && List.of("values", "valueOf").contains(method.getName());
            if (Modifier.isPublic(method.getModifiers()) && !generated) {
                members.add("  " + (Modifier.isStatic(method.getModifiers()) ? "static " : "")
                        + (method.getTypeParameters().length > 0 ? Arrays.stream(method.getTypeParameters())
                                .map(Type::getTypeName).collect(Collectors.joining(", ", "<", "> ")) : "")
                        + name(method.getGenericReturnType()) + " " + method.getName()
                        + Arrays.stream(method.getGenericParameterTypes()).map(LibraryApiTest::name)
                                .collect(Collectors.joining(", ", "(", ")")));
            }
        }
        members.sort(null);
        lines.addAll(members);
        Arrays.stream(type.getDeclaredClasses()).filter(nested -> Modifier.isPublic(nested.getModifiers()))
                .sorted((a, b) -> a.getName().compareTo(b.getName()))
                .forEach(nested -> lines.addAll(signatures(nested)));
        return lines;
    }

    private static String kind(Class<?> type) {
        return type.isRecord() ? "record" : type.isInterface() ? "interface" : type.isEnum() ? "enum " + Arrays.stream(type.getEnumConstants())
                .map(Object::toString).collect(Collectors.joining(", ", "{", "}")) : "class";
    }

    /** A type as source names it, packages left out: {@code List<Agency>}, {@code EcaRules.Reload}. */
    private static String name(Type type) {
        return type.getTypeName().replaceAll("\\b[a-z][a-z0-9_]*\\.", "").replace('$', '.');
    }
}
