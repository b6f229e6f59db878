package dev.froster.engine.clip.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The safetensors format: an 8-byte little-endian header length, a JSON header naming every tensor
 * with its dtype, shape and byte range, then the raw little-endian data.
 *
 * <p>The header is read and checked on its own ({@link #readHeader}) so that shapes can be
 * validated before any data is read, and a truncated file is reported with the first tensor whose
 * bytes are missing. Data is copied into memory owned by the arrays (never memory-mapped, so a file
 * replaced later cannot crash the JVM).
 */
public final class SafetensorsFile {

  private static final String METADATA = "__metadata__";
  private static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

  private SafetensorsFile() {}

  /** One tensor's entry in the header. */
  public record Entry(String name, DataType dataType, Shape shape, long begin, long end) {}

  /** The parsed header: entries in file order and the free-form metadata. */
  public record Header(Map<String, Entry> entries, Map<String, String> metadata, long dataStart) {

    /** Every tensor's shape by name. */
    public Map<String, Shape> shapes() {
      Map<String, Shape> shapes = new LinkedHashMap<>();
      entries.forEach((name, entry) -> shapes.put(name, entry.shape()));
      return shapes;
    }
  }

  /** Reads and checks the header of {@code file}: dtypes known, byte ranges inside the file. */
  public static Header readHeader(Path file) throws CheckpointException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long fileSize = channel.size();
      if (fileSize < 8) {
        throw new CheckpointException(file, "not a safetensors file: only " + fileSize + " bytes");
      }
      ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      readFully(channel, lengthBytes, 0);
      long headerLength = lengthBytes.flip().getLong();
      if (headerLength <= 0 || headerLength > MAX_HEADER_BYTES || headerLength > fileSize - 8) {
        throw new CheckpointException(
            file,
            "not a safetensors file or truncated: header length "
                + headerLength
                + " with a file of "
                + fileSize
                + " bytes");
      }
      ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
      readFully(channel, headerBytes, 8);
      String json = new String(headerBytes.array(), StandardCharsets.UTF_8);
      return parseHeader(file, json, 8 + headerLength, fileSize);
    } catch (CheckpointException e) {
      throw e;
    } catch (IOException e) {
      throw new CheckpointException(file, "cannot read: " + e.getMessage(), e);
    }
  }

  private static Header parseHeader(Path file, String json, long dataStart, long fileSize)
      throws CheckpointException {
    JsonObject root;
    try {
      root = JsonParser.parseString(json).getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      throw new CheckpointException(file, "not a safetensors file: header is not a JSON object", e);
    }
    Map<String, Entry> entries = new LinkedHashMap<>();
    Map<String, String> metadata = new LinkedHashMap<>();
    long dataSize = fileSize - dataStart;
    for (Map.Entry<String, JsonElement> member : root.entrySet()) {
      String name = member.getKey();
      if (METADATA.equals(name)) {
        member
            .getValue()
            .getAsJsonObject()
            .entrySet()
            .forEach(m -> metadata.put(m.getKey(), m.getValue().getAsString()));
        continue;
      }
      Entry entry = parseEntry(file, name, member.getValue());
      if (entry.end() > dataSize) {
        throw new CheckpointException(
            file,
            name,
            "data ends at byte "
                + entry.end()
                + " but the file holds only "
                + dataSize
                + " data bytes (truncated file?)",
            null);
      }
      entries.put(name, entry);
    }
    return new Header(entries, metadata, dataStart);
  }

  private static Entry parseEntry(Path file, String name, JsonElement element)
      throws CheckpointException {
    try {
      JsonObject object = element.getAsJsonObject();
      String dtype = object.get("dtype").getAsString();
      DataType dataType = DataType.fromSafetensors(dtype);
      if (dataType == DataType.UNKNOWN) {
        throw new CheckpointException(file, name, "unsupported dtype " + dtype, null);
      }
      JsonArray dims = object.getAsJsonArray("shape");
      long[] shape = new long[dims.size()];
      for (int i = 0; i < shape.length; i++) {
        shape[i] = dims.get(i).getAsLong();
      }
      JsonArray offsets = object.getAsJsonArray("data_offsets");
      long begin = offsets.get(0).getAsLong();
      long end = offsets.get(1).getAsLong();
      Shape tensorShape = new Shape(shape);
      long expectedBytes = tensorShape.size() * dataType.getNumOfBytes();
      if (begin < 0 || end - begin != expectedBytes) {
        throw new CheckpointException(
            file,
            name,
            "byte range [" + begin + ", " + end + ") does not hold " + tensorShape + " " + dtype,
            null);
      }
      return new Entry(name, dataType, tensorShape, begin, end);
    } catch (CheckpointException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CheckpointException(file, name, "malformed header entry: " + element, e);
    }
  }

  /**
   * Reads the named tensors of {@code file} into {@code manager}, converting floating types to fp32
   * (integer tensors keep their type).
   */
  public static Map<String, NDArray> read(
      Path file, Header header, Iterable<String> names, NDManager manager)
      throws CheckpointException {
    Map<String, NDArray> arrays = new LinkedHashMap<>();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      for (String name : names) {
        Entry entry = header.entries().get(name);
        if (entry == null) {
          throw new CheckpointException(file, name, "missing", null);
        }
        ByteBuffer data =
            ByteBuffer.allocateDirect(Math.toIntExact(entry.end() - entry.begin()))
                .order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, data, header.dataStart() + entry.begin());
        data.flip();
        NDArray array = manager.create(data, entry.shape(), entry.dataType());
        if (entry.dataType().isFloating() && entry.dataType() != DataType.FLOAT32) {
          NDArray widened = array.toType(DataType.FLOAT32, false);
          array.close();
          array = widened;
        }
        array.setName(name);
        arrays.put(name, array);
      }
    } catch (CheckpointException e) {
      arrays.values().forEach(NDArray::close);
      throw e;
    } catch (IOException | RuntimeException e) {
      arrays.values().forEach(NDArray::close);
      throw new CheckpointException(file, "cannot read tensor data: " + e.getMessage(), e);
    }
    return arrays;
  }

  /** Reads every tensor of {@code file}. */
  public static Map<String, NDArray> readAll(Path file, NDManager manager)
      throws CheckpointException {
    Header header = readHeader(file);
    return read(file, header, header.entries().keySet(), manager);
  }

  /**
   * Writes {@code tensors} (in iteration order) and {@code metadata} to {@code file} and forces the
   * bytes to disk.
   */
  public static void write(Path file, Map<String, NDArray> tensors, Map<String, String> metadata)
      throws IOException {
    JsonObject header = new JsonObject();
    if (!metadata.isEmpty()) {
      JsonObject meta = new JsonObject();
      metadata.forEach(meta::addProperty);
      header.add(METADATA, meta);
    }
    long offset = 0;
    for (Map.Entry<String, NDArray> tensor : tensors.entrySet()) {
      NDArray array = tensor.getValue();
      JsonObject entry = new JsonObject();
      entry.addProperty("dtype", array.getDataType().asSafetensors());
      JsonArray shape = new JsonArray();
      for (long dim : array.getShape().getShape()) {
        shape.add(dim);
      }
      entry.add("shape", shape);
      long bytes = array.getShape().size() * array.getDataType().getNumOfBytes();
      JsonArray offsets = new JsonArray();
      offsets.add(offset);
      offsets.add(offset + bytes);
      entry.add("data_offsets", offsets);
      header.add(tensor.getKey(), entry);
      offset += bytes;
    }
    byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
    // the format pads the header with spaces so that the data starts 8-byte aligned
    int padded = (json.length + 7) / 8 * 8;
    ByteBuffer prefix = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
    prefix.putLong(padded).put(json);
    while (prefix.hasRemaining()) {
      prefix.put((byte) ' ');
    }
    prefix.flip();
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      writeFully(channel, prefix);
      for (NDArray array : tensors.values()) {
        writeFully(channel, array.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN));
      }
      channel.force(true);
    }
  }

  private static void readFully(FileChannel channel, ByteBuffer target, long position)
      throws IOException {
    long at = position;
    while (target.hasRemaining()) {
      int read = channel.read(target, at);
      if (read < 0) {
        throw new IOException("unexpected end of file at byte " + at);
      }
      at += read;
    }
  }

  private static void writeFully(FileChannel channel, ByteBuffer source) throws IOException {
    while (source.hasRemaining()) {
      channel.write(source);
    }
  }
}
