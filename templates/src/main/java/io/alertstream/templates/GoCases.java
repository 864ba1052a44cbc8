package io.alertstream.templates;

import java.lang.Character.UnicodeScript;
import java.util.Locale;

/**
 * Case mappings as Alertmanager 0.25's template functions do them. {@code toUpper} and {@code
 * toLower} are Go's {@code strings.ToUpper} and {@code strings.ToLower}: rune by rune, with the
 * simple mappings of Unicode 13 (Go 1.19), which are Java 17's {@code Character} mappings; so
 * {@code ß} stays {@code ß} and a capital sigma always lowers to {@code σ}. {@code title} is {@code
 * cases.Title(language.AmericanEnglish)} from golang.org/x/text: the first cased letter of each
 * word gets its full title-case mapping ({@code ß} becomes {@code Ss}), the other cased letters of
 * the word are lowered (with Greek final sigma), and words are found with x/text's approximation of
 * Unicode word breaking: letters, digits, {@code _} and combining marks continue a word, one of
 * {@code ' . :} (and their kin) between letters does too, anything else ends it.
 */
final class GoCases {

  private GoCases() {}

  private static final int MAX_IGNORABLE = 30;
  private static final int CAPITAL_SIGMA = 0x03A3;

  /** Go's strings.ToUpper. */
  static String upper(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> out.appendCodePoint(Character.toUpperCase(cp)));
    return out.toString();
  }

  /** Go's strings.ToLower. */
  static String lower(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> out.appendCodePoint(Character.toLowerCase(cp)));
    return out.toString();
  }

  /** x/text's cases.Title for English (the root rules: no language-specific tailoring). */
  static String title(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean midWord = false;
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      boolean wasMid = isMid(cp);
      if (isCased(cp)) {
        if (!midWord) {
          out.append(titleOf(cp));
          midWord = true;
          i += Character.charCount(cp);
        } else if (cp == CAPITAL_SIGMA) {
          // Σ is ς unless a cased letter follows, skipping case-ignorables (copied as they are).
          int sigma = out.length();
          out.append('ς');
          i += Character.charCount(cp);
          boolean previousMid = false;
          for (int n = 0; n <= MAX_IGNORABLE && i < s.length(); n++) {
            int next = s.codePointAt(i);
            if (!isCaseIgnorable(next)) {
              if (isCased(next)) {
                out.setCharAt(sigma, 'σ');
              }
              break;
            }
            boolean mid = isMid(next);
            if ((previousMid && mid) || isBreak(next)) {
              midWord = false;
            }
            previousMid = mid;
            out.appendCodePoint(next);
            i += Character.charCount(next);
          }
        } else {
          out.append(lowerOf(cp));
          i += Character.charCount(cp);
        }
      } else {
        out.appendCodePoint(cp);
        i += Character.charCount(cp);
        if (isBreak(cp)) {
          midWord = false;
        }
      }
      if (wasMid && i < s.length() && isMid(s.codePointAt(i))) {
        midWord = false;
      }
    }
    return out.toString();
  }

  /** Unicode's Cased property: upper, lower or title case letters and their kin (ª, Ⓐ, ʰ). */
  static boolean isCased(int cp) {
    return Character.isLowerCase(cp) || Character.isUpperCase(cp) || Character.isTitleCase(cp);
  }

  /** Unicode's Case_Ignorable: marks, format characters, modifiers and the word-joining marks. */
  static boolean isCaseIgnorable(int cp) {
    return switch (Character.getType(cp)) {
      case Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK,
          Character.FORMAT,
          Character.MODIFIER_LETTER,
          Character.MODIFIER_SYMBOL ->
          true;
      default -> isMid(cp);
    };
  }

  /** Word_Break MidLetter, MidNumLet or Single_Quote: one of these between letters joins them. */
  static boolean isMid(int cp) {
    return switch (cp) {
      case '\'',
          '.',
          ':',
          0x00B7,
          0x0387,
          0x055F,
          0x05F4,
          0x2018,
          0x2019,
          0x2024,
          0x2027,
          0xFE13,
          0xFE52,
          0xFE55,
          0xFF07,
          0xFF0E,
          0xFF1A ->
          true;
      default -> false;
    };
  }

  /**
   * Whether the rune ends a word: any Word_Break type other than the letter-like ones (ALetter,
   * Hebrew_Letter, Numeric, ExtendNumLet, Extend, Format, ZWJ) and the mid ones.
   */
  static boolean isBreak(int cp) {
    return !isMid(cp) && !isWordLetter(cp);
  }

  private static boolean isWordLetter(int cp) {
    switch (cp) {
      case 0x200B, 0x30FC, 0xFF70: // zero width space: Other; prolonged sound marks: Katakana
        return false;
      case 0xFF9E, 0xFF9F: // halfwidth voiced sound marks: Extend
        return true;
      case 0x055A, 0x055B, 0x055C, 0x055E, 0x058A, 0x05F3, 0x02ED, 0xAB5B: // ALetter
        return true;
      case 0x066B: // Arabic decimal separator: Numeric
        return true;
      default:
        break;
    }
    if (cp >= 0x3031 && cp <= 0x3035) { // kana repeat marks: Katakana
      return false;
    }
    if ((cp >= 0x02C2 && cp <= 0x02C5)
        || (cp >= 0x02D2 && cp <= 0x02D7)
        || (cp >= 0x02DE && cp <= 0x02DF)
        || (cp >= 0x02E5 && cp <= 0x02EB)
        || (cp >= 0x02EF && cp <= 0x02FF)
        || (cp >= 0xA708 && cp <= 0xA716)
        || (cp >= 0xA720 && cp <= 0xA721)
        || (cp >= 0xA789 && cp <= 0xA78A)
        || (cp >= 0x1F3FB && cp <= 0x1F3FF)) { // the last: emoji modifiers, Extend
      return true;
    }
    switch (Character.getType(cp)) {
      case Character.NON_SPACING_MARK,
      Character.ENCLOSING_MARK,
      Character.COMBINING_SPACING_MARK,
      Character.FORMAT,
      Character.CONNECTOR_PUNCTUATION:
        return true; // Extend, Format, ZWJ, ExtendNumLet
      case Character.DECIMAL_DIGIT_NUMBER:
        return true; // Numeric
      default:
        break;
    }
    if (cp == 0x202F) {
      return true; // narrow no-break space: ExtendNumLet
    }
    if (!Character.isAlphabetic(cp) || Character.isIdeographic(cp)) {
      return false;
    }
    return switch (UnicodeScript.of(cp)) {
      // Katakana and Hiragana have their own break types; these scripts' letters are
      // Complex_Context for line breaking, which keeps them out of ALetter.
      case KATAKANA,
          HIRAGANA,
          THAI,
          LAO,
          MYANMAR,
          KHMER,
          TAI_LE,
          NEW_TAI_LUE,
          TAI_THAM,
          TAI_VIET,
          AHOM ->
          false;
      default -> true;
    };
  }

  /** The full title-case mapping (SpecialCasing's unconditional ones, else the simple one). */
  private static String titleOf(int cp) {
    if (Character.isTitleCase(cp)) {
      return new String(Character.toChars(cp));
    }
    String upper = new String(Character.toChars(cp)).toUpperCase(Locale.ROOT);
    int simple = Character.toTitleCase(cp);
    if (upper.codePointCount(0, upper.length()) == 1 || simple != cp) {
      return new String(Character.toChars(simple));
    }
    // A letter whose upper case is several: ß → Ss and the ligatures keep their first letter
    // capital; the Greek with ypogegrammeni keep it as a mark; the others are as in upper case.
    int first = upper.codePointAt(0);
    String rest = upper.substring(Character.charCount(first));
    if (cp == 0x00DF || (cp >= 0xFB00 && cp <= 0xFB17) || cp == 0x0587) {
      return new String(Character.toChars(first)) + lower(rest);
    }
    if (rest.endsWith("\u0399") && UnicodeScript.of(cp) == UnicodeScript.GREEK) {
      return upper.substring(0, upper.length() - 1) + "\u0345";
    }
    return upper;
  }

  /** The full lower-case mapping: the simple one but for İ, which becomes i and a dot above. */
  private static String lowerOf(int cp) {
    if (cp == 0x0130) {
      return "i\u0307";
    }
    return new String(Character.toChars(Character.toLowerCase(cp)));
  }
}
