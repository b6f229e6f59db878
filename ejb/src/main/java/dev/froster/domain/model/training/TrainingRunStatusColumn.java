package dev.froster.domain.model.training;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

/** Stores {@link TrainingRunStatus} as the lower-case words the schema's check lists. */
@Converter(autoApply = true)
public class TrainingRunStatusColumn implements AttributeConverter<TrainingRunStatus, String> {

  @Override
  public String convertToDatabaseColumn(TrainingRunStatus status) {
    return status == null ? null : status.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public TrainingRunStatus convertToEntityAttribute(String column) {
    return column == null ? null : TrainingRunStatus.valueOf(column.toUpperCase(Locale.ROOT));
  }
}
