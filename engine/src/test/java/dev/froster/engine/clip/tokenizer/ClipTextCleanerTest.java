package dev.froster.engine.clip.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** CLIP's clean-up: ftfy's deterministic fixes, html.unescape twice, whitespace, lower case. */
class ClipTextCleanerTest {

  @Test
  void whitespaceRunsOfAnyKindBecomeOneSpaceAndEndsAreStripped() {
    assertEquals("lots of white space", ClipTextCleaner.clean("   lots   of\twhite\n\r\nspace  "));
    assertEquals("a b c", ClipTextCleaner.clean("\u00a0a\u2003b\u3000c\u2029"));
  }

  @Test
  void textIsLowerCasedAfterCleaning() {
    assertEquals("café crème", ClipTextCleaner.clean("CAFÉ Crème"));
  }

  @Test
  void capitalSigmaTakesTheFinalFormByItsNeighboursAsInPython() {
    assertEquals("οδυσσευς", ClipTextCleaner.clean("ΟΔΥΣΣΕΥΣ"));
    // Java decides by word boundaries and would say the opposite for each of the first four.
    assertEquals("ας-α α-σ ας1α α1σ", ClipTextCleaner.clean("ΑΣ-Α Α-Σ ΑΣ1Α Α1Σ"));
    // A '.' inside a word is case-ignorable, so the sigma is followed by a letter: not final.
    assertEquals("ασ.α σ ας½", ClipTextCleaner.clean("ΑΣ.Α Σ ΑΣ½"));
  }

  @Test
  void htmlEntitiesAreDecodedAsPythonsHtmlUnescapeDoes() {
    assertEquals("& html <tags>", ClipTextCleaner.clean("&amp; html &lt;tags&gt;"));
    assertEquals("é € 😀 '", ClipTextCleaner.clean("&#233; &#128; &#x1F600; &apos;"));
    // Legacy names need no semicolon; unknown names and out-of-range numbers stay or become U+FFFD.
    assertEquals(
        "© fish&chips &bogus; \ufffd",
        ClipTextCleaner.clean("&copy fish&ampchips &bogus; &#1114112;"));
  }

  @Test
  void htmlIsUnescapedRepeatedlyUnlessTheTextLooksLikeMarkup() {
    // Plain text: ftfy decodes until nothing changes, then html.unescape runs twice more.
    assertEquals("&", ClipTextCleaner.clean("&amp;amp;amp;amp;"));
    // With a '<' ftfy leaves entities alone, so only CLIP's two html.unescape calls apply.
    assertEquals("<b>&amp;</b>", ClipTextCleaner.clean("<b>&amp;amp;amp;</b>"));
  }

  @Test
  void curlyQuotesBecomeStraightSoContractionsStillSplit() {
    assertEquals("it's \"fine\"", ClipTextCleaner.clean("It\u2019s \u201cfine\u201d"));
  }

  @Test
  void decomposedAccentsAreComposed() {
    assertEquals("café", ClipTextCleaner.clean("cafe\u0301"));
  }

  @Test
  void ligaturesAndFullWidthFormsBecomePlainLetters() {
    assertEquals(
        "fine office abc!", ClipTextCleaner.clean("\ufb01ne o\ufb03ce \uff21\uff22\uff23\uff01"));
  }

  @Test
  void controlCharactersTerminalEscapesAndLoneSurrogatesAreRepaired() {
    assertEquals("ab red", ClipTextCleaner.clean("a\u0000b\ufeff \u001b[31mred\u001b[0m"));
    assertEquals("x\ufffdy", ClipTextCleaner.clean("x\ud800y"));
    // A C1 control is read as the Windows-1252 byte it most likely was.
    assertEquals("'quoted'", ClipTextCleaner.clean("\u0092quoted\u0092"));
  }
}
