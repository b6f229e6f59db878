/**
 * CLIP's byte-level BPE tokenizer, giving the same token ids as OpenAI's {@code
 * simple_tokenizer.py}.
 *
 * <p>{@link dev.froster.engine.clip.tokenizer.ClipTokenizer} is the entry point: it loads OpenAI's
 * {@code bpe_simple_vocab_16e6.txt.gz} or Hugging Face's {@code vocab.json} + {@code merges.txt},
 * turns text into {@code [SOT, ..., EOT, 0, ...]} rows of the context length, and writes the
 * Hugging Face layout for a model bundle. The steps, in the order the text flows:
 *
 * <ol>
 *   <li>{@code FtfyTextFixes} and {@code HtmlUnescaper}, driven by {@code ClipTextCleaner}: CLIP's
 *       {@code basic_clean} ({@code ftfy.fix_text}, {@code html.unescape} twice, strip) and {@code
 *       whitespace_clean}, then lower-casing;
 *   <li>{@code ClipTokenizer}'s pre-tokenising pattern (special tokens, contractions, letter runs,
 *       single digits, runs of other symbols);
 *   <li>{@code ByteLevelAlphabet}: UTF-8 bytes of each piece as printable characters;
 *   <li>{@code BpeMerges}: lowest-rank pair merging with {@code </w>} on the last symbol;
 *   <li>{@code ClipVocabulary}: symbol to id, and the file formats.
 * </ol>
 *
 * <p>Accepted differences from OpenAI's Python code, all limited to unusual input:
 *
 * <ul>
 *   <li>ftfy's mojibake repair ({@code fix_encoding}: text that was UTF-8 decoded as Latin-1 or
 *       Windows-1252, such as {@code "cafÃ©"}) is not ported: such text is tokenised as it stands.
 *       The deterministic ftfy fixes are ported (HTML entities, C1 controls, Latin ligatures,
 *       full-width forms, curly quotes, line breaks, lone surrogates, terminal escapes, control
 *       characters, NFC).
 *   <li>HTML entities: numeric references follow Python's {@code html.unescape} exactly; named ones
 *       cover HTML 4 (252 names) plus {@code &apos;} and the upper-case legacy names, not all 2,231
 *       HTML5 names; ftfy's upper-cased variants (such as {@code &EACUTE;}) are not decoded.
 *   <li>Unicode tables are the JDK's (Unicode 13 on Java 17) where Python may use a newer version,
 *       so characters assigned after Unicode 13 may be classed differently.
 * </ul>
 *
 * <p>As in OpenAI's code, the literal text {@code <|startoftext|>} or {@code <|endoftext|>} inside
 * a caption becomes the special token's id.
 */
package dev.froster.engine.clip.tokenizer;
