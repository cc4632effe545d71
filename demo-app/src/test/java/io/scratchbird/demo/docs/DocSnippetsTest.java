package io.scratchbird.demo.docs;

import org.junit.jupiter.api.Test;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every ```java block of docs/*.md compiles against the demo's test class path (driver, dialect,
 * starter, embedded server, Spring Boot, Hibernate, JUnit, JTS, HikariCP, Micrometer, the demo's own
 * classes). The rules (also in docs/getting-started.md, "Code in these docs"):
 *
 * <ul>
 *   <li>```java — must compile. A block that declares a top-level class, interface, record or enum is
 *       a compilation unit: it is compiled as written (its own imports), in the package
 *       {@code docsnippets.<doc>} unless it declares one. All such blocks of one document are compiled
 *       together, so a repository block may use the entity block above it.</li>
 *   <li>Any other ```java block is a sequence of statements: leading {@code import} lines are kept as
 *       imports, the rest becomes the body of {@code void snippet() throws Exception} in a class of the
 *       same package, with {@link #COMMON_IMPORTS}. Variables the snippet assumes are declared in a
 *       first comment line {@code // given: Type name; Type name} and become the method's
 *       parameters.</li>
 *   <li>```java fragment — deliberately partial, not compiled (kept rare).</li>
 * </ul>
 *
 * A failure names the document, the line of the snippet's fence and the compiler's message.
 */
class DocSnippetsTest {

    static final Path DOCS = Path.of("..", "docs");

    static final List<String> COMMON_IMPORTS = List.of(
            "java.io.*", "java.math.*", "java.net.*", "java.nio.file.*", "java.sql.*", "java.time.*",
            "java.util.*", "java.util.concurrent.*", "javax.sql.*",
            "io.scratchbird.jdbc.*", "io.scratchbird.types.*", "io.scratchbird.embedded.*");
    /** Single-type imports settle the clashes of the on-demand imports above. */
    static final List<String> COMMON_SINGLE_IMPORTS = List.of(
            "io.scratchbird.types.Vector", "io.scratchbird.jdbc.StatementEvent", "java.sql.Date", "java.sql.Array",
            "java.sql.Statement");

    static final Pattern FENCE = Pattern.compile("^(\\s*)(`{3,})\\s*([^`]*)$");
    static final Pattern TYPE_DECLARATION = Pattern.compile(
            "(?m)^(?:@[\\w.]+(?:\\([^)]*\\))?\\s+)*(?:(?:public|abstract|final|sealed|non-sealed|static)\\s+)*(?:class|interface|record|enum|@interface)\\s+\\w+");
    static final Pattern PUBLIC_TYPE = Pattern.compile(
            "(?m)^(?:@[\\w.]+(?:\\([^)]*\\))?\\s+)*public\\s+(?:(?:abstract|final|sealed|non-sealed)\\s+)*(?:class|interface|record|enum|@interface)\\s+(\\w+)");
    static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
    static final Pattern GIVEN = Pattern.compile("^\\s*//\\s*given:\\s*(.*)$");

    record Snippet(Path doc, int line, String info, String code) {
        String where() {
            return "docs/" + doc.getFileName() + " line " + line;
        }
    }

    record Source(Snippet snippet, String className, String text, int headerLines) {
    }

    @Test
    void everyJavaSnippetInTheDocsCompiles() throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertNotNull(compiler, "the tests need a JDK (javax.tools.JavaCompiler)");
        List<Path> docs;
        try (Stream<Path> files = Files.list(DOCS)) {
            docs = files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        assertFalse(docs.isEmpty(), "no docs found in " + DOCS.toAbsolutePath());

        List<String> failures = new ArrayList<>();
        int compiled = 0;
        List<String> fragments = new ArrayList<>();
        for (Path doc : docs) {
            List<Snippet> snippets = snippets(doc);
            List<Source> sources = new ArrayList<>();
            int n = 0;
            for (Snippet s : snippets) {
                n++;
                if (s.info().contains("fragment")) {
                    fragments.add(s.where());
                    continue;
                }
                sources.add(toSource(s, packageOf(doc), n));
            }
            if (sources.isEmpty()) {
                continue;
            }
            compiled += sources.size();
            failures.addAll(compile(compiler, sources));
        }
        System.out.println("DocSnippetsTest: compiled " + compiled + " java snippets; not compiled (```java fragment): "
                + (fragments.isEmpty() ? "none" : String.join(", ", fragments)));
        assertTrue(failures.isEmpty(), failures.size() + " doc snippet(s) do not compile:\n\n" + String.join("\n\n", failures));
        assertTrue(compiled > 0, "no ```java snippets found");
    }

    /** The ```java blocks of a Markdown file, in order. */
    static List<Snippet> snippets(Path doc) throws IOException {
        List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
        List<Snippet> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            String indent = open.group(1);
            String ticks = open.group(2);
            String info = open.group(3).trim().toLowerCase(Locale.ROOT);
            StringBuilder code = new StringBuilder();
            int j = i + 1;
            for (; j < lines.size(); j++) {
                String line = lines.get(j);
                if (line.strip().startsWith(ticks) && line.strip().replace("`", "").isEmpty()) {
                    break;
                }
                code.append(line.startsWith(indent) ? line.substring(indent.length()) : line).append('\n');
            }
            String language = info.split("\\s+")[0];
            if (language.equals("java")) {
                out.add(new Snippet(doc, i + 1, info, code.toString()));
            }
            i = j;
        }
        return out;
    }

    static String packageOf(Path doc) {
        String name = doc.getFileName().toString().replaceFirst("\\.md$", "").replaceAll("[^A-Za-z0-9]", "_");
        return "docsnippets." + name.toLowerCase(Locale.ROOT);
    }

    static Source toSource(Snippet s, String pkg, int n) {
        String code = s.code();
        if (TYPE_DECLARATION.matcher(code).find()) {
            Matcher declared = PACKAGE.matcher(code);
            String packageName = declared.find() ? declared.group(1) : pkg;
            boolean ownPackage = declared.find(0);
            String text = ownPackage ? code : "package " + pkg + ";\n" + code;
            Matcher publicType = PUBLIC_TYPE.matcher(code);
            String simple = publicType.find() ? publicType.group(1) : "Snippet" + n;
            return new Source(s, packageName + "." + simple, text, ownPackage ? 0 : 1);
        }
        List<String> imports = new ArrayList<>();
        List<String> parameters = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        boolean head = true;
        for (String line : code.split("\n", -1)) {
            Matcher given = GIVEN.matcher(line);
            if (head && line.strip().startsWith("import ")) {
                imports.add(line.replaceFirst("//.*$", "").strip());   // the header is one line
                body.append('\n');
                continue;
            }
            if (head && given.matches()) {
                for (String p : given.group(1).split(";")) {
                    if (!p.isBlank()) {
                        parameters.add(p.strip());
                    }
                }
                body.append('\n');
                continue;
            }
            if (!line.isBlank()) {
                head = false;
            }
            body.append(line).append('\n');
        }
        StringBuilder text = new StringBuilder("package " + pkg + ";");
        for (String i : COMMON_IMPORTS) {
            text.append(" import ").append(i).append(';');
        }
        for (String i : COMMON_SINGLE_IMPORTS) {
            if (imports.stream().noneMatch(own -> own.endsWith("." + i.substring(i.lastIndexOf('.') + 1) + ";"))) {
                text.append(" import ").append(i).append(';');
            }
        }
        for (String i : imports) {
            text.append(' ').append(i);
        }
        String simple = "Snippet" + n;
        // One line of header so that the snippet's lines keep their numbers relative to the fence.
        text.append(" class ").append(simple).append(" { void snippet(").append(String.join(", ", parameters))
                .append(") throws Exception {\n").append(body).append("\n} }\n");
        return new Source(s, pkg + "." + simple, text.toString(), 1);
    }

    /** Compiles one document's sources together; the failures, each naming doc and snippet. */
    static List<String> compile(JavaCompiler compiler, List<Source> sources) throws IOException {
        Map<URI, Source> byUri = new LinkedHashMap<>();
        List<JavaFileObject> units = new ArrayList<>();
        for (Source s : sources) {
            JavaFileObject unit = new SimpleJavaFileObject(
                    URI.create("string:///" + s.className().replace('.', '/') + JavaFileObject.Kind.SOURCE.extension),
                    JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return s.text();
                }
            };
            byUri.put(unit.toUri(), s);
            units.add(unit);
        }
        Path out = Files.createTempDirectory("doc-snippets");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-d", out.toString(),
                    "-proc:none", "-parameters", "-Xlint:none", "-nowarn");
            compiler.getTask(null, files, diagnostics, options, null, units).call();
        }
        List<String> failures = new ArrayList<>();
        Map<Source, List<String>> bySource = new LinkedHashMap<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            Source s = d.getSource() == null ? null : byUri.get(d.getSource().toUri());
            String message = d.getMessage(Locale.ROOT);
            if (s == null) {
                failures.add("compiler: " + message);
                continue;
            }
            String[] lines = s.text().split("\n", -1);
            long line = d.getLineNumber();
            String sourceLine = line >= 1 && line <= lines.length ? lines[(int) line - 1].strip() : "";
            bySource.computeIfAbsent(s, k -> new ArrayList<>()).add("  snippet line " + (line - s.headerLines()) + ": " + message
                    + (sourceLine.isEmpty() ? "" : "\n      " + sourceLine));
        }
        bySource.forEach((s, messages) -> failures.add(s.snippet().where() + " (```" + s.snippet().info() + ", compiled as "
                + s.className() + "):\n" + String.join("\n", messages)));
        return failures;
    }
}
