package dev.froster.interfaces.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /model-versions}: a name and a bundle folder under the models root. */
public record ModelVersionRegistration(
    @NotBlank @Size(max = 200) String name, @NotBlank String bundlePath) {}
