package org.ecawizard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.ecawizard.BuildDirectory;
import org.junit.jupiter.api.Test;

/**
 * The library's API is a contract with the back ends that embed it, kept like the HTTP one: the public signatures
 * of its one package, {@code org.ecawizard.engine}, and of the facts its answers are made of are held equal to
 * {@code src/engine/src/test/resources/contract/engine-api.txt}, so that a change to them is made on purpose (and
 * said in the release), never by accident; and nothing in them hands out a type of the engine's workings.
 */
class LibraryApiTest {

    private static final Path CONTRACT = Path.of("src/engine/src/test/resources/contract/engine-api.txt");

    private static final List<String> API_PACKAGES = List.of("org.ecawizard.engine", "org.ecawizard.facts");

    @Test
    void theApisSignaturesAreTheContract() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String pkg : API_PACKAGES) {
            lines.add("package " + pkg);
            publicTypes(pkg).forEach(type -> lines.addAll(signatures(type)));
        }
        String api = String.join("\n", lines) + "\n";
        Path written = BuildDirectory.resolve("contract", "engine-api.txt");
        Files.createDirectories(written.getParent());
        Files.writeString(written, api);

        assertThat(api).as("The public API is not the contract. If the change is meant, review it (diff %s %s)"
                + " and copy the first over the second.", written, CONTRACT).isEqualTo(Files.readString(CONTRACT));
    }

    @Test
    void theApiHandsOutNoTypeOfTheEnginesWorkings() {
        List<String> leaks = new ArrayList<>();
        for (String pkg : API_PACKAGES) {
            for (Class<?> type : publicTypes(pkg)) {
                for (Type used : exposed(type)) {
                    for (Class<?> named : named(used)) {
                        String where = named.getPackageName();
                        if (!(API_PACKAGES.contains(where) || where.startsWith("java."))) {
                            leaks.add(type.getSimpleName() + " hands out " + named.getName());
                        }
                    }
                }
            }
        }
        assertThat(leaks).as("types outside the API in its public signatures").isEmpty();
        assertThat(publicTypes("org.ecawizard.engine")).contains(EcaRules.class, Recommendation.class);
        assertThat(publicTypes("org.ecawizard.engine")).noneMatch(type -> type.getSimpleName().equals("Replay"));
    }

    /** The public top-level types of a package of the engine's classes (not its tests'), by name. */
    private static List<Class<?>> publicTypes(String pkg) {
        try (var files = Files.list(Path.of(EcaRules.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI()).resolve(pkg.replace('.', '/')))) {
            List<Class<?>> types = new ArrayList<>();
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".class") && !name.contains("$") && !name.equals("package-info.class")) {
                    Class<?> type = Class.forName(pkg + "." + name.substring(0, name.length() - 6));
                    if (Modifier.isPublic(type.getModifiers())) {
                        types.add(type);
                    }
                }
            }
            return types;
        } catch (IOException | URISyntaxException | ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /** Every type a public member of {@code type} (or of its public nested types) takes, gives or throws. */
    private static List<Type> exposed(Class<?> type) {
        List<Type> used = new ArrayList<>();
        if (type.getGenericSuperclass() != null) {
            used.add(type.getGenericSuperclass());
        }
        used.addAll(List.of(type.getGenericInterfaces()));
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isPublic(field.getModifiers())) {
                used.add(field.getGenericType());
            }
        }
        for (Method method : type.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers()) && !method.isSynthetic()) {
                used.add(method.getGenericReturnType());
                used.addAll(List.of(method.getGenericParameterTypes()));
                used.addAll(List.of(method.getGenericExceptionTypes()));
            }
        }
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (Modifier.isPublic(constructor.getModifiers())) {
                used.addAll(List.of(constructor.getGenericParameterTypes()));
            }
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            if (Modifier.isPublic(nested.getModifiers())) {
                used.addAll(exposed(nested));
            }
        }
        return used;
    }

    /** The classes a type names: itself, its type arguments, bounds and component types. */
    private static List<Class<?>> named(Type type) {
        if (type instanceof Class<?> plain) {
            return plain.isArray() ? named(plain.getComponentType())
                    : plain.isPrimitive() ? List.of() : List.of(plain);
        }
        if (type instanceof ParameterizedType generic) {
            List<Class<?>> all = new ArrayList<>(named(generic.getRawType()));
            Arrays.stream(generic.getActualTypeArguments()).map(LibraryApiTest::named).forEach(all::addAll);
            return all;
        }
        if (type instanceof GenericArrayType array) {
            return named(array.getGenericComponentType());
        }
        if (type instanceof WildcardType wildcard) {
            List<Class<?>> all = new ArrayList<>();
            Arrays.stream(wildcard.getUpperBounds()).map(LibraryApiTest::named).forEach(all::addAll);
            Arrays.stream(wildcard.getLowerBounds()).map(LibraryApiTest::named).forEach(all::addAll);
            return all;
        }
        return List.of(); // a type variable: its bound is Object here
    }

    /** One line per public member, sorted within each type; nested public types follow their owner. */
    private static List<String> signatures(Class<?> type) {
        List<String> lines = new ArrayList<>();
        lines.add(kind(type) + " " + name(type) + (type.getTypeParameters().length > 0 ? Arrays.stream(
                type.getTypeParameters()).map(Type::getTypeName).collect(Collectors.joining(", ", "<", ">")) : "")
                + (type.isRecord() ? Arrays.stream(type.getRecordComponents())
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
        List<Type> canonical = type.isRecord() ? Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getGenericType).toList() : List.of();
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            List<Type> parameters = List.of(constructor.getGenericParameterTypes());
            // A record's canonical constructor is its header, above.
            if (Modifier.isPublic(constructor.getModifiers()) && !(type.isRecord() && parameters.equals(canonical))) {
                members.add("  new" + parameters.stream().map(LibraryApiTest::name)
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
