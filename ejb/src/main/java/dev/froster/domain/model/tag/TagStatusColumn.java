package dev.froster.domain.model.tag;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

/** Stores {@link TagStatus} as the lower-case words the schema's check constraint lists. */
@Converter(autoApply = true)
public class TagStatusColumn implements AttributeConverter<TagStatus, String> {

  @Override
  public String convertToDatabaseColumn(TagStatus status) {
    return status == null ? null : status.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public TagStatus convertToEntityAttribute(String column) {
    return column == null ? null : TagStatus.valueOf(column.toUpperCase(Locale.ROOT));
  }
}
