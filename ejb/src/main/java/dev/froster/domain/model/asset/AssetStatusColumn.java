package dev.froster.domain.model.asset;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

/** Stores {@link AssetStatus} as the lower-case words the schema's check constraint lists. */
@Converter(autoApply = true)
public class AssetStatusColumn implements AttributeConverter<AssetStatus, String> {

  @Override
  public String convertToDatabaseColumn(AssetStatus status) {
    return status == null ? null : status.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public AssetStatus convertToEntityAttribute(String column) {
    return column == null ? null : AssetStatus.valueOf(column.toUpperCase(Locale.ROOT));
  }
}
