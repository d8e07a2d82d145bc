package org.ecawizard.engine.internal.ruleset;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.VoidType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.ecawizard.engine.RuleProblem;
import org.kie.internal.builder.conf.LanguageLevelOption;

/**
 * Rules are policy, not programs: before a ruleset is compiled or fired, every DRL file is read with Drools' own
 * parser, and its conditions, consequences and functions with JavaParser, and checked against what policy needs.
 * Allowed: imports from the facts package; patterns on facts; constraints, {@code eval} and accumulate functions
 * over fact fields and bound variables; in consequences and functions, insert and delete, the facts' constructors
 * and accessors, strings and their concatenation, {@code if} and {@code return}, local variables, the ruleset's
 * own functions, and a few read-only java.util and String methods. Anything else (another type named, a loop,
 * reflection, globals, {@code declare}, {@code from}, inline accumulate code, dynamic attributes, metadata that is
 * not a literal, unicode escapes) is refused with its file, line and column, and nothing of the file runs.
 */
final class Confinement {

    private static final String FACTS = "org.ecawizard.facts";
    /** Unicode escapes are read by the Java compiler before anything else: they could hide any name. */
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\+u");
    private static final Pattern LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\[^u])*\"|-?\\d+|true|false");
    private static final Set<String> RULE_CALLS = Set.of("insert", "insertLogical", "delete", "retract");
    /** Read-only methods of strings, numbers and collections that the rules' sentences and sizes need. */
    private static final Set<String> INSTANCE_METHODS = Set.of("size", "isEmpty", "contains", "get", "subList",
            "equals", "intValue", "longValue", "length", "isBlank", "startsWith", "endsWith", "toString");
    private static final Map<String, Set<String>> STATIC_METHODS = Map.of(
            "String", Set.of("join", "valueOf"), "java.lang.String", Set.of("join", "valueOf"),
            "List", Set.of("of"), "java.util.List", Set.of("of"), "Set", Set.of("of"), "java.util.Set", Set.of("of"));
    private static final Set<String> JDK_TYPES = Set.of("String", "java.lang.String", "Integer", "Long", "Boolean",
            "Number", "Object", "List", "java.util.List", "Collection", "java.util.Collection", "Set", "java.util.Set",
            "ArrayList", "java.util.ArrayList", "TreeSet", "java.util.TreeSet", "LinkedHashSet",
            "java.util.LinkedHashSet");
    private static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("count", "sum", "min", "max", "average",
            "collectList", "collectSet");
    private static final Set<String> OPERATORS = Set.of("==", "!=", "<", ">", "<=", ">=", "memberOf", "contains");
    private static final Set<String> ATTRIBUTES = Set.of("salience", "no-loop", "lock-on-active", "agenda-group",
            "activation-group", "enabled", "dialect");

    private final Set<String> factTypes;
    private final Set<String> factFields;
    /** The facts' own static factories, such as Evidence.that: by type name, short and qualified. */
    private final Map<String, Set<String>> factFactories;
    /** The facts' own methods that return a changed copy, such as Evidence's accepts and stated: on a chain only. */
    private final Set<String> factWithers;
    /** What the last check found, by file: a file it has seen, among the same functions, is not read again. */
    private volatile Map<String, Checked> lastChecked = Map.of();
    // Every compiler shares this instance, and a JavaParser is not safe to share between threads.
    private final ThreadLocal<JavaParser> javaParser = ThreadLocal.withInitial(() -> new JavaParser(
            new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)));

    private Confinement(Set<String> factTypes, Set<String> factFields, Map<String, Set<String>> factFactories,
                        Set<String> factWithers) {
        this.factTypes = factTypes;
        this.factFields = factFields;
        this.factFactories = factFactories;
        this.factWithers = factWithers;
    }

    /** The facts package as the rules may see it: its record types and their fields. */
    static Confinement ofFacts() {
        Set<String> types = new HashSet<>();
        Set<String> fields = new HashSet<>();
        Map<String, Set<String>> factories = new HashMap<>();
        Set<String> withers = new HashSet<>();
        try {
            for (String file : ClasspathFolder.list(Confinement.class.getClassLoader(), FACTS.replace('.', '/'))) {
                String name = file.replace(".class", "");
                if (!file.endsWith(".class") || name.contains("$") || name.contains("/")
                        || name.equals("package-info")) {
                    continue;
                }
                Class<?> type = Class.forName(FACTS + "." + name, false, Confinement.class.getClassLoader());
                if (type.isRecord()) {
                    types.add(name);
                    types.add(FACTS + "." + name);
                    for (RecordComponent component : type.getRecordComponents()) {
                        fields.add(component.getName());
                    }
                    Set<String> statics = new HashSet<>();
                    for (Method method : type.getDeclaredMethods()) {
                        if (Modifier.isPublic(method.getModifiers()) && method.getReturnType() == type) {
                            (Modifier.isStatic(method.getModifiers()) ? statics : withers).add(method.getName());
                        }
                    }
                    factories.put(name, Set.copyOf(statics));
                    factories.put(FACTS + "." + name, Set.copyOf(statics));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the facts package", e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("The facts package lists a class it does not hold", e);
        }
        return new Confinement(Set.copyOf(types), Set.copyOf(fields), Map.copyOf(factories), Set.copyOf(withers));
    }

    /** Every construct of the source's DRL files that policy may not use, each at its file, line and column. */
    List<RuleProblem> check(RuleSource source) {
        Map<String, Checked> earlier = lastChecked;
        Map<String, String> contents = new LinkedHashMap<>();
        Map<String, Read> read = new HashMap<>();
        Set<String> functions = new HashSet<>();
        for (RuleFile file : source.files().stream().filter(RuleFile::isDrl).toList()) {
            String path = source.pathOf(file.path());
            contents.put(path, file.content());
            Checked known = earlier.get(path);
            if (known != null && known.content().equals(file.content())) {
                functions.addAll(known.declares());
            } else {
                Read fresh = read(path, file.content());
                read.put(path, fresh);
                functions.addAll(fresh.declares());
            }
        }
        Map<String, Checked> checked = new HashMap<>();
        List<RuleProblem> problems = new ArrayList<>();
        contents.forEach((path, content) -> {
            Checked known = earlier.get(path);
            Checked now = read.containsKey(path) || !known.functions().equals(functions)
                    ? check(path, read.computeIfAbsent(path, unread -> read(unread, content)), functions) : known;
            checked.put(path, now);
            problems.addAll(now.problems());
        });
        lastChecked = Map.copyOf(checked);
        return problems;
    }

    /**
     * A file as the parser reads it.
     *
     * @param descr    its description, or null when the parser cannot read it
     * @param problems what keeps the parser from reading it
     * @param declares the functions it declares
     */
    private record Read(String content, PackageDescr descr, List<RuleProblem> problems, Set<String> declares) {
    }

    /**
     * A file's problems among the functions the whole ruleset declares: the same file among the same functions has
     * the same problems, so the next check of a ruleset that keeps it takes them from here.
     */
    private record Checked(String content, Set<String> declares, Set<String> functions, List<RuleProblem> problems) {
    }

    private Read read(String path, String content) {
        var escape = UNICODE_ESCAPE.matcher(content);
        if (escape.find()) {
            int line = (int) content.substring(0, escape.start()).chars().filter(c -> c == '\n').count() + 1;
            return new Read(content, null, List.of(new RuleProblem("confinement", path, line, 0,
                    "not allowed in rules: a unicode escape (\\u...): write the"
                    + " character itself; the Java compiler reads escapes before anything else, so they can hide code")),
                    Set.of());
        }
        List<RuleProblem> problems = new ArrayList<>();
        DrlParser drl = new DrlParser(LanguageLevelOption.DRL6);
        try {
            PackageDescr descr = drl.parse(false, content);
            // A file the parser cannot read is refused here, where it cannot read it, with the rest.
            drl.getErrors().forEach(error -> problems.add(error instanceof ParserError at
                    ? new RuleProblem("drl", path, at.getRow(), at.getCol(), at.getMessage())
                    : new RuleProblem("drl", path, 0, 0, error.getMessage())));
            if (descr != null && !drl.hasErrors()) {
                Set<String> functions = new HashSet<>();
                descr.getFunctions().forEach(f -> functions.add(f.getName()));
                return new Read(content, descr, List.copyOf(problems), Set.copyOf(functions));
            }
        } catch (DroolsParserException e) {
            problems.add(new RuleProblem("drl", path, e.getLineNumber(), e.getColumn(), e.getMessage()));
        }
        return new Read(content, null, List.copyOf(problems), Set.of());
    }

    private Checked check(String path, Read file, Set<String> functions) {
        List<RuleProblem> problems = new ArrayList<>(file.problems());
        if (file.descr() != null) {
            new FileCheck(path, file.content(), functions, problems).check(file.descr());
        }
        return new Checked(file.content(), file.declares(), Set.copyOf(functions), List.copyOf(problems));
    }

    /** The checks of one file, collecting problems at its path. */
    private final class FileCheck {
        private final String path;
        private final List<String> lines;
        private final Set<String> functions;
        private final List<RuleProblem> problems;

        FileCheck(String path, String content, Set<String> functions, List<RuleProblem> problems) {
            this.path = path;
            this.lines = content.lines().toList();
            this.functions = functions;
            this.problems = problems;
        }

        void check(PackageDescr pkg) {
            pkg.getImports().stream()
                    .filter(i -> !i.getTarget().equals(FACTS + ".*") && !factTypes.contains(i.getTarget()))
                    .forEach(i -> refuse(i, "import " + i.getTarget() + ": only the facts (" + FACTS + ".*) may be imported"));
            pkg.getFunctionImports().forEach(i -> refuse(i, "import function " + i.getTarget()
                    + ": only the ruleset's own functions may be called"));
            pkg.getAccumulateImports().forEach(i -> refuse(i, "import accumulate " + i.getTarget()));
            pkg.getGlobals().forEach(g -> refuse(g, "global " + g.getIdentifier() + ": rules share no state"));
            pkg.getTypeDeclarations().forEach(d -> refuse(d, "declare " + d.getTypeName()
                    + ": facts are declared in Java, not in rules"));
            pkg.getEnumDeclarations().forEach(d -> refuse(d, "declare enum " + d.getTypeName()));
            pkg.getEntryPointDeclarations().forEach(d -> refuse(d, "declare entry-point"));
            pkg.getWindowDeclarations().forEach(d -> refuse(d, "declare window"));
            pkg.getAttributes().forEach(this::attribute);
            pkg.getFunctions().forEach(this::function);
            pkg.getRules().forEach(this::rule);
        }

        private void rule(RuleDescr rule) {
            if (rule.isQuery()) {
                refuse(rule, "query \"" + rule.getName() + "\": rules conclude facts, they do not query");
                return;
            }
            rule.getAttributes().values().forEach(this::attribute);
            rule.getAnnotations().forEach(annotation -> metadata(annotation, rule));
            if (!rule.getNamedConsequences().isEmpty()) {
                refuse(rule, "named consequences (then[...]) in rule \"" + rule.getName() + "\"");
            }
            condition(rule.getLhs());
            Object consequence = rule.getConsequence();
            if (consequence != null) {
                // Drools trims the consequence: the block's second line is its first, wherever that is in the file.
                code("{\n" + consequence + "\n}",
                        RuleFile.consequenceStart(lines, consequence.toString(), rule.getConsequenceLine()) - 1, 0,
                        Context.CONSEQUENCE,
                        "the consequence of rule \"" + rule.getName() + "\"");
            }
        }

        private void function(FunctionDescr function) {
            Set<String> types = new HashSet<>(function.getParameterTypes());
            types.add(function.getReturnType());
            types.stream().filter(t -> !allowedType(t) && !t.equals("void"))
                    .forEach(t -> refuse(function, "function " + function.getName() + " uses type " + t));
            if (function.getDialect() != null && !function.getDialect().equals("java")) {
                refuse(function, "function " + function.getName() + " in dialect " + function.getDialect());
            }
            String signature = String.join(", ", java.util.stream.IntStream.range(0, function.getParameterNames().size())
                    .mapToObj(i -> "Object " + function.getParameterNames().get(i)).toList());
            code("void f(" + signature + ") {\n" + function.getBody() + "\n}", function.getLine(), 0, Context.FUNCTION,
                    "function " + function.getName());
        }

        private void attribute(AttributeDescr attribute) {
            String name = attribute.getName();
            String value = attribute.getValue() == null ? "" : attribute.getValue().strip();
            if (!ATTRIBUTES.contains(name)) {
                refuse(attribute, "attribute " + name + ": only salience, no-loop, lock-on-active, agenda-group,"
                        + " activation-group, enabled and dialect \"java\" are allowed");
            } else if (name.equals("dialect") && !value.replace("\"", "").equals("java")) {
                refuse(attribute, "dialect " + value + ": rules are written in the java dialect");
            } else if (!LITERAL.matcher(value).matches() && !value.isEmpty() && !name.equals("dialect")
                    && !value.matches("[A-Za-z0-9_ -]+")) {
                refuse(attribute, "attribute " + name + " " + value + ": its value must be a literal, not code");
            }
        }

        private void metadata(AnnotationDescr annotation, RuleDescr rule) {
            for (Object value : annotation.getValueMap().values()) {
                String text = String.valueOf(value).strip();
                if (!LITERAL.matcher(text).matches()) {
                    refuse(annotation.getLine() > 0 ? annotation : rule, "@" + annotation.getName() + "(" + text + "): metadata must be a quoted string,"
                            + " a number or true/false, not code");
                }
            }
        }

        private void condition(BaseDescr descr) {
            if (descr instanceof PatternDescr pattern) {
                pattern(pattern);
            } else if (descr instanceof EvalDescr eval) {
                // An eval may compare fact fields and bound variables, but calls nothing.
                expression(String.valueOf(eval.getContent()), eval, Context.EVAL, "eval");
            } else if (descr instanceof ConditionalElementDescr group) {
                String kind = descr.getClass().getSimpleName();
                if (!Set.of("AndDescr", "OrDescr", "NotDescr", "ExistsDescr", "ForallDescr").contains(kind)) {
                    refuse(descr, "a condition of kind " + kind.replace("Descr", "").toLowerCase());
                    return;
                }
                group.getDescrs().forEach(d -> condition((BaseDescr) d));
            } else {
                refuse(descr, "a condition of kind " + descr.getClass().getSimpleName().replace("Descr", "").toLowerCase());
            }
        }

        private void pattern(PatternDescr pattern) {
            boolean accumulated = pattern.getSource() instanceof AccumulateDescr;
            if (!factTypes.contains(pattern.getObjectType()) && !(accumulated && JDK_TYPES.contains(pattern.getObjectType()))) {
                refuse(pattern, "a pattern on " + pattern.getObjectType() + ", which is not a fact of " + FACTS);
            }
            if (pattern.getSource() instanceof AccumulateDescr accumulate) {
                accumulate(accumulate);
            } else if (pattern.getSource() != null) {
                refuse(pattern, "from, collect, entry-points and windows: a pattern reads the facts only");
            }
            for (BaseDescr constraint : pattern.getDescrs()) {
                if (constraint instanceof ExprConstraintDescr expr) {
                    constraint(expr);
                } else {
                    refuse(constraint, "a constraint of kind " + constraint.getClass().getSimpleName());
                }
            }
        }

        private void accumulate(AccumulateDescr accumulate) {
            if (!accumulate.isExternalFunction()) {
                refuse(accumulate, "accumulate with init/action/result code: use count, sum, min, max, average,"
                        + " collectList or collectSet");
                return;
            }
            condition(accumulate.getInput());
            for (var call : accumulate.getFunctions()) {
                if (!ACCUMULATE_FUNCTIONS.contains(call.getFunction())) {
                    refuse(accumulate, "accumulate function " + call.getFunction());
                }
                for (String param : call.getParams()) {
                    expression(param, accumulate, Context.CONDITION, "accumulate " + call.getFunction());
                }
            }
        }

        private void constraint(ExprConstraintDescr constraint) {
            DrlExprParser parser = DrlExprParserFactory.getDrlExprParser(LanguageLevelOption.DRL6);
            ConstraintConnectiveDescr parsed = parser.parse(constraint.getExpression());
            if (parser.hasErrors() || parsed == null) {
                return; // the compiler reports a constraint it cannot read, before anything runs
            }
            relational(parsed, constraint);
        }

        private void relational(BaseDescr descr, ExprConstraintDescr at) {
            if (descr instanceof ConstraintConnectiveDescr connective) {
                connective.getDescrs().forEach(d -> relational(d, at));
            } else if (descr instanceof RelationalExprDescr relation) {
                if (!OPERATORS.contains(relation.getOperator())) {
                    refuse(at, "operator " + relation.getOperator() + ": use ==, !=, <, >, <=, >=, memberOf or contains");
                }
                relational(relation.getLeft(), at);
                relational(relation.getRight(), at);
            } else if (descr instanceof BindingDescr binding) {
                expression(binding.getExpression(), at, Context.CONDITION, "a binding");
            } else if (descr instanceof AtomicExprDescr atomic) {
                expression(atomic.getExpression(), at, Context.CONDITION, "a constraint");
            } else {
                refuse(at, "a constraint of kind " + descr.getClass().getSimpleName());
            }
        }

        private void expression(String text, BaseDescr at, Context context, String where) {
            ParseResult<Expression> result = javaParser.get().parseExpression(text.strip());
            if (!result.isSuccessful() || result.getResult().isEmpty()) {
                refuse(at, where + " that is not a plain expression: " + text.strip());
                return;
            }
            new CodeCheck(context, where, at.getLine(), at.getColumn(), true).check(result.getResult().get());
        }

        private void code(String text, int line, int column, Context context, String where) {
            ParseResult<? extends Node> result = context == Context.FUNCTION
                    ? javaParser.get().parseBodyDeclaration(text) : javaParser.get().parseBlock(text);
            if (!result.isSuccessful() || result.getResult().isEmpty()) {
                refuse(line, column, where + " is not plain Java: " + result.getProblems().stream()
                        .map(p -> p.getMessage().lines().findFirst().orElse("")).findFirst().orElse(""));
                return;
            }
            new CodeCheck(context, where, line, column, false).check(result.getResult().get());
        }

        private void refuse(BaseDescr at, String message) {
            refuse(at.getLine(), Math.max(0, at.getColumn()), message);
        }

        private void refuse(int line, int column, String message) {
            problems.add(new RuleProblem("confinement", path, Math.max(line, 0), column,
                    "not allowed in rules: " + message));
        }

        /** One piece of Java: a consequence, a function, or an expression of a condition. */
        private final class CodeCheck {
            private final Context context;
            private final String where;
            private final int line;
            private final int column;
            private final boolean sameLine;
            private final Set<String> locals = new HashSet<>();

            CodeCheck(Context context, String where, int line, int column, boolean sameLine) {
                this.context = context;
                this.where = where;
                this.line = line;
                this.column = column;
                this.sameLine = sameLine;
            }

            void check(Node root) {
                root.walk(node -> {
                    if (node instanceof VariableDeclarator declarator) {
                        locals.add(declarator.getNameAsString());
                    } else if (node instanceof Parameter parameter) {
                        locals.add(parameter.getNameAsString());
                    }
                });
                root.walk(this::node);
            }

            private void node(Node node) {
                if (node instanceof Comment || node instanceof SimpleName || node instanceof Name
                        || node instanceof VariableDeclarator || node instanceof Parameter
                        || node instanceof PrimitiveType || node instanceof VoidType
                        || node instanceof com.github.javaparser.ast.Modifier
                        || node instanceof com.github.javaparser.ast.body.MethodDeclaration
                        || node instanceof LiteralExpr || node instanceof BinaryExpr || node instanceof EnclosedExpr
                        || node instanceof ConditionalExpr || node instanceof UnaryExpr) {
                    return;
                }
                if (node instanceof ForStmt || node instanceof ForEachStmt || node instanceof WhileStmt
                        || node instanceof DoStmt) {
                    refuse(node, "a loop");
                } else if (node instanceof BlockStmt || node instanceof ExpressionStmt || node instanceof IfStmt
                        || node instanceof ReturnStmt || node instanceof EmptyStmt
                        || node instanceof VariableDeclarationExpr) {
                    if (context == Context.CONDITION || context == Context.EVAL) {
                        refuse(node, "a statement");
                    }
                } else if (node instanceof ClassOrInterfaceType type) {
                    boolean scopeOfAnother = node.getParentNode().orElse(null) instanceof ClassOrInterfaceType outer
                            && outer.getScope().map(s -> s == node).orElse(false);
                    if (!scopeOfAnother && !allowedType(type.getNameWithScope())) {
                        refuse(node, "the type " + type.getNameWithScope());
                    }
                } else if (node instanceof NameExpr name) {
                    if (!scopeOfCall(node)) {
                        name(name.getNameAsString(), node);
                    }
                } else if (node instanceof FieldAccessExpr access) {
                    // A dotted name is judged once, whole: by the call it is the scope of, or here when outermost.
                    String dotted = dotted(access);
                    boolean inner = node.getParentNode().orElse(null) instanceof FieldAccessExpr || scopeOfCall(node);
                    if (!inner && (dotted == null || !qualifiedPrefix(dotted))) {
                        refuse(node, "field access " + access + ": only a fact's accessors, e.g. agency(), are read");
                    }
                } else if (node instanceof MethodCallExpr call) {
                    call(call);
                } else if (node instanceof ObjectCreationExpr creation) {
                    if (creation.getAnonymousClassBody().isPresent()) {
                        refuse(node, "an anonymous class");
                    }
                } else if (node instanceof AssignExpr assign) {
                    if (!(assign.getTarget() instanceof NameExpr target) || !locals.contains(target.getNameAsString())
                            || context == Context.CONDITION || context == Context.EVAL) {
                        refuse(node, "an assignment to " + assign.getTarget() + ": only local variables are assigned");
                    }
                } else if (node instanceof Type) {
                    refuse(node, "the type " + node);
                } else {
                    refuse(node, describe(node));
                }
            }

            private boolean scopeOfCall(Node node) {
                return node.getParentNode().orElse(null) instanceof MethodCallExpr call
                        && call.getScope().map(s -> s == node).orElse(false);
            }

            private void name(String name, Node node) {
                boolean field = (context == Context.CONDITION || context == Context.EVAL) && factFields.contains(name);
                boolean qualifiedStart = name.equals("java") && node.getParentNode().orElse(null) instanceof FieldAccessExpr;
                if (!name.startsWith("$") && !locals.contains(name) && !field && !qualifiedStart) {
                    refuse(node, "the name " + name + ": rules read bound variables ($x), locals and fact fields only");
                }
            }

            private void call(MethodCallExpr call) {
                String method = call.getNameAsString();
                if (context == Context.EVAL) {
                    refuse(call, "a call in eval (" + method + "): eval compares fact fields and bound variables");
                    return;
                }
                if (call.getScope().isEmpty()) {
                    boolean allowed = functions.contains(method)
                            || context == Context.CONSEQUENCE && RULE_CALLS.contains(method);
                    if (!allowed) {
                        refuse(call, "a call to " + method + "(): only insert, delete and the ruleset's functions");
                    }
                    return;
                }
                Expression scope = call.getScope().get();
                String dotted = scope instanceof NameExpr || scope instanceof FieldAccessExpr ? dotted(scope) : null;
                boolean variable = scope instanceof NameExpr name && (name.getNameAsString().startsWith("$")
                        || locals.contains(name.getNameAsString()) || context == Context.CONDITION
                        && factFields.contains(name.getNameAsString()));
                if (dotted != null && !variable) {
                    if (!STATIC_METHODS.getOrDefault(dotted, Set.of()).contains(method)
                            && !factFactories.getOrDefault(dotted, Set.of()).contains(method)) {
                        refuse(call, "the call " + dotted + "." + method + "(): only the facts' own factories (such"
                                + " as Evidence.that), String.join/valueOf and List.of/Set.of");
                    }
                } else if (!INSTANCE_METHODS.contains(method) && !factFields.contains(method)
                        && !(factWithers.contains(method) && scope instanceof MethodCallExpr)) {
                    refuse(call, "the call ." + method + "(): only fact accessors and read-only String and"
                            + " collection methods");
                }
            }

            private String describe(Node node) {
                String kind = node.getClass().getSimpleName().replaceAll("(Expr|Stmt)$", "");
                return switch (kind) {
                    case "Lambda" -> "a lambda";
                    case "MethodReference" -> "a method reference";
                    case "Class" -> "a class literal (" + node + ")";
                    case "ArrayCreation", "ArrayInitializer" -> "an array";
                    case "Cast" -> "a cast";
                    case "This", "Super" -> "this/super";
                    case "Try", "Throw", "Synchronized" -> kind.toLowerCase() + " blocks";
                    default -> "the construct " + kind + " (" + node.toString().lines().findFirst().orElse("") + ")";
                };
            }

            private void refuse(Node node, String what) {
                int nodeLine = node.getBegin().map(p -> p.line).orElse(1);
                int nodeColumn = node.getBegin().map(p -> p.column).orElse(0);
                int fileLine = line + nodeLine - 1;
                int fileColumn = sameLine && nodeLine == 1 ? column + nodeColumn - 1 : nodeColumn;
                if (!sameLine && nodeLine == 2) {
                    // Drools trims the indentation of a consequence's or function's first line: put it back.
                    fileColumn += indentOf(fileLine);
                }
                FileCheck.this.refuse(fileLine, Math.max(fileColumn, 0), what + " in " + where);
            }
        }

        private int indentOf(int line) {
            String text = line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
            return text.length() - text.stripLeading().length();
        }

        private boolean qualifiedPrefix(String dotted) {
            return JDK_TYPES.stream().anyMatch(t -> t.equals(dotted) || t.startsWith(dotted + "."))
                    || STATIC_METHODS.keySet().stream().anyMatch(t -> t.equals(dotted) || t.startsWith(dotted + "."))
                    || factTypes.stream().anyMatch(t -> t.startsWith(dotted + "."));
        }
    }

    private boolean allowedType(String name) {
        String raw = name.replaceAll("<.*>", "").replace("[]", "").strip();
        return factTypes.contains(raw) || JDK_TYPES.contains(raw) || Set.of("int", "long", "boolean").contains(raw);
    }

    /** "java.util.List" for the expression java.util.List; null when it is not a plain dotted name. */
    private static String dotted(Expression expression) {
        if (expression instanceof NameExpr name) {
            return name.getNameAsString();
        }
        if (expression instanceof FieldAccessExpr access) {
            String scope = dotted(access.getScope());
            return scope == null ? null : scope + "." + access.getNameAsString();
        }
        return null;
    }

    private enum Context { CONDITION, EVAL, CONSEQUENCE, FUNCTION }
}
