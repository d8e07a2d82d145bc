package org.ecawizard.http;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springdoc.core.providers.SpringDocJavadocProvider;

/**
 * The records' Javadoc, which the build keeps in the jars (therapi), as the OpenAPI document's descriptions, in
 * Markdown as OpenAPI reads them: {@code <code>x</code>} becomes {@code `x`}, entities their characters, a comment's
 * line breaks spaces.
 */
class MarkdownJavadoc extends SpringDocJavadocProvider {

    private static final Pattern CODE = Pattern.compile("<code>(.*?)</code>", Pattern.DOTALL);
    private static final Pattern PARAGRAPH = Pattern.compile("\\s*<p>\\s*");
    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^>]*>");
    private static final Pattern SPACE = Pattern.compile("\\s*\\n\\s*|[ \\t]{2,}");

    static String markdown(String html) {
        if (html == null) {
            return null;
        }
        String text = CODE.matcher(html).replaceAll(match -> Matcher.quoteReplacement("`" + match.group(1) + "`"));
        text = SPACE.matcher(text).replaceAll(" ");
        text = PARAGRAPH.matcher(text).replaceAll("\n\n");
        text = TAG.matcher(text).replaceAll("");
        return text.replace("&quot;", "\"").replace("&#39;", "'").replace("&apos;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&nbsp;", " ").replace("&amp;", "&").strip();
    }

    @Override
    public String getClassJavadoc(Class<?> type) {
        return markdown(super.getClassJavadoc(type));
    }

    @Override
    public Map<String, String> getRecordClassParamJavadoc(Class<?> type) {
        Map<String, String> params = new LinkedHashMap<>();
        super.getRecordClassParamJavadoc(type).forEach((name, text) -> params.put(name, markdown(text)));
        return params;
    }

    @Override
    public String getFieldJavadoc(Field field) {
        return markdown(super.getFieldJavadoc(field));
    }

    @Override
    public String getMethodJavadocDescription(Method method) {
        return markdown(super.getMethodJavadocDescription(method));
    }

    @Override
    public String getMethodJavadocReturn(Method method) {
        return markdown(super.getMethodJavadocReturn(method));
    }

    @Override
    public String getParamJavadoc(Method method, String name) {
        return markdown(super.getParamJavadoc(method, name));
    }
}
