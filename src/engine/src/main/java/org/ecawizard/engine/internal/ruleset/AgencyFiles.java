package org.ecawizard.engine.internal.ruleset;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.ecawizard.engine.RuleProblem;
import org.kie.internal.builder.conf.LanguageLevelOption;

/**
 * The narrow profile of {@code agencies/}: an agency file says a row of evidence and nothing else. It holds one rule,
 * named after nothing in particular, with metadata ({@code @title}, {@code @status}, {@code @source}, optional
 * {@code @sourceDate}, {@code @note}, {@code @special}), matched on {@code Selection(agency == "CODE")} alone where
 * CODE is the file's name, whose consequence only inserts statements written part by part:
 * {@code insert(Evidence.that("CODE").accepts("TYPE").stated("...").source("https://..."));}. No engine control
 * (salience, agenda or activation group, no-loop, dates), no other pattern, no other code. Each statement is read
 * here as written, so that a part missing, repeated or misnamed is reported at its own line; every address must be
 * a page that {@code sources/SOURCES.md} lists, and a page that sheet lists but no rule file cites is warned about (a stale
 * row misleads an analyst, but changes no answer).
 */
final class AgencyFiles {

    static final String FOLDER = "agencies/";
    /** The sheet of sources: in a folder of its own, so that a delivery of one ConfigMap per folder carries it. */
    static final String SOURCES = "sources/SOURCES.md";
    /** The sheet's file name. */
    static final String SOURCES_NAME = "SOURCES.md";

    private static final Set<String> METADATA = Set.of("title", "status", "source", "sourceDate", "note", "special");
    /** Each stance, with the name of its argument ("" when it takes none). */
    private static final Map<String, String> STANCES = Map.ofEntries(Map.entry("accepts", "type"),
            Map.entry("acceptsOnly", "type"), Map.entry("rejects", "type"), Map.entry("recommends", "type"),
            Map.entry("acceptsEca", ""), Map.entry("acceptsAnyType", ""), Map.entry("requiresUsCitizen", ""),
            Map.entry("needsNoEca", ""), Map.entry("acceptsNoEca", ""), Map.entry("retired", "since"),
            Map.entry("notice", "text"));
    private static final Set<String> BASES = Set.of("stated", "inferred");
    private static final Set<String> OTHER_PARTS = Set.of("instead", "replacedBy", "source");
    /** Stances the wizard passes on with the page's words only: a reading of them has nowhere to go. */
    private static final Set<String> STATED_ONLY = Set.of("recommends", "acceptsAnyType", "requiresUsCitizen");
    /** Stances that are the wizard's own sentence (a notice) or a date and a successor (retired): no basis. */
    private static final Set<String> NO_BASIS = Set.of("notice", "retired");
    private static final Set<String> NO_ECA = Set.of("needsNoEca", "acceptsNoEca");
    private static final Pattern SELECTION = Pattern.compile("agency\\s*==\\s*\"([^\"]*)\"");
    private static final Pattern ADDRESS = Pattern.compile("https?://[^\\s|`\"<>]+");
    private static final Pattern ONLY = Pattern.compile("\\bonly\\b", Pattern.CASE_INSENSITIVE);
    private static final int SOURCE_YEARS = 2;

    private final JavaParser javaParser = new JavaParser(new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
    private final RuleSource source;
    private final LocalDate today;
    private final List<RuleProblem> errors = new ArrayList<>();
    private final List<RuleProblem> warnings = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    /** Every address a rule file cites: in a statement or metadata, or anywhere in a wizard file. */
    private final Set<String> cited = new LinkedHashSet<>();
    /** Every address the agency files cite, with where: each must be listed in SOURCES.md. */
    private final List<Cited> pages = new ArrayList<>();
    /** The date each page is given, where first: a page bears one date, whichever file cites it. */
    private final Map<String, Part> dated = new HashMap<>();

    /**
     * One part of a statement as written: its value and where.
     *
     * @param name  the method that names it: {@code accepts}, {@code stated}, {@code source}, ...
     * @param value its argument, or "" when it takes none
     */
    record Part(String name, String value, int line, int column) {
    }

    /**
     * One statement of an agency file, part by part in the order written.
     *
     * @param file   the file, as an analyst opens it
     * @param agency the code its {@code Evidence.that} names
     * @param parts  by name
     */
    record Row(String file, String agency, Map<String, Part> parts) {

        Part stance() {
            return parts.values().stream().filter(p -> STANCES.containsKey(p.name())).findFirst().orElse(null);
        }

        /** @return the stance when it names a certificate type, whose value is the type's code; else null */
        Part type() {
            Part stance = stance();
            return stance != null && STANCES.get(stance.name()).equals("type") ? stance : null;
        }
    }

    private record Cited(String file, Part page) {
    }

    /**
     * What the agency files say and what is wrong with them.
     *
     * @param errors   what keeps the ruleset from going live, at file and line
     * @param warnings what the analyst should look at
     * @param rows     every statement of the agency files, as written
     */
    record Reading(List<RuleProblem> errors, List<RuleProblem> warnings, List<Row> rows) {
    }

    /** @return the name of every part a statement may have, {@code that} included */
    static Set<String> partNames() {
        Set<String> names = new HashSet<>(STANCES.keySet());
        names.addAll(BASES);
        names.addAll(OTHER_PARTS);
        names.add("that");
        return names;
    }

    private AgencyFiles(RuleSource source, LocalDate today) {
        this.source = source;
        this.today = today;
    }

    /**
     * @param source the ruleset's files
     * @param today  the day, for the age of a source
     * @return what its agency files say, and their problems
     */
    static Reading read(RuleSource source, LocalDate today) {
        AgencyFiles reader = new AgencyFiles(source, today);
        reader.readAll();
        return new Reading(List.copyOf(reader.errors), List.copyOf(reader.warnings), List.copyOf(reader.rows));
    }

    private void readAll() {
        List<RuleFile> agencyFiles = source.files().stream()
                .filter(f -> f.isDrl() && f.path().startsWith(FOLDER)).toList();
        for (RuleFile file : source.files()) {
            if (file.isDrl() && !file.path().startsWith(FOLDER)) {
                cited.addAll(addresses(file.content()));
                List<String> code = file.content().lines().map(l -> l.strip().startsWith("//") ? "" : l).toList();
                int written = Math.max(RuleFile.lineOf(code, "Evidence.that(", 1),
                        RuleFile.lineOf(code, "new Evidence(", 1));
                if (written > 0) {
                    errors.add(new RuleProblem("agency-file", source.pathOf(file.path()), written, 0,
                            "Evidence is written in"
                            + " agency files only, where the gate reads it part by part: move it to "
                            + FOLDER + "CODE.drl"));
                }
            }
        }
        Map<String, String> fileOf = new HashMap<>();
        for (RuleFile file : agencyFiles) {
            String name = file.path().substring(file.path().lastIndexOf('/') + 1);
            String first = fileOf.putIfAbsent(name, file.path());
            if (first == null) {
                agencyFile(file);
            } else {
                // Said once, as what it is; the file's own checks would only repeat it in other words.
                errors.add(new RuleProblem("agency-file", source.pathOf(file.path()), 1, 0, "a second file for "
                        + name.substring(0, name.length() - ".drl".length()) + ": " + source.pathOf(first)
                        + " is its file, and an application has one"));
            }
        }
        oneReadingOfEachSaying();
        RuleFile sheet = source.file(SOURCES).orElse(null);
        if (sheet == null) {
            if (!agencyFiles.isEmpty()) {
                errors.add(new RuleProblem("sources", source.pathOf(SOURCES), 0, 0,
                        SOURCES + " is missing: it lists every page"
                        + " the agency files cite, with what each says"));
            }
            return;
        }
        sourcesBothWays(sheet);
    }

    /**
     * @param path an agency file's path relative to the ruleset's root, under {@value #FOLDER}
     * @return the code of the agency it declares: its name without {@code .drl}
     */
    static String codeOf(String path) {
        return path.substring(FOLDER.length(), path.length() - ".drl".length());
    }

    private void agencyFile(RuleFile file) {
        String path = source.pathOf(file.path());
        String code = codeOf(file.path());
        DrlParser drl = new DrlParser(LanguageLevelOption.DRL6);
        PackageDescr pkg;
        try {
            pkg = drl.parse(false, file.content());
        } catch (DroolsParserException e) {
            return; // the general check reports where the parser stopped
        }
        if (pkg == null || drl.hasErrors()) {
            return;
        }
        FileCheck check = new FileCheck(path, code, file.content());
        if (!pkg.getFunctions().isEmpty() || !pkg.getGlobals().isEmpty() || !pkg.getTypeDeclarations().isEmpty()
                || !pkg.getAttributes().isEmpty()) {
            check.refuse(1, 0, "an agency file holds one rule and nothing else: functions, globals, declarations"
                    + " and package attributes belong to the wizard's files");
        }
        List<RuleDescr> rules = pkg.getRules();
        if (!rules.isEmpty() && !FOLDER.equals(pkg.getName() + "/")) {
            // Rules of equal salience fire in the order they load, counted per package: one file in another
            // package would reorder what other applications' answers say.
            check.refuse(file.lineOf("package"), 0, "an agency file is in package agencies: its first line is"
                    + " `package agencies;`");
        }
        if (rules.isEmpty()) {
            // A slip, or a file caught half written (emptied, then filled): live, it would drop the agency.
            check.refuse(1, 0, "this agency file holds no rule: it holds one, for its application");
        } else if (rules.size() > 1) {
            check.refuse(rules.get(1).getLine(), 0, "an agency file holds one rule, for its application; this one"
                    + " holds " + rules.size());
        }
        rules.forEach(check::rule);
    }

    /**
     * The same words of the same page are read one way, whichever file cites them: read as accepting a type in
     * one file and as rejecting it in another, one of the two readings is likely wrong. A warning: a page that
     * lists several applications may say the same short words of each, meaning different things.
     */
    private void oneReadingOfEachSaying() {
        Map<String, Row> first = new HashMap<>();
        for (Row row : rows) {
            Part type = row.type();
            Part words = row.parts().get("stated");
            Part page = row.parts().get("source");
            if (type == null || words == null || page == null) {
                continue;
            }
            Row earlier = first.putIfAbsent(page.value() + "\n" + words.value() + "\n" + type.value(), row);
            if (earlier != null && rejects(earlier) != rejects(row)) {
                Part stance = row.stance();
                Part other = earlier.stance();
                warnings.add(new RuleProblem("source-contradiction", row.file(), stance.line(), stance.column(),
                        "the page " + page.value() + " says \"" + words.value() + "\": " + earlier.file() + ":"
                        + other.line() + " reads it as ." + other.name() + "(\"" + type.value() + "\"), this file as ."
                        + stance.name() + ": the same words say one thing"));
            }
        }
    }

    private static boolean rejects(Row row) {
        return row.stance().name().equals("rejects");
    }

    /** Every address the agency files cite is a page SOURCES.md lists; every page it lists is cited by some file. */
    private void sourcesBothWays(RuleFile sheet) {
        String path = source.pathOf(SOURCES);
        // Listed: in a row of one of the sheet's tables, as the row's own page or a page it mentions.
        Set<String> listed = new LinkedHashSet<>(addresses(sheet.content().lines()
                .filter(line -> line.strip().startsWith("|")).collect(Collectors.joining("\n"))));
        for (Cited cite : pages) {
            Part page = cite.page();
            if (!page.value().isBlank() && !listed.contains(page.value())) {
                errors.add(new RuleProblem("agency-file", cite.file(), page.line(), page.column(),
                        "the source " + page.value()
                        + " is not listed in " + SOURCES + ": add a row with what the page says, or cite a page it"
                        + " lists"));
            }
        }
        List<String> lines = sheet.content().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith("|") || line.startsWith("|---")) {
                continue;
            }
            // The row's own page is the first address in it; the others are what it says.
            List<String> row = addresses(line);
            if (!row.isEmpty() && !cited.contains(row.get(0))) {
                warnings.add(new RuleProblem("unused-source", path, i + 1, 0,
                        "the page " + row.get(0) + " is listed but no rule"
                        + " file cites it: cite it where its fact is written, or drop the row"));
            }
        }
    }

    /** The days a date as precise as a page gives it (yyyy, yyyy-mm or yyyy-mm-dd) can mean. */
    private record Days(LocalDate first, LocalDate last) {

        /** @return its days, or null when it is not such a date */
        static Days of(String date) {
            try {
                return switch (date.length()) {
                    case 4 -> new Days(Year.parse(date).atDay(1), Year.parse(date).atMonth(12).atEndOfMonth());
                    case 7 -> new Days(YearMonth.parse(date).atDay(1), YearMonth.parse(date).atEndOfMonth());
                    default -> new Days(LocalDate.parse(date), LocalDate.parse(date));
                };
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    /** A metadata value, without its quotes; null when the rule has none. */
    private static String metadataValue(RuleDescr rule, String key) {
        AnnotationDescr annotation = rule.getAnnotation(key);
        return annotation == null ? null
                : String.valueOf(annotation.getSingleValue()).strip().replaceAll("^\"|\"$", "");
    }

    /**
     * The addresses in a text, as prose and tables write them: a sentence's full stop or comma after one, or the
     * parenthesis around one, is not part of it; a parenthesis it opens itself is.
     */
    static List<String> addresses(String text) {
        List<String> found = new ArrayList<>();
        Matcher address = ADDRESS.matcher(text);
        while (address.find()) {
            String page = address.group().replaceAll("[.,;:]+$", "");
            while (page.endsWith(")") && page.chars().filter(c -> c == ')').count()
                    > page.chars().filter(c -> c == '(').count()) {
                page = page.substring(0, page.length() - 1).replaceAll("[.,;:]+$", "");
            }
            found.add(page);
        }
        return found;
    }

    /** The checks of one agency file. */
    private final class FileCheck {
        private final String path;
        private final String code;
        private final List<String> lines;

        FileCheck(String path, String code, String content) {
            this.path = path;
            this.code = code;
            this.lines = content.lines().toList();
        }

        void rule(RuleDescr rule) {
            if (rule.isQuery()) {
                refuse(rule, "a query: an agency file states evidence");
                return;
            }
            if (rule.getParentName() != null) {
                refuse(rule, "extends \"" + rule.getParentName() + "\": an agency file's rule stands alone, matched"
                        + " on its application's selection only");
            }
            rule.getAttributes().values().forEach(attribute -> refuse(attribute, attribute.getName() + ": an agency"
                    + " file states evidence and nothing about when rules run; the wizard's files order the steps"));
            for (AnnotationDescr annotation : rule.getAnnotations()) {
                if (!METADATA.contains(annotation.getName())) {
                    refuse(annotation.getLine() > 0 ? annotation : rule, "@" + annotation.getName() + ": an agency"
                            + " file's metadata is @title, @status, @source, @sourceDate, @note and @special"
                            + (annotation.getName().equals("agency") ? " (the file's name is the code)" : ""));
                }
            }
            metadata(rule);
            List<BaseDescr> conditions = rule.getLhs() == null ? List.of() : rule.getLhs().getDescrs();
            boolean selected = conditions.size() == 1 && conditions.get(0) instanceof PatternDescr pattern
                    && selection(pattern);
            if (!selected) {
                refuse(conditions.size() > 1 ? conditions.get(1) : rule, "the rule of an agency file is matched on"
                        + " its application's selection alone: `when Selection(agency == \"" + code + "\") then`");
            }
            if (!rule.getNamedConsequences().isEmpty()) {
                refuse(rule, "named consequences (then[...]): an agency file has one `then`");
            }
            Object consequence = rule.getConsequence();
            int before = rows.size();
            if (consequence != null && !consequence.toString().isBlank()) {
                String text = consequence.toString();
                // The block read below opens with "{" on a line of its own: its second line is the consequence's first.
                consequence(text, RuleFile.consequenceStart(lines, text, rule.getConsequenceLine()) - 1);
            }
            List<Row> written = rows.subList(before, rows.size());
            consistent(written, "true".equals(metadataValue(rule, "special")), rule);
            if ("confirmed".equals(metadataValue(rule, "status"))) {
                written.stream().map(row -> row.parts().get("inferred"))
                        .filter(Objects::nonNull)
                        .forEach(reading -> refuse(reading.line(), reading.column(), code + " is @status(\"confirmed\")"
                                + " but this is the analyst's reading: grade it inferred (or unconfirmed)"));
            }
        }

        /**
         * What one file's statements say together: no two of them contradict each other where the gate can tell
         * from the words alone, and the special entries' own stance stays theirs.
         */
        private void consistent(List<Row> written, boolean special, RuleDescr rule) {
            Map<String, List<Part>> by = new LinkedHashMap<>();
            written.stream().map(Row::stance).filter(Objects::nonNull)
                    .forEach(stance -> by.computeIfAbsent(stance.name(), k -> new ArrayList<>()).add(stance));
            List<Part> named = new ArrayList<>();
            List.of("accepts", "acceptsOnly", "rejects").forEach(k -> named.addAll(by.getOrDefault(k, List.of())));
            List<Part> noEca = new ArrayList<>(by.getOrDefault("needsNoEca", List.of()));
            noEca.addAll(by.getOrDefault("acceptsNoEca", List.of()));
            if (noEca.size() > 1) {
                refuse(noEca.get(1).line(), noEca.get(1).column(), "a second statement that " + code + " takes no ECA"
                        + " certificate: say it once, one way");
            }
            if (!noEca.isEmpty() && (!named.isEmpty() || by.containsKey("acceptsEca"))) {
                Part other = named.isEmpty() ? by.get("acceptsEca").get(0) : named.get(0);
                refuse(other.line(), other.column(), "." + other.name() + " beside ." + noEca.get(0).name()
                        + "(): an application that takes no ECA certificate says nothing of its types");
            }
            // A page that names no type states none: a reading of it may still rule one out (DISS, PIEE).
            written.stream().filter(row -> row.parts().containsKey("stated") && named.contains(row.stance()))
                    .map(Row::stance).filter(p -> by.containsKey("acceptsEca")).findFirst()
                    .ifPresent(p -> refuse(p.line(), p.column(), "." + p.name() + " stated beside .acceptsEca(), which"
                            + " says the page names no type: keep what the page says"));
            List<Part> only = by.getOrDefault("acceptsOnly", List.of());
            if (!only.isEmpty()) {
                named.stream().filter(p -> !p.equals(only.get(0)))
                        .findFirst().ifPresent(p -> refuse(p.line(), p.column(), "." + p.name() + "(\"" + p.value()
                                + "\") beside .acceptsOnly(\"" + only.get(0).value() + "\"), which says every type:"
                                + " that one accepted, the others rejected on its words"));
            }
            Set<String> ruledOut = new HashSet<>();
            by.getOrDefault("rejects", List.of()).forEach(p -> ruledOut.add(p.value()));
            by.getOrDefault("recommends", List.of()).stream()
                    .filter(p -> ruledOut.contains(p.value()) || !only.isEmpty() && !only.get(0).value().equals(p.value()))
                    .forEach(p -> refuse(p.line(), p.column(), ".recommends(\"" + p.value() + "\"), a type the"
                            + " file rules out"));
            List<Part> retired = by.getOrDefault("retired", List.of());
            if (retired.size() > 1) {
                refuse(retired.get(1).line(), retired.get(1).column(), "a second retirement: " + code + " was retired"
                        + " once");
            }
            for (Part date : retired) {
                Days days = Days.of(date.value());
                if (days != null && days.first().isAfter(today)) {
                    refuse(date.line(), date.column(), ".retired(\"" + date.value() + "\") is a date to come: say"
                            + " it once it has happened");
                }
            }
            written.stream().map(row -> row.parts().get("replacedBy")).filter(Objects::nonNull)
                    .filter(p -> p.value().equals(code))
                    .forEach(p -> refuse(p.line(), p.column(), ".replacedBy(\"" + code + "\"): an application does"
                            + " not replace itself"));
            // What makes an entry special is its own @special; no other file may take its stance.
            by.getOrDefault("acceptsAnyType", List.of()).stream().filter(p -> !special)
                    .forEach(p -> refuse(p.line(), p.column(), ".acceptsAnyType() is for a special entry that names"
                            + " no application (@special(\"true\")): an application names the types it takes"));
            if (special && by.keySet().stream().anyMatch(k -> !k.equals("acceptsAnyType"))) {
                refuse(rule, "a special entry (@special(\"true\")) names no application, so it states nothing of one:"
                        + " .acceptsAnyType() at most");
            }
        }

        private void metadata(RuleDescr rule) {
            String address = metadataValue(rule, "source");
            if (address != null) {
                cite(new Part("source", address, metadataLine("@source(", rule.getLine()), 0));
            }
            String value = metadataValue(rule, "sourceDate");
            if (value != null) {
                int line = metadataLine("@sourceDate(", rule.getLine());
                Part date = new Part(path, value, line, 0); // named by its file, to say where it was first given
                Part earlier = address == null ? null : dated.putIfAbsent(address, date);
                if (earlier != null && !earlier.value().equals(value)) {
                    errors.add(new RuleProblem("source-date", path, line, 0, "@sourceDate(\"" + value + "\") for "
                            + address + ", which " + earlier.name() + ":" + earlier.line() + " dates \""
                            + earlier.value() + "\": a page bears one date"));
                }
                Days days = Days.of(value);
                if (days == null) {
                    refuse(line, 0, "@sourceDate(\"" + value + "\"): write the date as yyyy-mm-dd (or yyyy-mm, or"
                            + " yyyy, as the page gives it)");
                } else if (days.first().isAfter(today)) {
                    refuse(line, 0, "@sourceDate(\"" + value + "\") is a date to come: give the date the page"
                            + " bears");
                } else if (days.last().isBefore(today.minusYears(SOURCE_YEARS))) {
                    warnings.add(new RuleProblem("stale-source", path, line, 0,
                            "the source of " + code + " is dated " + value
                            + ", more than " + SOURCE_YEARS + " years ago: look for a newer page"));
                }
            }
        }

        /** The parser gives metadata no line: the first line from the rule's own that holds it. */
        private int metadataLine(String text, int ruleLine) {
            int found = RuleFile.lineOf(lines, text, ruleLine);
            return found > 0 ? found : ruleLine;
        }

        private boolean selection(PatternDescr pattern) {
            String type = pattern.getObjectType();
            if (!(type.equals("Selection") || type.equals("org.ecawizard.facts.Selection"))
                    || pattern.getIdentifier() != null || pattern.getSource() != null
                    || pattern.getDescrs().size() != 1
                    || !(pattern.getDescrs().get(0) instanceof ExprConstraintDescr constraint)) {
                return false;
            }
            Matcher matched = SELECTION.matcher(constraint.getExpression().strip());
            if (!matched.matches()) {
                return false;
            }
            if (!matched.group(1).equals(code)) {
                refuse(pattern, "the rule is matched on " + matched.group(1) + ", but the file is " + code
                        + ".drl: an agency file speaks of the application it is named after");
            }
            return true;
        }

        /** @param thenLine the file line of the block's "{": the block's line n is the file's line thenLine + n - 1 */
        private void consequence(String text, int thenLine) {
            ParseResult<BlockStmt> parsed = javaParser.parseBlock("{\n" + text + "\n}");
            if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
                return; // the general check refuses what is not plain Java, and says where
            }
            for (Statement statement : parsed.getResult().get().getStatements()) {
                int line = thenLine + statement.getBegin().map(p -> p.line).orElse(1) - 1;
                if (!(statement instanceof ExpressionStmt expression)
                        || !(expression.getExpression() instanceof MethodCallExpr insert)
                        || !insert.getNameAsString().equals("insert") || insert.getScope().isPresent()
                        || insert.getArguments().size() != 1) {
                    refuse(line, 0, "an agency file's `then` only inserts statements: insert(Evidence.that(\""
                            + code + "\").accepts(\"TYPE\").stated(\"...\").source(\"https://...\"));");
                    continue;
                }
                row(insert.getArgument(0), thenLine);
            }
        }

        /** Reads {@code Evidence.that("CODE").part(...)...} from its innermost call outwards. */
        private void row(Expression written, int thenLine) {
            List<MethodCallExpr> calls = new ArrayList<>();
            Expression at = written;
            while (at instanceof MethodCallExpr call) {
                calls.add(0, call);
                at = call.getScope().orElse(null);
            }
            MethodCallExpr start = calls.isEmpty() ? null : calls.get(0);
            if (start == null || !start.getNameAsString().equals("that")
                    || !(start.getScope().orElse(null) instanceof NameExpr evidence)
                    || !evidence.getNameAsString().equals("Evidence")) {
                refuse(lineOf(written, thenLine), 0, "a statement starts with Evidence.that(\"" + code + "\") and"
                        + " names each part: a fact's own constructor or factory is not written in an agency file");
                return;
            }
            Map<String, Part> parts = new LinkedHashMap<>();
            for (MethodCallExpr call : calls) {
                Part part = part(call, thenLine);
                if (part == null) {
                    return;
                }
                boolean stance = STANCES.containsKey(part.name());
                boolean twice = parts.containsKey(part.name())
                        || stance && parts.keySet().stream().anyMatch(STANCES::containsKey)
                        || BASES.contains(part.name()) && parts.keySet().stream().anyMatch(BASES::contains);
                if (twice) {
                    refuse(part.line(), part.column(), "." + part.name() + "(...) after Evidence."
                            + String.join("(...).", parts.keySet()) + "(...): one statement says one thing, once;"
                            + " write another insert for another");
                    return;
                }
                parts.put(part.name(), part);
            }
            Row row = new Row(path, parts.get("that").value(), parts);
            if (!row.agency().equals(code)) {
                refuse(parts.get("that").line(), parts.get("that").column(), "Evidence.that(\"" + row.agency()
                        + "\") in " + code + ".drl: an agency file states facts about its own application only");
            }
            complete(row);
            rows.add(row);
        }

        private Part part(MethodCallExpr call, int thenLine) {
            String name = call.getNameAsString();
            int line = lineOf(call.getName(), thenLine);
            int column = columnOf(call.getName(), thenLine);
            boolean known = name.equals("that") || STANCES.containsKey(name) || BASES.contains(name)
                    || OTHER_PARTS.contains(name);
            if (!known) {
                refuse(line, column, "." + name + "(...) is not a part of a statement: a stance (" + String.join(", ",
                        STANCES.keySet().stream().sorted().toList()) + "), stated or inferred, instead, replacedBy,"
                        + " source");
                return null;
            }
            boolean takesNone = STANCES.containsKey(name) && STANCES.get(name).isEmpty();
            if (call.getArguments().size() != (takesNone ? 0 : 1)) {
                refuse(line, column, "." + name + (takesNone ? "() takes nothing" : "(\"...\") takes one text"));
                return null;
            }
            if (takesNone) {
                return new Part(name, "", line, column);
            }
            String value = literal(call.getArgument(0));
            if (value == null) {
                refuse(line, column, "." + name + "(...) is given text in quotes, joined with + if long: \""
                        + call.getArgument(0) + "\" is not");
                return null;
            }
            if (value.isBlank()) {
                refuse(line, column, "." + name + "(\"\") is empty: " + (name.equals("stated")
                        ? "a stated fact gives the page's own words" : "give what it asks for"));
                return null;
            }
            return new Part(name, value, line, column);
        }

        /** Whether the statement has every part its stance needs, and no part it cannot have. */
        private void complete(Row row) {
            Map<String, Part> parts = row.parts();
            Part stance = row.stance();
            Part last = parts.values().stream().reduce((a, b) -> b).orElseThrow();
            if (stance == null) {
                refuse(last.line(), 0, "this statement says nothing of " + code + ": give a stance, such as"
                        + " .accepts(\"TYPE\")");
                return;
            }
            String name = stance.name();
            boolean basis = parts.containsKey("stated") || parts.containsKey("inferred");
            if (NO_BASIS.contains(name) && basis) {
                refuse(stance.line(), stance.column(), name.equals("notice")
                        ? "a notice is the wizard's own sentence about the page: it is neither stated nor inferred;"
                                + " quote the page inside it"
                        : "a retirement is a date and what replaced it, with its page: it is neither stated nor"
                                + " inferred");
            } else if (!NO_BASIS.contains(name) && !basis) {
                refuse(last.line(), 0, "." + name + " is written without how it is known: add .stated(\"the page's"
                        + " words\") or .inferred(\"why the page is read so\")");
            }
            if (STATED_ONLY.contains(name) && parts.containsKey("inferred")) {
                refuse(parts.get("inferred").line(), parts.get("inferred").column(), "." + name + " is passed on in"
                        + " the page's words: use .stated(\"...\")");
            }
            if (NO_ECA.contains(name) != parts.containsKey("instead")) {
                Part where = parts.getOrDefault("instead", stance);
                refuse(where.line(), where.column(), NO_ECA.contains(name)
                        ? "." + name + " says what gets a buyer in instead: add .instead(\"...\")"
                        : ".instead is for an application that takes no ECA certificate");
            }
            if (parts.containsKey("replacedBy") && !name.equals("retired")) {
                refuse(parts.get("replacedBy").line(), parts.get("replacedBy").column(), ".replacedBy is for a"
                        + " retired application");
            }
            if (name.equals("retired")) {
                try {
                    LocalDate.parse(stance.value());
                } catch (DateTimeParseException e) {
                    refuse(stance.line(), stance.column(), ".retired(\"" + stance.value() + "\"): write the date"
                            + " as yyyy-mm-dd");
                }
            }
            Part page = parts.get("source");
            if (page == null) {
                refuse(last.line(), 0, "this statement has no page: add .source(\"https://...\") with the exact"
                        + " page, as listed in " + SOURCES);
            } else {
                cite(page);
            }
            Part stated = parts.get("stated");
            if (name.equals("accepts") && stated != null && ONLY.matcher(stated.value()).find()) {
                warnings.add(new RuleProblem("only-reading", path, stance.line(), stance.column(),
                        "the page's words say \"only\""
                        + " but the statement is .accepts: write .acceptsOnly when the page rules out the other"
                        + " types"));
            }
        }

        private void cite(Part page) {
            cited.add(page.value());
            pages.add(new Cited(path, page));
            exactPage(page.value(), page.line(), page.column());
        }

        private void exactPage(String address, int line, int column) {
            try {
                URI uri = new URI(address);
                boolean web = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
                boolean root = uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/");
                if (!web || uri.getHost() == null || root && (uri.getQuery() == null || uri.getQuery().isEmpty())) {
                    refuse(line, column, "the source " + address + " is not an exact page: cite the page's own"
                            + " address, not a site");
                }
            } catch (URISyntaxException e) {
                refuse(line, column, "the source " + address + " is not an address: " + e.getReason());
            }
        }

        /** The text of a quoted string, or of quoted strings joined with +; null for anything else. */
        private String literal(Expression expression) {
            if (expression instanceof StringLiteralExpr text) {
                return text.asString();
            }
            if (expression instanceof BinaryExpr join && join.getOperator() == BinaryExpr.Operator.PLUS) {
                String left = literal(join.getLeft());
                String right = literal(join.getRight());
                return left == null || right == null ? null : left + right;
            }
            return null;
        }

        private int lineOf(Node node, int thenLine) {
            return thenLine + node.getBegin().map(p -> p.line).orElse(1) - 1;
        }

        /** Drools trims the first line of a consequence: its column is put back from the file. */
        private int columnOf(Node node, int thenLine) {
            int nodeLine = node.getBegin().map(p -> p.line).orElse(1);
            int column = node.getBegin().map(p -> p.column).orElse(0);
            if (nodeLine == 2) {
                int fileLine = thenLine + 1;
                String text = fileLine <= lines.size() ? lines.get(fileLine - 1) : "";
                column += text.length() - text.stripLeading().length();
            }
            return column;
        }

        void refuse(BaseDescr at, String message) {
            refuse(at.getLine(), Math.max(0, at.getColumn()), message);
        }

        void refuse(int line, int column, String message) {
            errors.add(new RuleProblem("agency-file", path, Math.max(line, 0), column, message));
        }
    }
}
