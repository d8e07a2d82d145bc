package org.ecawizard.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Javadoc as therapi formats it, to the Markdown the OpenAPI document carries. */
class MarkdownJavadocTest {

    @Test
    void codeBecomesBackticksAndEntitiesTheirCharacters() {
        assertThat(MarkdownJavadoc.markdown("<code>&quot;wizard&quot;</code> when it is the wizard&#39;s own"
                + " advice, &lt;code&gt; &amp; all"))
                .isEqualTo("`\"wizard\"` when it is the wizard's own advice, <code> & all");
    }

    @Test
    void aCommentsLineBreaksAreSpacesAndItsParagraphsStay() {
        assertThat(MarkdownJavadoc.markdown("the first line\n   and the second\n<p>\n a paragraph of <b>its</b> own"))
                .isEqualTo("the first line and the second\n\na paragraph of its own");
    }

    @Test
    void aDollarInCodeIsText() {
        assertThat(MarkdownJavadoc.markdown("<code>$109</code> or <code>\\d</code>")).isEqualTo("`$109` or `\\d`");
    }

    @Test
    void noCommentIsNoDescription() {
        assertThat(MarkdownJavadoc.markdown(null)).isNull();
    }
}
