package dev.froster.interfaces.rest;

import java.util.Locale;

/**
 * The HTTP content type of a stored video, from the container FFmpeg found when probing (e.g.
 * {@code mov,mp4,m4a,3gp,3g2,mj2}) and, where one container name covers several formats, the file
 * name's extension.
 */
final class VideoContentType {

  static final String UNKNOWN = "application/octet-stream";

  private VideoContentType() {}

  static String of(String container, String fileName) {
    String extension = extension(fileName);
    if (container == null || container.isBlank()) {
      return byExtension(extension);
    }
    String name = container.toLowerCase(Locale.ROOT);
    if (name.contains("mp4") || name.contains("mov")) {
      return switch (extension) {
        case "mov", "qt" -> "video/quicktime";
        case "3gp" -> "video/3gpp";
        case "m4a" -> "audio/mp4";
        default -> "video/mp4";
      };
    }
    if (name.contains("matroska") || name.contains("webm")) {
      return extension.equals("webm") ? "video/webm" : "video/x-matroska";
    }
    if (name.equals("avi")) {
      return "video/x-msvideo";
    }
    if (name.equals("mpegts")) {
      return "video/mp2t";
    }
    if (name.equals("mpeg")) {
      return "video/mpeg";
    }
    if (name.equals("ogg")) {
      return "video/ogg";
    }
    if (name.equals("flv")) {
      return "video/x-flv";
    }
    return byExtension(extension);
  }

  private static String byExtension(String extension) {
    return switch (extension) {
      case "mp4", "m4v" -> "video/mp4";
      case "mov" -> "video/quicktime";
      case "webm" -> "video/webm";
      case "mkv" -> "video/x-matroska";
      case "avi" -> "video/x-msvideo";
      case "ts" -> "video/mp2t";
      case "mpg", "mpeg" -> "video/mpeg";
      case "ogv" -> "video/ogg";
      default -> UNKNOWN;
    };
  }

  private static String extension(String fileName) {
    if (fileName == null) {
      return "";
    }
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
