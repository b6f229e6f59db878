package dev.froster.interfaces.faces;

import jakarta.faces.context.FacesContext;

/** URLs of the REST API that pages embed: keyframes and videos, fetched by the browser. */
public final class Links {

  private Links() {}

  public static String keyframe(long segmentId) {
    return api() + "/segments/" + segmentId + "/keyframe";
  }

  public static String video(long assetId) {
    return api() + "/assets/" + assetId + "/video";
  }

  private static String api() {
    return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
        + "/api/v1";
  }

  /** "1:02.5" for 62 500 ms: how the pages show a time in a video. */
  public static String time(long ms) {
    long tenths = ms / 100;
    return String.format("%d:%02d.%d", tenths / 600, (tenths / 10) % 60, tenths % 10);
  }
}
