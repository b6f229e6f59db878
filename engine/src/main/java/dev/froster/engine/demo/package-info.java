/**
 * The out-of-the-box demo: a deterministic recipe for the demo model ({@code froster demo-model}:
 * synthetic training world, tiny CLIP teacher, FROSTER student fine-tuned on every action class), a
 * deterministic demo catalogue of multi-shot action videos with ground-truth moments ({@code
 * froster demo-catalogue}), and the search evaluation that scores a model on it ({@code froster
 * eval-search}: top-1 and recall@10 of free-text queries over the catalogue's segments).
 */
package dev.froster.engine.demo;
