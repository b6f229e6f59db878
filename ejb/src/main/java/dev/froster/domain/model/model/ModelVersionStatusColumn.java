package dev.froster.domain.model.model;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

/** Stores {@link ModelVersionStatus} as the lower-case words the schema's check lists. */
@Converter(autoApply = true)
public class ModelVersionStatusColumn implements AttributeConverter<ModelVersionStatus, String> {

  @Override
  public String convertToDatabaseColumn(ModelVersionStatus status) {
    return status == null ? null : status.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public ModelVersionStatus convertToEntityAttribute(String column) {
    return column == null ? null : ModelVersionStatus.valueOf(column.toUpperCase(Locale.ROOT));
  }
}
