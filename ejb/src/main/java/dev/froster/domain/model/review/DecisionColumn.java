package dev.froster.domain.model.review;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores {@link Decision} as the lower-case words the schema's check constraint lists. */
@Converter(autoApply = true)
public class DecisionColumn implements AttributeConverter<Decision, String> {

  @Override
  public String convertToDatabaseColumn(Decision decision) {
    return decision == null ? null : decision.word();
  }

  @Override
  public Decision convertToEntityAttribute(String column) {
    return column == null ? null : Decision.of(column);
  }
}
