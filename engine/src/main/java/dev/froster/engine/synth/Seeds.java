package dev.froster.engine.synth;

/**
 * Derives independent seeds for each clip and image from the generator seed, so that output does
 * not depend on the order or the thread in which items are generated.
 */
final class Seeds {
  private Seeds() {}

  /** SplitMix64 over the parts: well-mixed, and stable across Java versions. */
  static long mix(long... parts) {
    long state = 0x9E3779B97F4A7C15L;
    for (long part : parts) {
      state += part * 0xBF58476D1CE4E5B9L + 0x9E3779B97F4A7C15L;
      state = (state ^ (state >>> 30)) * 0xBF58476D1CE4E5B9L;
      state = (state ^ (state >>> 27)) * 0x94D049BB133111EBL;
      state ^= state >>> 31;
    }
    return state;
  }
}
