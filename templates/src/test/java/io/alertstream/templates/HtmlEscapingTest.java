package io.alertstream.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * HTML rendering escapes each printed value for where it lands, as html/template does. Every
 * expected output here is what Alertmanager 0.25 (Debian's build) wrote in an email for the same
 * template and data.
 */
class HtmlEscapingTest {

  private static final Map<String, Object> DATA =
      Map.of(
          "CommonLabels",
          Map.of("path", "/data dir/ü", "severity", "critical"),
          "CommonAnnotations",
          Map.ofEntries(
              Map.entry("summary", "Disk <90%> & rising + \"more\" 'x'"),
              Map.entry("runbook", "http://runbook.example/disk full/ü?a=1&b=2"),
              Map.entry("danger", "javascript:alert(1)"),
              Map.entry("upper", "HTTPS://EXAMPLE.org/x"),
              Map.entry("rel", "foo/bar:baz"),
              Map.entry("mailto", "mailto:a@b.c"),
              Map.entry("pct", "http://x/%41%zz%4"),
              Map.entry("attr", "Title")),
          "Alerts",
          List.of(1, 2));

  private static final String SUMMARY =
      "Disk &lt;90%&gt; &amp; rising &#43; &#34;more&#34; &#39;x&#39;";
  private static final String RUNBOOK = "http://runbook.example/disk%20full/%c3%bc?a=1&amp;b=2";

  private final TemplateSet set = TemplateSet.builder().build();

  private String html(String template) throws TemplateException {
    return set.renderHtml(template, DATA);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '¬',
      quoteCharacter = '`',
      value = {
        // Element text: html/template's escaper also escapes +.
        "{{ .CommonAnnotations.summary }}¬" + SUMMARY,
        // A URL attribute: unsafe schemes filtered, the URL normalised, then attribute-escaped.
        "<a href=\"{{ .CommonAnnotations.runbook }}\">¬<a href=\"" + RUNBOOK + "\">",
        "<a href=\"{{ .CommonAnnotations.danger }}\">¬<a href=\"#ZgotmplZ\">",
        // safeUrl is Go's template.URL: trusted past the scheme filter, still normalised.
        "<a href=\"{{ \"tel:+1 555\" | safeUrl }}\">¬<a href=\"tel:&#43;1%20555\">",
        "<a href=\"{{ \"tel:+1 555\" }}\">¬<a href=\"#ZgotmplZ\">",
        "<a href='{{ .CommonAnnotations.runbook }}'>¬<a href='" + RUNBOOK + "'>",
        "<a href=\"{{ .CommonAnnotations.upper }}\">¬<a href=\"HTTPS://EXAMPLE.org/x\">",
        "<a href=\"{{ .CommonAnnotations.rel }}\">¬<a href=\"foo/bar:baz\">",
        "<a href=\"{{ .CommonAnnotations.mailto }}\">¬<a href=\"mailto:a@b.c\">",
        "<a data-url=\"{{ .CommonAnnotations.danger }}\">¬<a data-url=\"#ZgotmplZ\">",
        // After the start of the URL: no filter; in the query, every reserved character encoded.
        "<img src=\"http://img.example/{{ .CommonLabels.path }}/x.png\">"
            + "¬<img src=\"http://img.example//data%20dir/%c3%bc/x.png\">",
        "<a href=\"http://s.example/?q={{ .CommonLabels.path }}&amp;n={{ len .Alerts }}\">"
            + "¬<a href=\"http://s.example/?q=%2fdata%20dir%2f%c3%bc&amp;n=2\">",
        "<a href=\"{{ .CommonAnnotations.pct }}\"> <a href=\"x?{{ .CommonAnnotations.pct }}\">"
            + "¬<a href=\"http://x/%41%25zz%254\"> <a href=\"x?http%3a%2f%2fx%2f%2541%25zz%254\">",
        // A printed value does not move the URL on: the second is filtered and normalised too.
        "<a href=\"{{ .CommonAnnotations.danger }}{{ .CommonAnnotations.runbook }}\">"
            + "¬<a href=\"#ZgotmplZ"
            + RUNBOOK
            + "\">",
        // Unquoted attribute values.
        "<a href={{ .CommonAnnotations.runbook }}>"
            + "¬<a href=http://runbook.example/disk%20full/%c3%bc?a&#61;1&amp;b&#61;2>",
        "<a class={{ .CommonAnnotations.summary }}>"
            + "¬<a class=Disk&#32;&lt;90%&gt;&#32;&amp;&#32;rising&#32;&#43;&#32;&#34;more&#34;"
            + "&#32;&#39;x&#39;>",
        "<a class=\"{{ .CommonAnnotations.summary }}\">¬<a class=\"" + SUMMARY + "\">",
        // A final urlquery or html takes the place of html/template's escaper of the same kind.
        "<a href=\"{{ .CommonLabels.path | urlquery }}\">¬<a href=\"%2Fdata&#43;dir%2F%C3%BC\">",
        "{{ \"<b>\" | html }} {{ .CommonLabels.path | urlquery }}¬&lt;b&gt; %2Fdata&#43;dir%2F%C3%BC",
        "<a href=\"{{ html .CommonAnnotations.runbook }}\">¬<a href=\"" + RUNBOOK + "\">",
        "<p title=\"{{ .CommonAnnotations.summary | html }}\">"
            + "¬<p title=\"Disk &lt;90%&gt; &amp; rising + &#34;more&#34; &#39;x&#39;\">",
        // Title and textarea content, missing values, safeHtml in text and in an attribute.
        "<textarea>{{ .CommonAnnotations.summary }}</textarea>"
            + "¬<textarea>"
            + SUMMARY
            + "</textarea>",
        "[{{ .CommonLabels.nope }}]¬[]",
        "{{ \"a+b\" | safeHtml }}¬a+b",
        "<a title=\"{{ \"<i>x</i>&amp;\" | safeHtml }}\">¬<a title=\"x&amp;\">",
        // An attribute name.
        "<a {{ .CommonAnnotations.attr }}=\"x\">¬<a title=\"x\">",
        "<a {{ .CommonAnnotations.danger }}=\"x\">¬<a ZgotmplZ=\"x\">",
        // Back in text after the tag.
        "<a href=\"x\">{{ .CommonAnnotations.summary }}</a>¬<a href=\"x\">" + SUMMARY + "</a>",
      })
  void escapesAsHtmlTemplateDoes(String template, String expected) throws Exception {
    assertThat(html(template)).isEqualTo(expected);
  }

  @Test
  void aTemplateCalledInsideAnAttributeIsEscapedForThatAttribute() throws Exception {
    TemplateSet withLink =
        TemplateSet.builder()
            .parse("t.tmpl", "{{ define \"link\" }}{{ .CommonAnnotations.runbook }}{{ end }}")
            .build();

    assertThat(withLink.renderHtml("<a href=\"{{ template \"link\" . }}\">", DATA))
        .isEqualTo("<a href=\"" + RUNBOOK + "\">");
    assertThat(withLink.renderText("<a href=\"{{ template \"link\" . }}\">", DATA))
        .isEqualTo("<a href=\"http://runbook.example/disk full/ü?a=1&b=2\">");
  }

  @Test
  void aNativeTemplatesValuesAreEscapedWhereTheyLand() throws Exception {
    TemplateSet natives =
        TemplateSet.builder()
            .nativeTemplate(
                "url",
                (dot, out) ->
                    out.value("http://am/a b").text("/#/alerts?receiver=").urlQuery("x+y z"))
            .build();

    assertThat(
            natives.renderHtml(
                "<a href=\"{{ template \"url\" . }}\">{{ template \"url\" . }}", DATA))
        .isEqualTo(
            "<a href=\"http://am/a%20b/#/alerts?receiver=x%2By&#43;z\">"
                + "http://am/a b/#/alerts?receiver=x%2By&#43;z");
    assertThat(natives.renderText("{{ template \"url\" . }}", DATA))
        .isEqualTo("http://am/a b/#/alerts?receiver=x%2By+z");
  }

  @Test
  void htmlOrUrlqueryBeforeTheEndOfAPipelineIsRefusedAsHtmlTemplateDoes() {
    assertThatThrownBy(() -> html("{{ .CommonLabels.path | html | printf \"%s\" }}"))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("predefined escaper \"html\" disallowed in template");
    assertThatThrownBy(() -> html("<p title={{ .CommonLabels.path | html }}>"))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("predefined escaper \"html\" disallowed");
  }

  @Test
  void textRenderingIsUnchanged() throws Exception {
    assertThat(
            set.renderText(
                "<a href=\"{{ .CommonAnnotations.danger }}\">{{ \"<b>\" | html }}", DATA))
        .isEqualTo("<a href=\"javascript:alert(1)\">&lt;b&gt;");
  }

  @Test
  void urlHelpersMatchGo() {
    assertThat(HtmlContext.urlFilter("JavaScript:x")).isEqualTo("#ZgotmplZ");
    assertThat(HtmlContext.urlFilter("/a:b")).isEqualTo("/a:b");
    assertThat(HtmlContext.urlFilter("HTTPS://x")).isEqualTo("HTTPS://x");
    assertThat(HtmlContext.processUrl("a b\"<>é%4", true)).isEqualTo("a%20b%22%3c%3e%c3%a9%254");
    assertThat(HtmlContext.processUrl("a/b?c=d", false)).isEqualTo("a%2fb%3fc%3dd");
    assertThat(HtmlContext.attrType("xlink:href")).isEqualTo(HtmlContext.AttrType.URL);
    assertThat(HtmlContext.attrType("data-imageurl")).isEqualTo(HtmlContext.AttrType.URL);
    assertThat(HtmlContext.attrType("srclang")).isEqualTo(HtmlContext.AttrType.PLAIN);
    assertThat(HtmlContext.attrType("onclick")).isEqualTo(HtmlContext.AttrType.SCRIPT);
  }

  @Test
  void templateTextLosesItsCommentsAndStrayLessThanSignsAsInHtmlTemplate() throws Exception {
    String template =
        "<!DOCTYPE html><!-- top comment {{ .CommonAnnotations.summary }} -->\n"
            + "L1[a < b <3 </ x 1<2]\n"
            + "L2[<title>a<b</title>]\n"
            + "L3[<textarea>x<y {{ .CommonAnnotations.summary }}</textarea>]\n"
            + "L4[<p>ok</p><!-- c -->after<!---->x]\n"
            + "L5[<a href=\"?q=<x\">t</a>]\n"
            + "L6[<{{ .CommonAnnotations.attr }}]\n"
            + "L7[end <]";

    assertThat(html(template))
        .isEqualTo(
            "<!DOCTYPE html>\n"
                + "L1[a &lt; b &lt;3 &lt;/ x 1&lt;2]\n"
                + "L2[<title>a&lt;b</title>]\n"
                + "L3[<textarea>x&lt;y "
                + SUMMARY
                + "</textarea>]\n"
                + "L4[<p>ok</p>afterx]\n"
                + "L5[<a href=\"?q=<x\">t</a>]\n"
                + "L6[&lt;Title]\n"
                + "L7[end &lt;]");
    assertThat(set.renderText("a < b <!-- c -->", DATA)).isEqualTo("a < b <!-- c -->");
  }
}
