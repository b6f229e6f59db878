package dev.froster.engine.clip.tokenizer;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python's {@code html.unescape}, which CLIP's {@code basic_clean} applies twice, and the stricter
 * entity decoding of ftfy's {@code unescape_html} (only complete {@code &...;} references).
 *
 * <p>Numeric references follow Python exactly (Windows-1252 for 0x80-0x9F, U+FFFD for surrogates
 * and out-of-range values, nothing for non-characters); named ones cover HTML 4 (see the package
 * description for the difference).
 */
final class HtmlUnescaper {
  // Python's html._charref, character for character.
  private static final Pattern PYTHON_REFERENCE =
      Pattern.compile("&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\\t\\n\\f <&#;]{1,32};?)");
  // ftfy's HTML_ENTITY_RE.
  private static final Pattern COMPLETE_REFERENCE = Pattern.compile("&#?[0-9A-Za-z]{1,24};");

  /**
   * HTML 4 entity names with their code points in hex; a {@code *} marks the legacy names that
   * HTML5 also decodes without the closing semicolon.
   */
  private static final String ENTITIES =
      """
      Aacute*=c1 aacute*=e1 Acirc*=c2 acirc*=e2 acute*=b4 AElig*=c6 aelig*=e6 Agrave*=c0
      agrave*=e0 alefsym=2135 Alpha=391 alpha=3b1 AMP*=26 amp*=26 and=2227 ang=2220 apos=27
      Aring*=c5 aring*=e5 asymp=2248 Atilde*=c3 atilde*=e3 Auml*=c4 auml*=e4 bdquo=201e
      Beta=392 beta=3b2 brvbar*=a6 bull=2022 cap=2229 Ccedil*=c7 ccedil*=e7 cedil*=b8
      cent*=a2 Chi=3a7 chi=3c7 circ=2c6 clubs=2663 cong=2245 COPY*=a9 copy*=a9 crarr=21b5
      cup=222a curren*=a4 Dagger=2021 dagger=2020 dArr=21d3 darr=2193 deg*=b0 Delta=394
      delta=3b4 diams=2666 divide*=f7 Eacute*=c9 eacute*=e9 Ecirc*=ca ecirc*=ea Egrave*=c8
      egrave*=e8 empty=2205 emsp=2003 ensp=2002 Epsilon=395 epsilon=3b5 equiv=2261 Eta=397
      eta=3b7 ETH*=d0 eth*=f0 Euml*=cb euml*=eb euro=20ac exist=2203 fnof=192 forall=2200
      frac12*=bd frac14*=bc frac34*=be frasl=2044 Gamma=393 gamma=3b3 ge=2265 GT*=3e gt*=3e
      hArr=21d4 harr=2194 hearts=2665 hellip=2026 Iacute*=cd iacute*=ed Icirc*=ce icirc*=ee
      iexcl*=a1 Igrave*=cc igrave*=ec image=2111 infin=221e int=222b Iota=399 iota=3b9
      iquest*=bf isin=2208 Iuml*=cf iuml*=ef Kappa=39a kappa=3ba Lambda=39b lambda=3bb
      lang=27e8 laquo*=ab lArr=21d0 larr=2190 lceil=2308 ldquo=201c le=2264 lfloor=230a
      lowast=2217 loz=25ca lrm=200e lsaquo=2039 lsquo=2018 LT*=3c lt*=3c macr*=af mdash=2014
      micro*=b5 middot*=b7 minus=2212 Mu=39c mu=3bc nabla=2207 nbsp*=a0 ndash=2013 ne=2260
      ni=220b not*=ac notin=2209 nsub=2284 Ntilde*=d1 ntilde*=f1 Nu=39d nu=3bd Oacute*=d3
      oacute*=f3 Ocirc*=d4 ocirc*=f4 OElig=152 oelig=153 Ograve*=d2 ograve*=f2 oline=203e
      Omega=3a9 omega=3c9 Omicron=39f omicron=3bf oplus=2295 or=2228 ordf*=aa ordm*=ba
      Oslash*=d8 oslash*=f8 Otilde*=d5 otilde*=f5 otimes=2297 Ouml*=d6 ouml*=f6 para*=b6
      part=2202 permil=2030 perp=22a5 Phi=3a6 phi=3c6 Pi=3a0 pi=3c0 piv=3d6 plusmn*=b1
      pound*=a3 Prime=2033 prime=2032 prod=220f prop=221d Psi=3a8 psi=3c8 QUOT*=22 quot*=22
      radic=221a rang=27e9 raquo*=bb rArr=21d2 rarr=2192 rceil=2309 rdquo=201d real=211c
      REG*=ae reg*=ae rfloor=230b Rho=3a1 rho=3c1 rlm=200f rsaquo=203a rsquo=2019 sbquo=201a
      Scaron=160 scaron=161 sdot=22c5 sect*=a7 shy*=ad Sigma=3a3 sigma=3c3 sigmaf=3c2
      sim=223c spades=2660 sub=2282 sube=2286 sum=2211 sup=2283 sup1*=b9 sup2*=b2 sup3*=b3
      supe=2287 szlig*=df Tau=3a4 tau=3c4 there4=2234 Theta=398 theta=3b8 thetasym=3d1
      thinsp=2009 THORN*=de thorn*=fe tilde=2dc times*=d7 trade=2122 Uacute*=da uacute*=fa
      uArr=21d1 uarr=2191 Ucirc*=db ucirc*=fb Ugrave*=d9 ugrave*=f9 uml*=a8 upsih=3d2
      Upsilon=3a5 upsilon=3c5 Uuml*=dc uuml*=fc weierp=2118 Xi=39e xi=3be Yacute*=dd
      yacute*=fd yen*=a5 Yuml=178 yuml*=ff Zeta=396 zeta=3b6 zwj=200d zwnj=200c
      """;

  /** Keys as in Python's {@code html.entities.html5}: "amp;" always, "amp" for legacy names. */
  private static final Map<String, String> CHARACTER_OF_NAME = new HashMap<>();

  static {
    for (String entry : ENTITIES.trim().split("\\s+")) {
      int equals = entry.indexOf('=');
      String name = entry.substring(0, equals);
      String character = Character.toString(Integer.parseInt(entry.substring(equals + 1), 16));
      if (name.endsWith("*")) {
        name = name.substring(0, name.length() - 1);
        CHARACTER_OF_NAME.put(name, character);
      }
      CHARACTER_OF_NAME.put(name + ";", character);
    }
  }

  private HtmlUnescaper() {}

  /** Python's {@code html.unescape(text)}. */
  static String unescape(String text) {
    if (text.indexOf('&') < 0) {
      return text;
    }
    Matcher matcher = PYTHON_REFERENCE.matcher(text);
    return matcher.replaceAll(match -> Matcher.quoteReplacement(replace(match.group(1))));
  }

  /** ftfy's entity step: only {@code &name;} and {@code &#...;} that decode to something. */
  static String unescapeCompleteReferences(String text) {
    if (text.indexOf('&') < 0) {
      return text;
    }
    Matcher matcher = COMPLETE_REFERENCE.matcher(text);
    return matcher.replaceAll(
        match -> {
          String reference = match.group();
          String body = reference.substring(1);
          String decoded;
          if (body.startsWith("#")) {
            decoded = unescape(reference);
            // ftfy keeps a reference that html.unescape could not read (such as "&#xyz;").
            decoded = decoded.indexOf(';') >= 0 ? reference : decoded;
          } else {
            decoded = CHARACTER_OF_NAME.getOrDefault(body, reference);
          }
          return Matcher.quoteReplacement(decoded);
        });
  }

  // Python's html._replace_charref.
  private static String replace(String reference) {
    if (reference.charAt(0) == '#') {
      boolean hex =
          reference.length() > 1 && (reference.charAt(1) == 'x' || reference.charAt(1) == 'X');
      String digits = reference.substring(hex ? 2 : 1);
      if (digits.endsWith(";")) {
        digits = digits.substring(0, digits.length() - 1);
      }
      return numericCharacter(new BigInteger(digits, hex ? 16 : 10));
    }
    String whole = CHARACTER_OF_NAME.get(reference);
    if (whole != null) {
      return whole;
    }
    // The longest known prefix (legacy names need no semicolon): "&ampx" is "&" + "x".
    for (int length = reference.length() - 1; length > 1; length--) {
      String prefix = CHARACTER_OF_NAME.get(reference.substring(0, length));
      if (prefix != null) {
        return prefix + reference.substring(length);
      }
    }
    return "&" + reference;
  }

  private static String numericCharacter(BigInteger value) {
    if (value.compareTo(BigInteger.valueOf(0x10FFFF)) > 0) {
      return "\uFFFD";
    }
    int codePoint = value.intValue();
    if (codePoint == 0) {
      return "\uFFFD";
    }
    if (codePoint == 0x0D) {
      return "\r";
    }
    if (codePoint >= 0x80 && codePoint <= 0x9F) {
      return String.valueOf(Windows1252.decode(codePoint));
    }
    if (codePoint >= 0xD800 && codePoint <= 0xDFFF) {
      return "\uFFFD";
    }
    if (isInvalidCodePoint(codePoint)) {
      return "";
    }
    return Character.toString(codePoint);
  }

  // Python's html._invalid_codepoints (the C1 range is decoded above, before this test).
  private static boolean isInvalidCodePoint(int c) {
    return (c >= 0x01 && c <= 0x08)
        || c == 0x0B
        || (c >= 0x0E && c <= 0x1F)
        || c == 0x7F
        || (c >= 0xFDD0 && c <= 0xFDEF)
        || (c & 0xFFFE) == 0xFFFE;
  }
}
