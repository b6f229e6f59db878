package dev.froster.domain.model.tag;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

/** Stores {@link TagSource} as the lower-case words the schema's check constraint lists. */
@Converter(autoApply = true)
public class TagSourceColumn implements AttributeConverter<TagSource, String> {

  @Override
  public String convertToDatabaseColumn(TagSource source) {
    return source == null ? null : source.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public TagSource convertToEntityAttribute(String column) {
    return column == null ? null : TagSource.valueOf(column.toUpperCase(Locale.ROOT));
  }
}
