package org.ecawizard.engine.internal.ruleset;

import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class loader rules are compiled and run against: the application's, less the JDK classes that reach the
 * host most directly (files, channels, network, processes, reflection, scripting, naming, Unsafe). The list is
 * short on purpose: the JDK's core types refer to much of java.io and java.lang, and the compiler needs those to
 * read String or Throwable. A second wall
 * behind {@link Confinement}: the Java compiler Drools uses for consequences finds no class file for them, so code
 * that names them does not compile, and a class generated from a rule that asks for one by name at run time
 * (Class.forName) gets ClassNotFoundException. Drools' own classes are loaded by the application's loader and are
 * not affected.
 */
final class RuleClassLoader extends ClassLoader {

    private static final List<String> DENIED = List.of("java.io.File", "java.io.FileInputStream",
            "java.io.FileOutputStream", "java.io.FileReader", "java.io.FileWriter", "java.io.RandomAccessFile",
            "java.nio.file.", "java.nio.channels.", "java.net.", "java.lang.ProcessBuilder", "java.lang.Runtime",
            "java.lang.reflect.", "javax.script.", "javax.naming.", "sun.misc.", "jdk.internal.");

    /**
     * What a parent loader does not have, by class and by resource name. Drools and its Java compiler try each
     * import for each type name a ruleset uses, and each miss is a search of every jar on the class path, which
     * every compile and every new ruleset's first answers asked again (about a sixth of a reload's gate). The
     * application's class path does not change while it runs, and these loaders define no class of their own, so
     * a miss stays a miss. Bounded, because rule text chooses the names.
     */
    private record Absent(Set<String> classes, Set<String> resources) {
    }

    private static final Map<ClassLoader, Absent> ABSENT = Collections.synchronizedMap(new WeakHashMap<>());
    private static final int MOST_REMEMBERED = 20_000;

    static {
        registerAsParallelCapable();
    }

    private final Absent absent;

    RuleClassLoader(ClassLoader parent) {
        super("eca-rules", parent);
        this.absent = ABSENT.computeIfAbsent(parent, loader -> new Absent(ConcurrentHashMap.newKeySet(),
                ConcurrentHashMap.newKeySet()));
    }

    /** A package ends with a dot and is denied whole; a class is denied with its nested classes. */
    static boolean denied(String className) {
        return DENIED.stream().anyMatch(entry -> entry.endsWith(".") ? className.startsWith(entry)
                : className.equals(entry) || className.startsWith(entry + "$"));
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (denied(name)) {
            throw new ClassNotFoundException(name + " is not available to rules");
        }
        if (absent.classes().contains(name)) {
            throw new ClassNotFoundException(name);
        }
        try {
            return super.loadClass(name, resolve);
        } catch (ClassNotFoundException e) {
            if (e.getCause() == null) { // a class that is not there, not a read that failed
                remember(absent.classes(), name);
            }
            throw e;
        }
    }

    @Override
    public URL getResource(String name) {
        if (deniedResource(name) || absent.resources().contains(name)) {
            return null;
        }
        URL found = super.getResource(name);
        if (found == null) {
            remember(absent.resources(), name);
        }
        return found;
    }

    private static void remember(Set<String> absent, String name) {
        if (absent.size() < MOST_REMEMBERED) {
            absent.add(name);
        }
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        return deniedResource(name) ? null : super.getResourceAsStream(name);
    }

    private static boolean deniedResource(String name) {
        return name.endsWith(".class") && denied(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
    }
}
