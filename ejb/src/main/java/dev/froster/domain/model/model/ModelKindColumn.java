package dev.froster.domain.model.model;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

/** Stores {@link ModelKind} as the lower-case words the schema's check lists. */
@Converter(autoApply = true)
public class ModelKindColumn implements AttributeConverter<ModelKind, String> {

  @Override
  public String convertToDatabaseColumn(ModelKind kind) {
    return kind == null ? null : kind.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public ModelKind convertToEntityAttribute(String column) {
    return column == null ? null : ModelKind.valueOf(column.toUpperCase(Locale.ROOT));
  }
}
