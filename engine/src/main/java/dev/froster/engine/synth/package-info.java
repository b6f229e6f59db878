/**
 * The synthetic action world: a benchmark generated as real video files, for FROSTER's two
 * protocols (base-to-novel and cross-domain) on a machine without Kinetics or CLIP weights, and the
 * dataset format every trainer and evaluator of the engine reads.
 *
 * <h2>The world</h2>
 *
 * Objects ({@link dev.froster.engine.synth.ShapeKind}: circle, square, triangle, star, ring, cross)
 * in seven {@link dev.froster.engine.synth.ObjectColour colours}, two {@link
 * dev.froster.engine.synth.ObjectSize sizes} and three {@link dev.froster.engine.synth.ObjectStyle
 * styles} (filled, outlined, striped), on six procedurally textured {@link
 * dev.froster.engine.synth.Place places} (grass, sand, brick wall, water, snow, night sky), doing
 * one of fourteen {@link dev.froster.engine.synth.Motion motions}: moving left/right/up/down,
 * rotating clockwise/counterclockwise, growing, shrinking, the order-dependent growing then
 * shrinking / shrinking then growing / moving left then up / moving up then left, and bouncing and
 * circling. Frames integrate a short symmetric exposure (motion and rotation blur, never revealing
 * direction) plus sensor noise: as in real footage, some of what separates classes is visible in
 * one frame (shape, whether it moves or turns) and some needs time (direction, order). Every object
 * carries a dark hand from its centre to its top, so that rotation shows on round shapes.
 *
 * <h2>Classes and the base/novel split</h2>
 *
 * A class is a shape doing a motion, named "circle moving left", with the description "a round
 * shape slides from the right of the frame to the left." ({@link
 * dev.froster.engine.synth.ActionClass#prompt()} gives FROSTER's "name: description"). Number the
 * world's shapes s = 0, 1, ... and the twelve video motions a = 0..11 in {@link
 * dev.froster.engine.synth.Motion} order ({@link dev.froster.engine.synth.ClassCatalogue}):
 *
 * <ul>
 *   <li><b>base</b> iff (s + a) mod 3 = 0: every shape and every video motion occurs in base
 *       classes (there are at least three shapes);
 *   <li><b>novel, compositional</b> iff (s + a) mod 3 = 1: unseen combinations of a shape and a
 *       motion that both occur in base classes (e.g. base "circle moving left" and "star moving
 *       right" → novel "circle moving right");
 *   <li><b>novel, caption-only motion</b>: bouncing (j = 0) and circling (j = 1) with shape s iff
 *       (s + j) mod 3 = 0; these motion words never occur in base classes or base videos, only in
 *       the teacher's captioned images, as an action CLIP knows from photos but the video training
 *       set lacks;
 *   <li>pairs with (s + a) mod 3 = 2 are not classes (they keep the world small; they still occur
 *       in captioned images).
 * </ul>
 *
 * Six shapes give 24 base and 28 novel classes; the quick world (three shapes) 12 and 14.
 *
 * <p>With {@code --novel-classes colour} ({@link dev.froster.engine.synth.NovelClasses#COLOUR}) the
 * base classes and their videos stay the same (byte for byte, for the same seed), and the novel
 * classes are one per colour instead: "red shape moving", "a red shape moves across the frame or
 * changes.", whose videos show the novel shape-motion pairs above, drawn uniformly, in that colour.
 * Why the base-to-novel benchmark uses it: the novel classes of the plain plan are separated by
 * motion, and a tiny CLIP pretrained on stills learns next to nothing of motion (zero-shot 9-17 %
 * on twelve motions, chance 8 %; docs/benchmarks.md), so its frozen copy is at chance on them and
 * distillation has nothing to keep. Colour it names in 92-97 % of frames, base training never needs
 * it (base colours are random), and fine-tuning can forget it: the paper's setting, novel classes
 * separated by what frozen CLIP sees and the video training set does not exercise.
 *
 * <h2>Domains (cross-domain split)</h2>
 *
 * Every class has videos in two {@link dev.froster.engine.synth.Domain domains}: "a" (grass, sand,
 * brick wall; filled objects) and "b" (water, snow, night sky; outlined or striped objects). Train
 * on domain a, test on domain b. Colour and size are random in both.
 *
 * <h2>Captioned still images (teacher pretraining)</h2>
 *
 * Stills of every shape with every motion and at rest ({@link
 * dev.froster.engine.synth.StillRenderer}), in every place, style, colour and size, captioned in
 * varied templates ("a small red circle moving left", "a photo of a star rotating clockwise on
 * grass"). A still of a motion carries a cue a photo could carry: a faint trail of past positions,
 * fading outlines of past sizes, a fading arc swept by the hand. So every word of every class name,
 * including the novel ones, is learnable from images.
 *
 * <p>Like web captions, most captions name the subject and leave the background out ({@link
 * dev.froster.engine.synth.CaptionWriter}), and objects are large (a quarter to a third of the
 * frame side in radius): with small objects and captions that always name the place, a small CLIP
 * pretrained on the stills learned the six backgrounds and nothing of the objects (swapped-caption
 * probe, {@link dev.froster.engine.clip.pretrain.SwappedCaptionProbe}: place 0.995, colour 0.15,
 * shape 0.35, chance 0.17 / 0.14 / 0.33), and then no method could learn the classes. {@link
 * dev.froster.engine.synth.CaptionVocabulary} lists the attribute words the probe swaps.
 *
 * <h2>Videos</h2>
 *
 * H.264 (yuv420p) MP4 through JavaCV, default 64 × 64 at 15 fps for 3 s (45 frames). 64 px keeps
 * shapes, colours and the hand legible through yuv420p chroma subsampling while costing 2.25× fewer
 * pixels than 96 px to render, encode, decode and push through a tiny ViT (64 patches of 8 px) on
 * two cores. Everything random derives from the seed per item, so the same settings give
 * byte-identical files in any thread order. Files are written under a temporary name and renamed;
 * the manifest is written last.
 *
 * <h2>Dataset folder (the format the engine's trainer and evaluator read)</h2>
 *
 * <pre>
 * classes.tsv    id, name, description, split (base|novel)                   header row, tabs
 * videos.tsv     path, class_id [, domain] [, subset (train|test)] [, more]  paths relative to
 *                the folder (or absolute); the synthetic world adds place, style, colour, size
 * images.tsv     path, caption                                                optional
 * manifest.json  generator, generatorVersion, seed, parameters, domains, counts  optional
 * videos/&lt;domain&gt;/&lt;id&gt;-&lt;class-name&gt;/NNN.mp4, images/NNNNN.png
 * </pre>
 *
 * {@link dev.froster.engine.synth.ActionDatasetReader} checks everything (class ids known, files
 * present, fields well formed, ids and names unique) and names file and line of the first problem
 * ({@link dev.froster.engine.synth.DatasetFormatException}); {@link
 * dev.froster.engine.synth.ActionDatasetWriter} writes the same format. {@link
 * dev.froster.engine.synth.ActionDataset#shots} draws K training videos per base class at read
 * time. {@link dev.froster.engine.synth.SynthCommand} is {@code froster synth}.
 */
package dev.froster.engine.synth;
