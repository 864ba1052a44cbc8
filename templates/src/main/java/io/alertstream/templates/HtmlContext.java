package io.alertstream.templates;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Contextual escaping for the HTML rendering mode, after Go's html/template: a printed value is
 * escaped for the place in the HTML where it lands (element text, a title, an attribute name, a
 * quoted or unquoted attribute value, a URL attribute and the part of the URL it is in, a comment).
 *
 * <p>Go works the places out from the template text before running it. Here the output is read as
 * it is written instead: whatever was written between two printed values is template text (or a
 * native template's own text) and moves the context on; printed values never do, as in Go, where
 * the escaped value cannot open or close a tag or an attribute. Like html/template, template text
 * loses its HTML comments, and a {@code <} in text that starts no tag is written {@code &lt;}.
 * Script and style (elements and attributes) and srcset are not told apart from plain text and
 * plain attributes.
 */
final class HtmlContext {

  /** What html/template writes instead of an unsafe value. */
  static final String FAILSAFE = "ZgotmplZ";

  private enum State {
    TEXT,
    /** Inside title or textarea: text that cannot hold tags. */
    RCDATA,
    /** Inside script or style. */
    RAW_TEXT,
    COMMENT,
    TAG,
    ATTR_NAME,
    AFTER_NAME,
    BEFORE_VALUE,
    VALUE
  }

  /** What an attribute's value holds. */
  enum AttrType {
    PLAIN,
    URL,
    SCRIPT,
    STYLE,
    SRCSET,
    /** Attributes html/template will not let a template name (charset, http-equiv, ...). */
    UNSAFE
  }

  private enum Delim {
    DOUBLE_QUOTE,
    SINGLE_QUOTE,
    SPACE_OR_TAG_END
  }

  private enum UrlPart {
    /** Nothing of the URL written yet: the scheme is still open. */
    NONE,
    PRE_QUERY,
    QUERY_OR_FRAGMENT
  }

  private static final Set<String> URL_ATTRS =
      Set.of(
          "action",
          "archive",
          "background",
          "cite",
          "classid",
          "codebase",
          "data",
          "formaction",
          "href",
          "icon",
          "longdesc",
          "manifest",
          "poster",
          "profile",
          "src",
          "usemap",
          "xmlns");

  private static final Set<String> UNSAFE_ATTRS =
      Set.of(
          "accept-charset",
          "async",
          "challenge",
          "charset",
          "content",
          "crossorigin",
          "defer",
          "enctype",
          "form",
          "formenctype",
          "formmethod",
          "formnovalidate",
          "http-equiv",
          "keytype",
          "language",
          "method",
          "novalidate",
          "pattern",
          "rel",
          "sandbox",
          "srcdoc",
          "type",
          "value");

  private State state = State.TEXT;

  /** The element whose content is being written, when that is title, textarea, script or style. */
  private String element = "";

  private AttrType attr = AttrType.PLAIN;
  private Delim delim = Delim.DOUBLE_QUOTE;
  private UrlPart urlPart = UrlPart.NONE;

  /** How much of the output has been read. */
  private int read;

  /**
   * Appends {@code value} to {@code out}, escaped for where it lands.
   *
   * @param predefined {@code html} or {@code urlquery} when that function ended the value's
   *     pipeline and has not been applied yet: html/template uses it in place of its own escaper of
   *     the same kind
   */
  void print(StringBuilder out, Object value, String predefined) throws TemplateException {
    readTemplateText(out);
    nudge();
    out.append(escape(value, predefined));
    read = out.length();
  }

  /** Reads the template text written since the last value, at the end of a rendering. */
  void finish(StringBuilder out) {
    readTemplateText(out);
  }

  // ---- Following the template text ----

  /**
   * Reads the template text written since the last value, moving the context on; comments are taken
   * out of it and a {@code <} that starts no tag is escaped, as html/template rewrites template
   * text.
   */
  private void readTemplateText(StringBuilder out) {
    if (out.length() < read) {
      // The output was cut back; start over.
      state = State.TEXT;
      element = "";
      read = 0;
    }
    int i = read;
    while (i < out.length()) {
      i = step(out, i, out.length());
    }
    read = out.length();
  }

  /** Reads from {@code i}; returns where to go on (further, or the same with a new state). */
  private int step(StringBuilder s, int i, int n) {
    switch (state) {
      case TEXT:
        return text(s, i);
      case RCDATA:
        return rcdata(s, i, n);
      case RAW_TEXT:
        return elementEnd(s, i, n);
      case COMMENT:
        {
          int end = indexOf(s, "-->", i, n);
          s.delete(i, end < 0 ? n : end + 3);
          if (end >= 0) {
            state = State.TEXT;
          }
          return i;
        }
      case TAG:
        return tag(s, i, n);
      case ATTR_NAME:
        {
          int end = attrNameEnd(s, i, n);
          if (end < n) {
            state = State.AFTER_NAME;
          }
          return end;
        }
      case AFTER_NAME:
        {
          int k = skipSpace(s, i, n);
          if (k == n) {
            return n;
          }
          if (s.charAt(k) == '=') {
            state = State.BEFORE_VALUE;
            return k + 1;
          }
          state = State.TAG;
          return k;
        }
      case BEFORE_VALUE:
        {
          int k = skipSpace(s, i, n);
          if (k == n) {
            return n;
          }
          char c = s.charAt(k);
          if (c == '"') {
            delim = Delim.DOUBLE_QUOTE;
            k++;
          } else if (c == '\'') {
            delim = Delim.SINGLE_QUOTE;
            k++;
          } else {
            delim = Delim.SPACE_OR_TAG_END;
          }
          state = State.VALUE;
          urlPart = UrlPart.NONE;
          return k;
        }
      case VALUE:
        return value(s, i, n);
      default:
        throw new IllegalStateException(state.name());
    }
  }

  private int text(StringBuilder s, int i) {
    int k = i;
    while (true) {
      int n = s.length();
      int lt = indexOf(s, '<', k, n);
      if (lt < 0) {
        return n;
      }
      if (startsWith(s, lt, n, "<!--")) {
        s.delete(lt, lt + 4);
        state = State.COMMENT;
        return lt;
      }
      int start = lt + 1;
      boolean closing = start < n && s.charAt(start) == '/';
      if (closing) {
        start++;
      }
      int end = tagNameEnd(s, start, n);
      if (end > start) {
        String name = s.substring(start, end).toLowerCase(Locale.ROOT);
        state = State.TAG;
        element = !closing && isSpecialElement(name) ? name : "";
        attr = AttrType.PLAIN;
        return end;
      }
      k = escapeLessThan(s, lt);
    }
  }

  /** A {@code <} that starts no tag, in text: written {@code &lt;}, unless it opens a doctype. */
  private static int escapeLessThan(StringBuilder s, int lt) {
    if (s.length() - lt >= 9 && s.substring(lt, lt + 9).equalsIgnoreCase("<!DOCTYPE")) {
      return lt + 1;
    }
    s.replace(lt, lt + 1, "&lt;");
    return lt + 4;
  }

  /** Title and textarea content: every {@code <} before the end tag is escaped. */
  private int rcdata(StringBuilder s, int i, int n) {
    int end = elementEnd(s, i, n);
    for (int k = i; k < end; k++) {
      if (s.charAt(k) == '<') {
        s.replace(k, k + 1, "&lt;");
        end += 3;
      }
    }
    return end;
  }

  private int tag(CharSequence s, int i, int n) {
    int k = skipSpace(s, i, n);
    if (k == n) {
      return n;
    }
    if (s.charAt(k) == '>') {
      state =
          switch (element) {
            case "title", "textarea" -> State.RCDATA;
            case "script", "style" -> State.RAW_TEXT;
            default -> State.TEXT;
          };
      return k + 1;
    }
    int end = attrNameEnd(s, k, n);
    if (end == k) {
      // Malformed (html/template refuses it); take the character as a name.
      end = k + 1;
    }
    attr = attrType(s.subSequence(k, end).toString().toLowerCase(Locale.ROOT));
    state = end == n ? State.ATTR_NAME : State.AFTER_NAME;
    return end;
  }

  private int value(CharSequence s, int i, int n) {
    int end = i;
    while (end < n && !endsValue(s.charAt(end))) {
      end++;
    }
    if (attr == AttrType.URL) {
      urlText(s, i, end);
    }
    if (end == n) {
      return n;
    }
    state = State.TAG;
    attr = AttrType.PLAIN;
    urlPart = UrlPart.NONE;
    return delim == Delim.SPACE_OR_TAG_END ? end : end + 1;
  }

  private boolean endsValue(char c) {
    return switch (delim) {
      case DOUBLE_QUOTE -> c == '"';
      case SINGLE_QUOTE -> c == '\'';
      case SPACE_OR_TAG_END -> c == '>' || isSpace(c);
    };
  }

  /** Template text inside a URL: a ? or # starts the query or fragment. */
  private void urlText(CharSequence s, int from, int to) {
    boolean nonSpace = false;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      // "&#34;" and the like are character references, not fragments.
      if (c == '?' || (c == '#' && (i == from || s.charAt(i - 1) != '&'))) {
        urlPart = UrlPart.QUERY_OR_FRAGMENT;
        return;
      }
      nonSpace |= !isSpace(c);
    }
    if (nonSpace && urlPart == UrlPart.NONE) {
      urlPart = UrlPart.PRE_QUERY;
    }
  }

  /**
   * Inside title, textarea, script or style, only the element's end tag ends the content; returns
   * where it starts, or {@code n}.
   */
  private int elementEnd(CharSequence s, int i, int n) {
    int k = i;
    while (true) {
      int lt = indexOf(s, "</", k, n);
      if (lt < 0) {
        return n;
      }
      int after = lt + 2 + element.length();
      if (after < n
          && s.subSequence(lt + 2, after).toString().equalsIgnoreCase(element)
          && "> \t\n\f/".indexOf(s.charAt(after)) >= 0) {
        state = State.TEXT;
        element = "";
        return lt;
      }
      k = lt + 2;
    }
  }

  /** A value where a tag's attribute or its name was expected. */
  private void nudge() {
    switch (state) {
      case TAG, AFTER_NAME -> {
        state = State.ATTR_NAME;
        attr = AttrType.PLAIN;
      }
      case BEFORE_VALUE -> {
        state = State.VALUE;
        delim = Delim.SPACE_OR_TAG_END;
        urlPart = UrlPart.NONE;
      }
      default -> {}
    }
  }

  // ---- Escaping ----

  private String escape(Object value, String predefined) throws TemplateException {
    boolean safe = value instanceof SafeHtml;
    String s = value == null ? "" : safe ? ((SafeHtml) value).html() : GoValues.print(value);
    boolean urlQuery = "urlquery".equals(predefined);
    boolean htmlFn = "html".equals(predefined);
    switch (state) {
      case COMMENT:
        return "";
      case ATTR_NAME:
        return attrNameFilter(applyPredefined(s, predefined));
      case VALUE:
        return attrValue(s, safe, value instanceof SafeUrl, predefined);
      default:
        // Element text, title and textarea; script and style are treated as text.
        if (htmlFn) {
          return Escapers.html(s);
        }
        if (urlQuery) {
          return replace(Escapers.urlQuery(s), Table.TEXT);
        }
        if (safe) {
          return state == State.RCDATA ? replace(s, Table.TEXT_KEEP_AMP) : s;
        }
        return replace(s, Table.TEXT);
    }
  }

  private String attrValue(String s, boolean safe, boolean trustedUrl, String predefined)
      throws TemplateException {
    boolean unquoted = delim == Delim.SPACE_OR_TAG_END;
    boolean url = attr == AttrType.URL;
    if ("html".equals(predefined) && unquoted && !url) {
      throw new TemplateException(
          "predefined escaper \"html\" disallowed in template (an unquoted attribute value)");
    }
    // html/template puts a pipeline's final html or urlquery in place of the escaper it matches;
    // one that matches none runs before the escapers.
    boolean urlQueryInPlace = url && "urlquery".equals(predefined);
    boolean htmlInPlace = !unquoted && "html".equals(predefined);
    String t = urlQueryInPlace || htmlInPlace ? s : applyPredefined(s, predefined);
    if (url) {
      if (urlPart == UrlPart.NONE && !trustedUrl) {
        t = urlFilter(t);
      }
      if (urlQueryInPlace) {
        t = Escapers.urlQuery(t);
      } else {
        t = processUrl(t, urlPart != UrlPart.QUERY_OR_FRAGMENT);
      }
      safe = false;
    }
    if (unquoted) {
      return replace(safe ? stripTags(t) : t, safe ? Table.NO_SPACE_KEEP_AMP : Table.NO_SPACE);
    }
    if (htmlInPlace) {
      return Escapers.html(t);
    }
    return replace(safe ? stripTags(t) : t, safe ? Table.TEXT_KEEP_AMP : Table.TEXT);
  }

  private static String applyPredefined(String s, String predefined) {
    if (predefined == null) {
      return s;
    }
    return predefined.equals("html") ? Escapers.html(s) : Escapers.urlQuery(s);
  }

  /**
   * A URL whose scheme is not http, https or mailto becomes {@code #ZgotmplZ}; a relative URL, or a
   * colon after a slash, is no scheme.
   */
  static String urlFilter(String s) {
    int colon = s.indexOf(':');
    if (colon < 0) {
      return s;
    }
    String scheme = s.substring(0, colon);
    if (scheme.indexOf('/') >= 0
        || scheme.equalsIgnoreCase("http")
        || scheme.equalsIgnoreCase("https")
        || scheme.equalsIgnoreCase("mailto")) {
      return s;
    }
    return "#" + FAILSAFE;
  }

  /**
   * Percent-encodes the UTF-8 bytes of {@code s} that may not stand in a URL as they are, in
   * lower-case hex. Normalizing keeps RFC 3986's reserved characters and valid escapes, for a whole
   * URL or its path; otherwise everything but letters, digits and {@code -._~} is encoded, for a
   * value inside a query or fragment.
   */
  static String processUrl(String s, boolean normalize) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = null;
    for (int i = 0; i < bytes.length; i++) {
      int c = bytes[i] & 0xff;
      boolean keep;
      if ("!#$&*+,/:;=?@[]".indexOf(c) >= 0) {
        keep = normalize;
      } else if (c == '%') {
        keep = normalize && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]);
      } else {
        keep =
            c == '-'
                || c == '.'
                || c == '_'
                || c == '~'
                || (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9');
      }
      if (keep) {
        if (out != null) {
          out.append((char) c);
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(bytes.length + 16);
        for (int j = 0; j < i; j++) {
          out.append((char) bytes[j]);
        }
      }
      out.append('%').append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
    }
    return out == null ? s : out.toString();
  }

  private static boolean isHex(byte b) {
    return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
  }

  /** A printed attribute name: lower-case letters and digits of a harmless attribute only. */
  static String attrNameFilter(String s) {
    if (s.isEmpty()) {
      return FAILSAFE;
    }
    String lower = s.toLowerCase(Locale.ROOT);
    if (attrType(lower) != AttrType.PLAIN) {
      return FAILSAFE;
    }
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
        return FAILSAFE;
      }
    }
    return lower;
  }

  /** What the value of the lower-case attribute {@code name} holds, as html/template guesses. */
  static AttrType attrType(String name) {
    String n = name;
    if (n.startsWith("data-")) {
      n = n.substring(5);
    } else {
      int colon = n.indexOf(':');
      if (colon >= 0) {
        if (n.substring(0, colon).equals("xmlns")) {
          return AttrType.URL;
        }
        n = n.substring(colon + 1);
      }
    }
    if (URL_ATTRS.contains(n)) {
      return AttrType.URL;
    }
    if (UNSAFE_ATTRS.contains(n)) {
      return AttrType.UNSAFE;
    }
    switch (n) {
      case "style":
        return AttrType.STYLE;
      case "srcset":
        return AttrType.SRCSET;
      case "srclang":
        return AttrType.PLAIN;
      default:
        break;
    }
    if (n.startsWith("on")) {
      return AttrType.SCRIPT;
    }
    if (n.contains("src") || n.contains("uri") || n.contains("url")) {
      return AttrType.URL;
    }
    return AttrType.PLAIN;
  }

  /**
   * The text of a snippet of HTML, tags left out (html/template does this to safeHtml in
   * attributes).
   */
  private static String stripTags(String html) {
    if (html.indexOf('<') < 0) {
      return html;
    }
    StringBuilder out = new StringBuilder(html.length());
    boolean inTag = false;
    for (int i = 0; i < html.length(); i++) {
      char c = html.charAt(i);
      if (inTag) {
        inTag = c != '>';
      } else if (c == '<' && i + 1 < html.length() && isTagStart(html.charAt(i + 1))) {
        inTag = true;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isTagStart(char c) {
    return c == '/' || c == '!' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private enum Table {
    /** Element text and quoted attribute values. */
    TEXT,
    /** The same for HTML that is already escaped: ampersands are kept. */
    TEXT_KEEP_AMP,
    /** Unquoted attribute values, where white space and = also end or break the value. */
    NO_SPACE,
    NO_SPACE_KEEP_AMP
  }

  static String replace(String s, Table table) {
    StringBuilder out = null;
    boolean noSpace = table == Table.NO_SPACE || table == Table.NO_SPACE_KEEP_AMP;
    boolean keepAmp = table == Table.TEXT_KEEP_AMP || table == Table.NO_SPACE_KEEP_AMP;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String r =
          switch (c) {
            case '\0' -> noSpace ? "&#xfffd;" : "\uFFFD";
            case '"' -> "&#34;";
            case '&' -> keepAmp ? null : "&amp;";
            case '\'' -> "&#39;";
            case '+' -> "&#43;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '\t' -> noSpace ? "&#9;" : null;
            case '\n' -> noSpace ? "&#10;" : null;
            case '\u000B' -> noSpace ? "&#11;" : null;
            case '\f' -> noSpace ? "&#12;" : null;
            case '\r' -> noSpace ? "&#13;" : null;
            case ' ' -> noSpace ? "&#32;" : null;
            case '=' -> noSpace ? "&#61;" : null;
            case '`' -> noSpace ? "&#96;" : null;
            default ->
                noSpace && ((c >= '\uFDD0' && c <= '\uFDEF') || c >= '\uFFF0')
                    ? "&#x" + Integer.toHexString(c) + ";"
                    : null;
          };
      if (r == null) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      out.append(r);
    }
    return out == null ? s : out.toString();
  }

  // ---- The pipeline's own escaper ----

  /**
   * The predefined escaper ({@code html} or {@code urlquery}) that ends a printed pipeline, or
   * null. html/template refuses one anywhere else in the pipeline.
   */
  static String trailingEscaper(Node.Pipe pipe, String at) throws TemplateException {
    List<Node.Command> commands = pipe.commands();
    String found = null;
    for (int i = 0; i < commands.size(); i++) {
      if (commands.get(i).args().get(0) instanceof Node.Identifier id
          && (id.name().equals("html") || id.name().equals("urlquery"))) {
        if (i < commands.size() - 1) {
          throw new TemplateException(
              "html/template:"
                  + at
                  + ": predefined escaper \""
                  + id.name()
                  + "\" disallowed in template");
        }
        found = id.name();
      }
    }
    return found;
  }

  /**
   * The pipeline with its final {@code html} or {@code urlquery} replaced by {@code print}, which
   * formats the same arguments the same way without escaping them.
   */
  static Node.Pipe withoutTrailingEscaper(Node.Pipe pipe) {
    List<Node.Command> commands = new ArrayList<>(pipe.commands());
    Node.Command last = commands.get(commands.size() - 1);
    List<Node.Arg> args = new ArrayList<>(last.args());
    args.set(0, new Node.Identifier("print"));
    commands.set(commands.size() - 1, new Node.Command(last.pos(), args));
    return new Node.Pipe(pipe.pos(), pipe.variables(), pipe.reassign(), commands);
  }

  // ---- Characters ----

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }

  private static int skipSpace(CharSequence s, int i, int n) {
    while (i < n && isSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int attrNameEnd(CharSequence s, int i, int n) {
    while (i < n) {
      char c = s.charAt(i);
      if (isSpace(c) || c == '=' || c == '>') {
        return i;
      }
      i++;
    }
    return n;
  }

  /** A tag name: a letter, then letters and digits, single - or : between them. */
  private static int tagNameEnd(CharSequence s, int i, int n) {
    if (i == n || !isAsciiLetter(s.charAt(i))) {
      return i;
    }
    int j = i + 1;
    while (j < n) {
      char c = s.charAt(j);
      if (isAsciiLetterOrDigit(c)) {
        j++;
      } else if ((c == '-' || c == ':') && j + 1 < n && isAsciiLetterOrDigit(s.charAt(j + 1))) {
        j += 2;
      } else {
        break;
      }
    }
    return j;
  }

  private static boolean isSpecialElement(String name) {
    return name.equals("title")
        || name.equals("textarea")
        || name.equals("script")
        || name.equals("style");
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return isAsciiLetter(c) || (c >= '0' && c <= '9');
  }

  private static int indexOf(CharSequence s, char c, int from, int n) {
    for (int i = from; i < n; i++) {
      if (s.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  private static int indexOf(CharSequence s, String what, int from, int n) {
    for (int i = from; i + what.length() <= n; i++) {
      if (startsWith(s, i, n, what)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean startsWith(CharSequence s, int at, int n, String what) {
    if (at + what.length() > n) {
      return false;
    }
    for (int i = 0; i < what.length(); i++) {
      if (s.charAt(at + i) != what.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
