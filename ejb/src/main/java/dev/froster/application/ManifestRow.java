package dev.froster.application;

import dev.froster.domain.model.asset.AssetDescription;

/** One asset of a manifest: its file URI and what the manifest tells about it. */
public record ManifestRow(int row, String uri, AssetDescription description) {}
